import type { JsonOf, paths } from '$lib/api';

/** `GET /v1/customerconnect/forecast`'s answer, from the generated client types. */
export type Forecast = JsonOf<paths['/v1/customerconnect/forecast']['get']['responses']['200']>;
export type ForecastGroupBy = Forecast['groupBy'];
export type ForecastGroup = Forecast['groups'][number];
/** One currency's figures (amounts are exact decimal strings). */
export type ForecastFigures = Forecast['totals'][number];

/** A table/chart row: one group in one currency, with the label the screen shows. */
export type ForecastRow = ForecastFigures & { key: string; label: string };
