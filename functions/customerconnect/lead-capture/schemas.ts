import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';
import { CustomValues } from '../domain/custom-fields';
import { LEAD_SOURCES } from '../domain/leads';

/**
 * What a web form posts (web-to-lead) and what it hears back. `website` is a
 * honeypot: a field the form hides from people, so only bots fill it.
 */
export const CaptureLeadBody = z.strictObject({
  name: displayText().min(1, 'Give your name.').max(200).meta({
    description: 'Full name; the last word becomes the last name.',
  }),
  email: z
    .email('An email address such as ana@example.com.')
    .max(254)
    .overwrite((email) => email.toLowerCase()),
  company: displayText().max(200).optional(),
  phone: displayText().max(40).optional(),
  title: displayText().max(150).optional(),
  message: z.string().trim().max(5000).optional(),
  source: z
    .enum(LEAD_SOURCES)
    .optional()
    .meta({ description: 'Where the lead came from; `web` unless given.' }),
  territory: displayText().max(100).optional(),
  custom: CustomValues.optional(),
  website: z.string().max(2048).optional().meta({
    description:
      'Honeypot: hide this field from people (CSS), leave it empty. A submission with it filled is accepted but discarded.',
  }),
});
export type CaptureLeadInput = z.output<typeof CaptureLeadBody>;

export const CaptureAccepted = z.object({
  id: z
    .uuid()
    .meta({ description: 'The submission’s lead id (the same for a replay of the Idempotency-Key).' }),
  status: z.literal('accepted'),
});
export type CaptureAccepted = z.infer<typeof CaptureAccepted>;

/** Idempotency-Key as this route takes it: 1 to 200 visible ASCII characters. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
