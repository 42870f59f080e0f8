import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
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
  createProject: async ({ body, inTenant }) => {
    const project = await inTenant((deps) => createProject(body, deps));
    return {
      body: project,
      headers: { Location: `/v1/taskodex/projects/${project.id}`, ...etag(project.version) },
    };
  },
  listProjects: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => findProjects(query, deps)),
  }),
  getProject: async ({ params, inTenant }) => {
    const project = await inTenant((deps) => getProject(params.projectId, deps));
    return { body: project, headers: etag(project.version) };
  },
  updateProject: async ({ params, body, headers, inTenant }) => {
    const { version: _sent, ...changes } = body;
    const version = expectedVersion(body.version, headers['if-match']);
    const project = await inTenant((deps) => changeProject(params.projectId, version, changes, deps));
    return { body: project, headers: etag(project.version) };
  },
  archiveProject: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => archiveProject(params.projectId, deps)),
  }),
  restoreProject: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => restoreProject(params.projectId, deps)),
  }),
  listProjectMembers: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => findMembers(params.projectId, deps)),
  }),
  addProjectMember: async ({ params, body, inTenant }) => {
    const { member, added } = await inTenant((deps) => addMember(params.projectId, body, deps));
    return { body: member, status: added ? 201 : 200 };
  },
  updateProjectMember: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => changeMemberRole(params.projectId, params.userId, body.role, deps)),
  }),
  removeProjectMember: async ({ params, inTenant }) => {
    await inTenant((deps) => removeMember(params.projectId, params.userId, deps));
    return { body: undefined };
  },
  getProjectWorkflow: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => getWorkflow(params.projectId, deps)),
  }),
  replaceProjectWorkflow: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => replaceWorkflow(params.projectId, body, deps)),
  }),
  listProjectLabels: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => findProjectLabels(params.projectId, deps)),
  }),
});
