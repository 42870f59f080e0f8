import { recordAudit } from '@halooid/shared/audit';
import { ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import {
  assertUnique,
  changedFields,
  definedOnly,
  exists,
  missingReference,
  versionConflict,
} from './checks';
import {
  deleteLocation as deleteRow,
  insertLocation,
  type LocationFields,
  locationEmployees,
  selectLocation,
  selectLocations,
  updateLocation,
} from './location-repository';
import type { ChangeLocationInput, CreateLocationInput, Location } from './schemas';

/** The location use cases: each runs in the caller's tenant transaction. */
export type LocationDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId'>;

const NAME = { table: 'locations', column: 'name', what: 'Location', field: 'name' };

export async function listLocations(deps: Pick<RequestDeps, 'tx' | 'principal'>) {
  return { items: await selectLocations(deps.tx, deps.principal.tenantId) };
}

export async function getLocation(id: string, deps: Pick<RequestDeps, 'tx' | 'principal'>) {
  const location = await selectLocation(deps.tx, deps.principal.tenantId, id);
  if (!location) throw new NotFoundError('Location');
  return location;
}

export async function createLocation(input: CreateLocationInput, deps: LocationDeps): Promise<Location> {
  const { tx, principal } = deps;
  const fields: LocationFields = {
    name: input.name,
    timeZone: input.timeZone,
    holidayCalendarId: input.holidayCalendarId ?? null,
    address: input.address ?? null,
  };
  await assertLocationRules(deps, null, fields, ['name', 'holidayCalendarId']);
  const location = await insertLocation(tx, principal.tenantId, deps.newId(), fields);
  await recordAudit(tx, deps.actor, {
    action: 'location.created',
    targetType: 'location',
    targetId: location.id,
    details: { name: location.name },
  });
  return location;
}

export async function changeLocation(
  id: string,
  version: number,
  input: Omit<ChangeLocationInput, 'version'>,
  deps: LocationDeps,
): Promise<Location> {
  const { tx, principal } = deps;
  const current = await selectLocation(tx, principal.tenantId, id, { forUpdate: true });
  if (!current) throw new NotFoundError('Location');
  if (current.version !== version) throw versionConflict('location', current.version, version);
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...before } = current;
  const after: LocationFields = { ...before, ...definedOnly(input) };
  const changes = changedFields(before, after);
  if (changes.length === 0) return current;
  await assertLocationRules(deps, id, after, changes);
  const updated = await updateLocation(tx, principal.tenantId, id, version, after);
  if (!updated) throw new NotFoundError('Location');
  await recordAudit(tx, deps.actor, {
    action: 'location.updated',
    targetType: 'location',
    targetId: id,
    details: { changes },
  });
  return updated;
}

/** Refused (409) while employees work there. */
export async function deleteLocation(id: string, deps: LocationDeps): Promise<void> {
  const { tx, principal } = deps;
  const current = await selectLocation(tx, principal.tenantId, id, { forUpdate: true });
  if (!current) throw new NotFoundError('Location');
  const employees = await locationEmployees(tx, principal.tenantId, id);
  if (employees > 0)
    throw new ConflictError(
      `${employees} employee(s) work at this location; move them first.`,
      'location_in_use',
    );
  await deleteRow(tx, principal.tenantId, id);
  await recordAudit(tx, deps.actor, { action: 'location.deleted', targetType: 'location', targetId: id });
}

async function assertLocationRules(
  deps: Pick<RequestDeps, 'tx' | 'principal'>,
  id: string | null,
  fields: LocationFields,
  changes: string[],
): Promise<void> {
  const { tx, principal } = deps;
  if (changes.includes('name')) await assertUnique(tx, NAME, principal.tenantId, fields.name, id);
  if (
    changes.includes('holidayCalendarId') &&
    fields.holidayCalendarId &&
    !(await exists(tx, 'holiday_calendars', principal.tenantId, fields.holidayCalendarId))
  )
    throw missingReference('holidayCalendarId', 'holiday calendar');
}
