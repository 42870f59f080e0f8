/**
 * Lead conversion's pure parts: which company domain a lead points at, and
 * the body of `POST /leads/{leadId}/convert` from the dialog's choices.
 */

/** Mail providers whose domain says nothing about the lead's company. */
const PERSONAL_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'proton.me',
  'protonmail.com',
]);

/** "https://www.Acme.example/about" → "acme.example"; undefined when it is not a host name. */
export function hostOf(raw: string | null | undefined): string | undefined {
  const text = raw?.trim();
  if (!text || /\s/.test(text)) return undefined;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname
      .toLowerCase()
      .replace(/\.$/, '')
      .replace(/^www\./, '');
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

/** The company domain of a lead: its website, else its email's domain unless that is a personal mailbox. */
export function leadDomain(lead: { website?: string | null; email?: string | null }): string | undefined {
  const fromWebsite = hostOf(lead.website);
  if (fromWebsite) return fromWebsite;
  const emailDomain = lead.email?.split('@')[1];
  const host = hostOf(emailDomain);
  return host && !PERSONAL_MAIL.has(host) ? host : undefined;
}

export type CompanyChoice = 'matched' | 'new' | 'existing' | 'none';

export interface ConvertChoices {
  company: CompanyChoice;
  /** The chosen company: the matched one or one picked from the list. */
  companyId: string;
  deal: boolean;
  dealName: string;
  pipelineId: string;
  stageId: string;
  amount: string;
  currency: string;
  expectedCloseDate: string;
}

export interface ConvertBody {
  company: { id: string } | { create: true } | null;
  opportunity?: {
    name: string;
    pipelineId: string;
    stageId?: string;
    amount?: string;
    currency?: string;
    expectedCloseDate?: string;
  };
}

export function convertBody(choices: ConvertChoices): ConvertBody {
  const company =
    (choices.company === 'matched' || choices.company === 'existing') && choices.companyId
      ? { id: choices.companyId }
      : choices.company === 'new'
        ? ({ create: true } as const)
        : null;
  if (!choices.deal) return { company };
  const amount = choices.amount.trim();
  return {
    company,
    opportunity: {
      name: choices.dealName.trim(),
      pipelineId: choices.pipelineId,
      ...(choices.stageId ? { stageId: choices.stageId } : {}),
      ...(amount ? { amount, currency: choices.currency.trim().toUpperCase() } : {}),
      ...(choices.expectedCloseDate ? { expectedCloseDate: choices.expectedCloseDate } : {}),
    },
  };
}
