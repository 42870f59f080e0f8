import { createHttpHandler } from '@halooid/shared/http/adapter';
import { inTenant } from '../common/in-tenant';
import { etag, expectedVersion } from '../common/versioning';
import { addMember, changeMemberRole, findMembers, removeMember } from './member-use-cases';
import {
  archiveProject,
  changeProject,
  createProject,
  findProjectLabels,
  findProjects,
  getProject,
  restoreProject,
} from './project-use-cases';
import { projectsService } from './service';
import { getWorkflow, replaceWorkflow } from './workflow-use-cases';

export const handler = createHttpHandler(projectsService, {
  createProject: async ({ body, principal }) => {
    const project = await inTenant(principal, (deps) => createProject(body, deps));
    return {
      body: project,
      headers: { Location: `/v1/taskodex/projects/${project.id}`, ...etag(project.version) },
    };
  },
  listProjects: async ({ query, principal }) => ({
    body: await inTenant(principal, (deps) => findProjects(query, deps)),
  }),
  getProject: async ({ params, principal }) => {
    const project = await inTenant(principal, (deps) => getProject(params.projectId, deps));
    return { body: project, headers: etag(project.version) };
  },
  updateProject: async ({ params, body, headers, principal }) => {
    const { version: _sent, ...changes } = body;
    const version = expectedVersion(body.version, headers['if-match']);
    const project = await inTenant(principal, (deps) =>
      changeProject(params.projectId, version, changes, deps),
    );
    return { body: project, headers: etag(project.version) };
  },
  archiveProject: async ({ params, principal }) => ({
    body: await inTenant(principal, (deps) => archiveProject(params.projectId, deps)),
  }),
  restoreProject: async ({ params, principal }) => ({
    body: await inTenant(principal, (deps) => restoreProject(params.projectId, deps)),
  }),
  listProjectMembers: async ({ params, principal }) => ({
    body: await inTenant(principal, (deps) => findMembers(params.projectId, deps)),
  }),
  addProjectMember: async ({ params, body, principal }) => {
    const { member, added } = await inTenant(principal, (deps) => addMember(params.projectId, body, deps));
    return { body: member, status: added ? 201 : 200 };
  },
  updateProjectMember: async ({ params, body, principal }) => ({
    body: await inTenant(principal, (deps) =>
      changeMemberRole(params.projectId, params.userId, body.role, deps),
    ),
  }),
  removeProjectMember: async ({ params, principal }) => {
    await inTenant(principal, (deps) => removeMember(params.projectId, params.userId, deps));
    return { body: undefined };
  },
  getProjectWorkflow: async ({ params, principal }) => ({
    body: await inTenant(principal, (deps) => getWorkflow(params.projectId, deps)),
  }),
  replaceProjectWorkflow: async ({ params, body, principal }) => ({
    body: await inTenant(principal, (deps) => replaceWorkflow(params.projectId, body, deps)),
  }),
  listProjectLabels: async ({ params, principal }) => ({
    body: await inTenant(principal, (deps) => findProjectLabels(params.projectId, deps)),
  }),
});
