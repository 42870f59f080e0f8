import { crmGet } from '../records/http';
import type { Forecast, ForecastGroupBy } from './types';

export function loadForecast(query: {
  period: string;
  groupBy: ForecastGroupBy;
  pipelineId?: string | undefined;
  ownerId?: string | undefined;
}): Promise<Forecast> {
  return crmGet<Forecast>('/forecast', query);
}
