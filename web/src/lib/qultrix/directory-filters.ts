import { STATUS_LABELS, TYPE_LABELS } from './format';
import type { EmployeeQuery, EmployeeStatus, EmploymentType } from './types';

/**
 * The people directory's filter bar, kept in the URL (a filtered directory can
 * be bookmarked and shared) and mapped to the list query of the API.
 */
export interface DirectoryFilters {
  q: string;
  /** '' is every status, terminated people included (HR looks them up too). */
  status: '' | EmployeeStatus;
  type: '' | EmploymentType;
  departmentId: string;
  locationId: string;
}

export const EMPTY_DIRECTORY_FILTERS: DirectoryFilters = {
  q: '',
  status: '',
  type: '',
  departmentId: '',
  locationId: '',
};

const isStatus = (value: string): value is EmployeeStatus => value in STATUS_LABELS;
const isType = (value: string): value is EmploymentType => value in TYPE_LABELS;
/**
 * An id from the URL only has to look like one (36 hex digits and dashes): the API checks it
 * exactly, and the one UUID pattern lives in shared/src/ids.ts, which the web app does not import.
 */
const looksLikeId = (value: string) => /^[0-9a-f-]{36}$/i.test(value);

/** Reads the filters from the page URL, dropping values the API would refuse. */
export function filtersFromUrl(params: URLSearchParams): DirectoryFilters {
  const status = params.get('status') ?? '';
  const type = params.get('type') ?? '';
  const departmentId = params.get('departmentId') ?? '';
  const locationId = params.get('locationId') ?? '';
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    status: isStatus(status) ? status : '',
    type: isType(type) ? type : '',
    departmentId: looksLikeId(departmentId) ? departmentId : '',
    locationId: looksLikeId(locationId) ? locationId : '',
  };
}

/** The URL search string of the filters ('' when none is set). */
export function filtersToSearch(filters: DirectoryFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    const trimmed = value.trim();
    if (trimmed) params.set(key, trimmed);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The API query of the filters (no cursor or limit). */
export function filtersToQuery(filters: DirectoryFilters): Omit<EmployeeQuery, 'cursor' | 'limit'> {
  const query: Omit<EmployeeQuery, 'cursor' | 'limit'> = {};
  const q = filters.q.trim();
  if (q) query.q = q;
  if (filters.status) query.status = filters.status;
  if (filters.type) query.type = filters.type;
  if (filters.departmentId) query.departmentId = filters.departmentId;
  if (filters.locationId) query.locationId = filters.locationId;
  return query;
}

export function hasFilters(filters: DirectoryFilters): boolean {
  return Object.values(filters).some((value) => value.trim() !== '');
}
