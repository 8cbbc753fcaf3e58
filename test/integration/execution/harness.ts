import { openApp, type App, type AppOptions } from '../../../main/core/app';
import type { Core } from '../../../main/core/core';
import type { MockCreate, Project, ResponseCreate } from '../../../shared/models';
import { seeded } from '../../unit/engine/fixtures';

export { seeded };

export interface Harness {
  app: App;
  core: Core;
  base: string;
  project: Project;
  /** URL of a path in the harness project: /m/shop<path>. */
  url(path: string): string;
  addMock(mock: MockCreate, responses?: ResponseCreate[]): { mockId: string; responseIds: string[] };
  close(): Promise<void>;
}

/** The app (openApp) with its mock server on an ephemeral port over an in-memory store, with one project "shop". */
export async function startHarness(opts: Partial<AppOptions> = {}): Promise<Harness> {
  const app = await openApp({ dataDir: null, port: 0, random: seeded(7), logFlushMs: 20, ...opts });
  const { core } = app;
  const state = await core.server.start();
  const base = state.url!;
  const project = core.catalog.projects.create({ name: 'Shop', slug: 'shop' });
  return {
    app,
    core,
    base,
    project,
    url: (path) => `${base}/m/shop${path}`,
    addMock(mock, responses = []) {
      const m = core.catalog.mocks.create(project.id, mock);
      const responseIds = responses.map((r) => core.catalog.responses.create(m.id, r).id);
      return { mockId: m.id, responseIds };
    },
    close: () => app.close(),
  };
}
