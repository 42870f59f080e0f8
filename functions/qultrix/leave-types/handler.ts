import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { changeLeaveType } from './change-leave-type';
import { createLeaveType } from './create-leave-type';
import { removeLeaveType } from './delete-leave-type';
import { getLeaveType } from './get-leave-type';
import { listLeaveTypes } from './list-leave-types';
import { leaveTypesService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(leaveTypesService, {
  listLeaveTypes: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listLeaveTypes(query, deps)),
  }),
  createLeaveType: async ({ body, inTenant }) => {
    const leaveType = await inTenant((deps) => createLeaveType(body, deps));
    return {
      body: leaveType,
      headers: { Location: `/v1/qultrix/leave-types/${leaveType.id}`, ...etag(leaveType.version) },
    };
  },
  getLeaveType: async ({ params, inTenant }) => {
    const leaveType = await inTenant((deps) => getLeaveType(params.leaveTypeId, deps));
    return { body: leaveType, headers: etag(leaveType.version) };
  },
  updateLeaveType: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const leaveType = await inTenant((deps) => changeLeaveType(params.leaveTypeId, version, changes, deps));
    return { body: leaveType, headers: etag(leaveType.version) };
  },
  deleteLeaveType: async ({ params, inTenant }) => {
    await inTenant((deps) => removeLeaveType(params.leaveTypeId, deps));
    return { body: undefined };
  },
});
