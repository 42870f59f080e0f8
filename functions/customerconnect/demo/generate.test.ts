import { describe, expect, it } from 'vitest';
import { DEMO_PIPELINES } from './data';
import { DEMO_COUNTS, generateCrm } from './generate';

let counter = 0;
const newId = () => {
  counter += 1;
  return `id-${counter}`;
};
const ids = { newId, owners: ['sofia', 'ravi', 'maya'] };
const today = new Date('2026-12-06T12:00:00Z');

describe('the CustomerConnect demo generator', () => {
  it('is repeatable: the same day gives the same CRM', () => {
    // Arrange / act
    const first = generateCrm(today, ids);
    const second = generateCrm(today, ids);

    // Assert: names and figures match (ids differ by construction).
    expect(second.companies.map((company) => company.name)).toEqual(
      first.companies.map((company) => company.name),
    );
    expect(second.opportunities.map((deal) => deal.amount)).toEqual(
      first.opportunities.map((deal) => deal.amount),
    );
  });

  it('has the promised volume, unique company domains and unique contact emails', () => {
    const crm = generateCrm(today, ids);

    expect(crm.companies).toHaveLength(DEMO_COUNTS.companies);
    expect(crm.contacts).toHaveLength(DEMO_COUNTS.contacts);
    expect(new Set(crm.companies.map((company) => company.domain)).size).toBe(DEMO_COUNTS.companies);
    expect(new Set(crm.emails.map((email) => email.email)).size).toBe(DEMO_COUNTS.contacts);
  });

  it('puts leads in every status and deals in every stage of both pipelines', () => {
    const crm = generateCrm(today, ids);

    expect(new Set(crm.leads.map((lead) => lead.status))).toEqual(
      new Set(['new', 'contacted', 'qualified', 'unqualified', 'converted']),
    );
    const stageCount = DEMO_PIPELINES.reduce((sum, pipeline) => sum + pipeline.stages.length, 0);
    expect(new Set(crm.opportunities.map((deal) => deal.stage_id)).size).toBe(stageCount);
  });

  it('keeps a quarter of stage history whose time in stage adds up', () => {
    const crm = generateCrm(today, ids);
    const oldest = Math.min(...crm.stageHistory.map((row) => Date.parse(row.changed_at)));

    expect(today.getTime() - oldest).toBeGreaterThan(60 * 86_400_000);
    expect(today.getTime() - oldest).toBeLessThanOrEqual(91 * 86_400_000);
    for (const row of crm.stageHistory) {
      if (row.from_stage_id === null) expect(row.seconds_in_from_stage).toBeNull();
      else expect(row.seconds_in_from_stage).toBeGreaterThanOrEqual(0);
    }
  });

  it('closes won and lost deals with a reason and leaves open ones without', () => {
    const crm = generateCrm(today, ids);

    for (const deal of crm.opportunities) {
      expect(deal.closed_at === null).toBe(deal.status === 'open');
      expect(deal.close_reason === null).toBe(deal.status === 'open');
      expect(deal.amount).toMatch(/^\d+\.\d{2}$/);
    }
  });
});
