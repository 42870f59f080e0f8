/** `GET /v1/customerconnect/forecast`'s answer (see functions/customerconnect/forecast). */
export type ForecastGroupBy = 'owner' | 'stage' | 'month';

/** One currency's figures of a group: amounts are exact decimal strings. */
export interface ForecastFigures {
  currency: string;
  count: number;
  total: string;
  weighted: string;
  wonCount: number;
  wonTotal: string;
}

export interface ForecastGroup {
  key: string;
  label: string;
  figures: ForecastFigures[];
}

export interface Forecast {
  period: string;
  from: string;
  to: string;
  groupBy: ForecastGroupBy;
  groups: ForecastGroup[];
  totals: ForecastFigures[];
}

/** A table/chart row: one group in one currency. */
export interface ForecastRow extends ForecastFigures {
  key: string;
  label: string;
}
