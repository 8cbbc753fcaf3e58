import { describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../main/core/app';
import type { Service } from '../../../main/core/lifecycle';

const quiet = { error: () => {}, warn: () => {} };

describe('openApp services', () => {
  it('starts given services after the core and closes them first, while the store is still open', async () => {
    const seen: string[] = [];
    const service =
      (name: string) =>
      (app: App): Service => ({
        name,
        start: () => void seen.push(`start ${name}: ${app.catalog.projects.list().length} projects`),
        close: () => void seen.push(`close ${name}: store open ${app.store.db.open}`),
      });
    const app = await openApp({
      dataDir: null,
      port: 0,
      logger: quiet,
      services: [service('pipelines'), service('mcp')],
    });
    expect(app.lifecycle.names()).toEqual(['core', 'event hub', 'cloud', 'pipeline worker', 'pipelines', 'mcp']);
    await app.close();
    expect(seen).toEqual([
      'start pipelines: 0 projects',
      'start mcp: 0 projects',
      'close mcp: store open true',
      'close pipelines: store open true',
    ]);
    expect(app.store.db.open).toBe(false);
  });

  it('a service that fails to start closes what was opened and fails openApp', async () => {
    let opened: App | null = null;
    const closed: string[] = [];
    const open = openApp({
      dataDir: null,
      port: 0,
      logger: quiet,
      services: [
        (app) => ((opened = app), { name: 'ok', close: () => void closed.push('ok') }),
        () => ({
          name: 'broken',
          start: () => {
            throw new Error('marketplace index is unreadable');
          },
          close: () => void closed.push('broken'),
        }),
      ],
    });
    await expect(open).rejects.toThrow('marketplace index is unreadable');
    expect(closed).toEqual(['ok']);
    expect((opened as App | null)?.store.db.open).toBe(false);
  });
});
