import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../main/core/app';
import { MemorySecretStore } from '../../../main/core/secrets/memory-store';
import type { CallName } from '../../../shared/ipc/contract';
import type { InstallProgress } from '../../../shared/models';
import type { MarketDetailsView, MarketInstallView, MarketPageView } from '../../../shared/ipc/marketplace';
import type { CloudServerHandle } from '../../cloud-server/index';
import { startServer } from '../cloud/harness';

/** The market.* contract calls through the app's router (validation, handlers, views). */
describe('market.* calls', () => {
  let server: CloudServerHandle;
  let app: App;
  let dir: string;
  const call = async <T>(name: CallName, input?: unknown): Promise<T> => {
    const r = await app.router.dispatch(name, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as T;
  };

  beforeAll(async () => {
    server = await startServer();
    dir = mkdtempSync(path.join(tmpdir(), 'mockdeck-market-router-'));
    app = await openApp({
      dataDir: dir,
      port: 0,
      version: 'test',
      cloud: { secrets: { store: new MemorySecretStore(), mode: { kind: 'memory', reason: 'test' } } },
    });
    await call('cloud.setBaseUrl', { url: server.url });
  });
  afterAll(async () => {
    await app.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('searches, shows (versions newest first, yanked marked) and pages reviews', async () => {
    const page = await call<MarketPageView>('market.search', { kind: 'scenarios', tags: ['payment'] });
    expect(page.items.map((i) => i.name)).toEqual(['payment-flow']);
    const d = await call<MarketDetailsView>('market.show', { kind: 'scenarios', name: 'payment-flow' });
    expect(d).toMatchObject({ latestVersion: '1.1.0', license: 'MIT', reviewsCount: 25 });
    expect(d.versions.map((v) => [v.version, v.yanked])).toEqual([
      ['2.0.0', true],
      ['1.1.0', false],
      ['1.0.0', false],
    ]);
    const reviews = await call<{ reviews: unknown[]; total: number }>('market.reviews', {
      kind: 'scenarios',
      name: 'payment-flow',
      page: 2,
      perPage: 10,
    });
    expect(reviews).toMatchObject({ total: 25, page: 2, perPage: 10 });
    expect(reviews.reviews).toHaveLength(5);
    expect((await call<MarketDetailsView>('market.show', { kind: 'plugins', name: 'http-auth' })).latestVersion).toBe(
      '1.0.0',
    );
  });

  it('installs a scenario as a project the app lists, and lists it as installed', async () => {
    // Every transport hears the install's steps and bytes (the renderer's progress bar).
    const seen: InstallProgress[] = [];
    const off = app.events.subscribe((name, payload) => {
      if (name === 'market.installProgress') seen.push(payload as InstallProgress);
    });
    const r = await call<MarketInstallView>('market.install', { kind: 'scenarios', name: 'payment-flow' });
    off();
    if (r.kind === 'plugins') throw new Error('unexpected');
    expect(seen.every((p) => p.kind === 'scenarios' && p.name === 'payment-flow')).toBe(true);
    const phases = seen.map((p) => p.phase).filter((ph, i, all) => ph !== all[i - 1]);
    expect(phases).toEqual(['resolving', 'downloading', 'verifying', 'extracting', 'importing', 'done']);
    const downloaded = seen.filter((p) => p.phase === 'downloading').at(-1)!;
    expect(downloaded.total).toBeGreaterThan(0);
    expect(downloaded.received).toBe(downloaded.total);
    const projects = await call<{ id: string }[]>('projects.list', {});
    expect(projects.map((p) => p.id)).toContain(r.project.project.id);
    const installed = await call<{ name: string; version: string }[]>('market.installed');
    expect(installed).toEqual([expect.objectContaining({ name: 'payment-flow', version: '1.1.0', update: null })]);
  });

  it('checks a review against the contract before anything is sent', async () => {
    await expect(
      call('market.submitReview', { kind: 'scenarios', name: 'payment-flow', rating: 0, comment: 'too short' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
  });

  it('previews a publish with the project file as it will be packed', async () => {
    const slug = (await call<{ slug: string }[]>('projects.list', {}))[0]!.slug;
    const p = await call<{ projectFileJson: string; mocks: number }>('market.previewPublish', {
      project: slug,
      kind: 'template',
      version: '2.0.0',
      name: 'my-template',
    });
    expect(p.mocks).toBe(3);
    expect(JSON.parse(p.projectFileJson)).toMatchObject({ mockdeck: 'project', project: { port: null } });
  });
});
