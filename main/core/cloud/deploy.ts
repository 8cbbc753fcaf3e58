import type { DeploymentView } from '../../../shared/ipc/cloud';
import { isTemplatedResponse, type MockResponse } from '../../../shared/models';
import type { Catalog } from '../catalog/catalog';
import type { SyncEngine } from '../sync/engine';
import { sleepUnlessAborted, withSignal } from '../util/cancellation';
import { AppError, cancelled, throwIfCancelled } from '../util/errors';
import type { MockForgeApi } from './api';
import { CloudRequestError } from './errors';
import type { Deployment } from './schemas';
import { deploymentView } from './views';

export interface DeployOptions {
  timeoutMs?: number;
  pollMs?: number;
  onStatus?: (d: DeploymentView) => void;
  /** Cancels the deploy between requests (and the sync before it) with CANCELLED. */
  signal?: AbortSignal;
}

/**
 * The deployment's `config_json` (mockforge-cloud-api.md §Hosted Mocks, the spec's example
 * shape): CORS on, as the local server answers every request with CORS headers; templates
 * expanded when any response of the project is a template (docs/templating.md), so the hosted
 * mock renders `{{urlParam 'id'}}` as the local one does instead of sending it as typed.
 */
export interface DeploymentConfig {
  cors_enabled: boolean;
  response_template_expand: boolean;
}

export function deploymentConfig(responses: readonly MockResponse[]): DeploymentConfig {
  return { cors_enabled: true, response_template_expand: responses.some(isTemplatedResponse) };
}

/** One-click deploy: sync the project, create (or restart) its deployment, wait until it serves. */
export class Deployer {
  constructor(
    private readonly deps: {
      api: MockForgeApi;
      catalog: Catalog;
      sync: SyncEngine;
      scope: () => string;
      sleep: (ms: number) => Promise<void>;
      now: () => number;
    },
  ) {}

  async deploy(projectId: string, opts: DeployOptions = {}): Promise<DeploymentView> {
    try {
      return await withSignal(opts.signal, () => this.deployNow(projectId, opts));
    } catch (e) {
      // The sync's own "the sync was cancelled" or a refused request: to the caller, the deploy was.
      throw opts.signal?.aborted ? cancelled('the deploy') : e;
    }
  }

  private async deployNow(projectId: string, opts: DeployOptions): Promise<DeploymentView> {
    const { api, catalog, sync } = this.deps;
    const project = catalog.projects.require(projectId);
    await sync.run({ projectSlug: project.slug, ...(opts.signal ? { signal: opts.signal } : {}) });
    throwIfCancelled(opts.signal, 'the deploy');
    const remoteId = sync.links.get(this.deps.scope(), 'project', projectId)?.remoteId;
    if (!remoteId)
      throw new AppError('CLOUD_ERROR', `project "${project.name}" is not in the cloud yet`, {
        hint: 'sync it, then deploy again',
      });

    const config = deploymentConfig(catalog.store.responses.listByProject(projectId));
    // Re-deploying (or retrying after a lost answer) reuses the project's deployment instead of adding one.
    let dep = await this.existing(remoteId, project.slug);
    if (dep && (await this.configChanged(dep.id, config))) {
      // The API cannot change a deployment's config: replace it (same slug, so the same URL).
      await api.deleteDeployment(dep.id);
      dep = undefined;
    }
    if (!dep) {
      try {
        dep = await api.createDeployment({
          name: project.name,
          slug: project.slug,
          project_id: remoteId,
          description: project.description || undefined,
          config_json: { ...config },
        });
      } catch (e) {
        if (!(e instanceof CloudRequestError && e.uncertain)) throw e;
        dep = await this.existing(remoteId, project.slug);
        if (!dep) throw e;
      }
    } else if (dep.status === 'stopped' || dep.status === 'failed') {
      await api.setDeploymentStatus(dep.id, 'active');
    }
    return this.waitUntilServing(dep.id, projectId, opts);
  }

  /**
   * Whether the deployment expands templates differently from what the project needs now
   * (a template added or removed since it was created). A server that does not show the
   * config is taken at its word: nothing to compare, nothing replaced.
   */
  private async configChanged(id: string, want: DeploymentConfig): Promise<boolean> {
    const have = (await this.deps.api.getDeployment(id)).config_json;
    if (have === undefined) return false;
    return (have['response_template_expand'] === true) !== want.response_template_expand;
  }

  private async existing(remoteProjectId: string, slug: string): Promise<Deployment | undefined> {
    const list = await this.deps.api.listDeployments({ project_id: remoteProjectId });
    return list.find((d) => d.slug === slug) ?? list[0];
  }

  private async waitUntilServing(id: string, projectId: string, opts: DeployOptions): Promise<DeploymentView> {
    const deadline = this.deps.now() + (opts.timeoutMs ?? 120_000);
    for (;;) {
      throwIfCancelled(opts.signal, 'the deploy');
      const d = await this.deps.api.getDeployment(id);
      const view = deploymentView(d, projectId);
      opts.onStatus?.(view);
      if (d.status === 'active' && d.health_status === 'healthy') return view;
      if (d.status === 'failed') {
        const errors = await this.deps.api.deploymentLogs(id, { level: 'error', limit: 5 }).catch(() => []);
        const why = errors.map((l) => l.message).join('; ') || 'no error was logged';
        throw new AppError('CLOUD_ERROR', `the deployment failed: ${why}`, {
          hint: 'fix the project and deploy again; the deployment logs have details',
        });
      }
      if (this.deps.now() >= deadline) {
        throw new AppError(
          'CLOUD_ERROR',
          `the deployment is still "${d.status}" (health "${d.health_status}") after waiting`,
          {
            hint: 'it may still come up: check the deployments list in a minute',
          },
        );
      }
      await sleepUnlessAborted(this.deps.sleep, opts.pollMs ?? 1000, opts.signal);
    }
  }
}
