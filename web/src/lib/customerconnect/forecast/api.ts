import { api, unwrap } from '$lib/api';
import type { Forecast, ForecastGroupBy } from './types';

export function loadForecast(query: {
  period: string;
  groupBy: ForecastGroupBy;
  pipelineId?: string;
  ownerId?: string;
}): Promise<Forecast> {
  return unwrap(api.GET('/v1/customerconnect/forecast', { params: { query } }));
}
