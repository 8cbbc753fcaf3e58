import { recordPromotionCompleted } from '../../catalog/record-events';
import { StepConfigError, type StepContext, type StepResult } from './types';

const FROM = ['dev', 'test'] as const;
const TO = ['test', 'prod'] as const;

/**
 * `auto_promote`: dev is this machine, test and prod are cloud deployments. Promoting syncs
 * the project and deploys it (main/core/cloud: create or restart its deployment and wait
 * until it serves), then records `promotion.completed`.
 */
export async function autoPromote(config: Record<string, unknown>, ctx: StepContext): Promise<StepResult> {
  const from = typeof config.from_environment === 'string' ? config.from_environment : 'dev';
  const to = typeof config.to_environment === 'string' ? config.to_environment : 'test';
  if (!(FROM as readonly string[]).includes(from))
    throw new StepConfigError(`from_environment must be one of ${FROM.join(', ')}`);
  if (!(TO as readonly string[]).includes(to))
    throw new StepConfigError(`to_environment must be one of ${TO.join(', ')}`);
  if (from === to) throw new StepConfigError('from_environment and to_environment must differ');
  const entityType = typeof config.entity_type === 'string' ? config.entity_type : 'project';
  const entityId = typeof config.entity_id === 'string' && config.entity_id !== '' ? config.entity_id : null;
  // The project: the entity itself when it is one, else the event's (a scenario lives in its project).
  const projectId =
    (entityType === 'project' || entityType === 'workspace' ? entityId : null) ??
    ctx.event.workspace_id ??
    ctx.pipeline.workspace_id;
  if (!projectId) throw new StepConfigError('no project to promote: set entity_id, or trigger on a project event');
  const project = ctx.deps.catalog.projects.get(projectId);
  const cloud = await ctx.deps.cloud();
  const dep = await cloud.deploy(project.id, { signal: ctx.signal });
  recordPromotionCompleted(ctx.deps.catalog, {
    projectId: project.id,
    entityType,
    entityId: entityId ?? project.id,
    fromEnvironment: from,
    toEnvironment: to,
    deploymentId: dep.id,
    url: dep.url,
  });
  return {
    output: {
      status: 'success',
      deployment_id: dep.id,
      url: dep.url,
      from_environment: from,
      to_environment: to,
      comments: config.comments ?? null,
    },
  };
}
