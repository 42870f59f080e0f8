import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import {
  changeDepartment,
  createDepartment,
  deleteDepartment,
  getDepartment,
  listDepartments,
} from './departments';
import { changeLocation, createLocation, deleteLocation, getLocation, listLocations } from './locations';
import { changePosition, createPosition, deletePosition, getPosition, listPositions } from './positions';
import { organizationService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(organizationService, {
  listDepartments: async ({ inTenant }) => ({ body: await inTenant((deps) => listDepartments(deps)) }),
  createDepartment: async ({ body, inTenant }) => {
    const department = await inTenant((deps) => createDepartment(body, deps));
    return {
      body: department,
      headers: { Location: `/v1/qultrix/departments/${department.id}`, ...etag(department.version) },
    };
  },
  getDepartment: async ({ params, inTenant }) => {
    const department = await inTenant((deps) => getDepartment(params.departmentId, deps));
    return { body: department, headers: etag(department.version) };
  },
  updateDepartment: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const department = await inTenant((deps) =>
      changeDepartment(params.departmentId, version, changes, deps),
    );
    return { body: department, headers: etag(department.version) };
  },
  deleteDepartment: async ({ params, inTenant }) => {
    await inTenant((deps) => deleteDepartment(params.departmentId, deps));
    return { body: undefined };
  },
  listPositions: async ({ inTenant }) => ({ body: await inTenant((deps) => listPositions(deps)) }),
  createPosition: async ({ body, inTenant }) => {
    const position = await inTenant((deps) => createPosition(body, deps));
    return {
      body: position,
      headers: { Location: `/v1/qultrix/positions/${position.id}`, ...etag(position.version) },
    };
  },
  getPosition: async ({ params, inTenant }) => {
    const position = await inTenant((deps) => getPosition(params.positionId, deps));
    return { body: position, headers: etag(position.version) };
  },
  updatePosition: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const position = await inTenant((deps) => changePosition(params.positionId, version, changes, deps));
    return { body: position, headers: etag(position.version) };
  },
  deletePosition: async ({ params, inTenant }) => {
    await inTenant((deps) => deletePosition(params.positionId, deps));
    return { body: undefined };
  },
  listLocations: async ({ inTenant }) => ({ body: await inTenant((deps) => listLocations(deps)) }),
  createLocation: async ({ body, inTenant }) => {
    const location = await inTenant((deps) => createLocation(body, deps));
    return {
      body: location,
      headers: { Location: `/v1/qultrix/locations/${location.id}`, ...etag(location.version) },
    };
  },
  getLocation: async ({ params, inTenant }) => {
    const location = await inTenant((deps) => getLocation(params.locationId, deps));
    return { body: location, headers: etag(location.version) };
  },
  updateLocation: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const location = await inTenant((deps) => changeLocation(params.locationId, version, changes, deps));
    return { body: location, headers: etag(location.version) };
  },
  deleteLocation: async ({ params, inTenant }) => {
    await inTenant((deps) => deleteLocation(params.locationId, deps));
    return { body: undefined };
  },
});
