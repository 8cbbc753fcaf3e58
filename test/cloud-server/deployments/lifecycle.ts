import type { ServerContext } from '../context';
import { findProject } from '../projects/repo';
import type { DeploymentRow } from './store';
import { addLog, deploymentUrl, findDeployment, setStatus } from './store';

/**
 * A real deploy takes a while; here it is a timer. When it fires, a deployment still
 * "deploying" becomes active/healthy, or failed when its project vanished meanwhile.
 */
export function scheduleReady(ctx: ServerContext, d: DeploymentRow): void {
  const timer = setTimeout(() => {
    ctx.timers.delete(timer);
    const cur = findDeployment(ctx, d.id);
    if (!cur || cur.status !== 'deploying') return;
    activate(ctx, cur);
  }, ctx.deployReadyAfterMs);
  ctx.timers.add(timer);
}

/** Turns the deployment active, unless its project is gone (then failed). */
export function activate(ctx: ServerContext, d: DeploymentRow): DeploymentRow | undefined {
  if (!findProject(ctx, d.project_id)) {
    addLog(ctx, d.id, 'error', `Deployment failed: project ${d.project_id} no longer exists`);
    return setStatus(ctx, d.id, 'failed', 'unhealthy');
  }
  addLog(ctx, d.id, 'info', `Deployment active at ${deploymentUrl(ctx, d)}`);
  return setStatus(ctx, d.id, 'active', 'healthy');
}

/** Deleting a project leaves its deployments with nothing to serve. */
export function failDeploymentsOfProject(ctx: ServerContext, projectId: string): void {
  const rows = ctx.db
    .stmt("SELECT * FROM deployments WHERE project_id = ? AND status IN ('deploying', 'active')")
    .all(projectId) as DeploymentRow[];
  for (const d of rows) {
    addLog(ctx, d.id, 'error', `Deployment failed: project ${projectId} was deleted`);
    setStatus(ctx, d.id, 'failed', 'unhealthy');
  }
}
