import { pdfResult, svgResult } from '@halooid/shared/documents/responses';
import { createHttpHandler, type RawResult } from '@halooid/shared/http/adapter';
import { type LabelContent, labelPdf, labelSvg } from './label';
import { itemLabel } from './render-item-label';
import { locationLabel } from './render-location-label';
import type { LabelFormat } from './schemas';
import { labelsService } from './service';

/** The label in the asked format, named after what it labels. */
async function answer(content: LabelContent, format: LabelFormat): Promise<RawResult> {
  const fileName = `label-${content.value}`;
  return format === 'pdf'
    ? pdfResult(await labelPdf(content, new Date()), fileName)
    : svgResult(labelSvg(content), fileName);
}

/** Thin: the facts are read in the caller's tenant; drawing happens after the transaction. */
export const handler = createHttpHandler(labelsService, {
  getItemLabel: async ({ params, query, inTenant }) =>
    answer(await inTenant((deps) => itemLabel(params.itemId, deps)), query.format),
  getStockLocationLabel: async ({ params, query, inTenant }) =>
    answer(await inTenant((deps) => locationLabel(params.stockLocationId, deps)), query.format),
});
