import * as z from 'zod';

export const LabelQuery = z.strictObject({
  format: z.enum(['svg', 'pdf']).default('svg').meta({
    description:
      '`svg` (image/svg+xml) or `pdf` (application/pdf; in AWS send `Accept: application/pdf` to receive bytes).',
  }),
});
export type LabelFormat = z.output<typeof LabelQuery>['format'];

export const ItemLabelParams = z.strictObject({ itemId: z.uuid() });
export const LocationLabelParams = z.strictObject({ stockLocationId: z.uuid() });

/** The media types a label answers in, declared in OpenAPI. */
export const LABEL_MEDIA_TYPES = ['image/svg+xml', 'application/pdf'] as const;
