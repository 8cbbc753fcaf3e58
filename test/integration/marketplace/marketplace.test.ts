import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PluginService } from '../../../main/core/plugins';
import { Marketplace } from '../../../main/core/marketplace';
import { FORMAT_READERS } from '../../../main/core/transfer';
import { systemClock } from '../../../main/core/util/clock';
import { HOSTILE, type CloudServerHandle } from '../../cloud-server/index';
import { newUser, openLocal, startServer, type Local } from '../cloud/harness';
import { makeBomb } from './bomb';

/**
 * Every marketplace endpoint the app uses, against the contract server, and one test per
 * hostile package: refused with a message naming the reason, nothing created, nothing
 * written outside the install's temp dir, and that dir gone afterwards.
 */
describe('marketplace against the contract server', () => {
  let server: CloudServerHandle;
  let local: Local;
  let market: Marketplace;
  /** The app's plugin service: where installed plugins live and run from. */
  let plugins: PluginService;
  /** Install temp dirs are made here: it must be empty after every install. */
  let tmpRoot: string;
  /** What a `../../x` entry would reach from a temp dir in tmpRoot. */
  let outside: string;

  beforeAll(async () => {
    server = await startServer();
    local = openLocal(server.url);
    outside = mkdtempSync(path.join(tmpdir(), 'mockdeck-market-'));
    tmpRoot = path.join(outside, 'a', 'tmp');
    plugins = new PluginService(local.store);
    market = new Marketplace({
      http: local.cloud.http,
      catalog: local.catalog,
      store: local.store,
      clock: systemClock,
      source: () => server.url,
      plugins,
      tmpRoot,
    });
    server.marketplace.addPackage('scenarios', HOSTILE.bomb, '1.0.0', await makeBomb(HOSTILE.bomb));
  }, 60_000);
  afterAll(async () => {
    local.close();
    await server.close();
    rmSync(outside, { recursive: true, force: true });
  });

  const projectCount = () => local.store.projects.list().length;

  describe('search, details and reviews (public)', () => {
    it('searches scenarios by query, category and tags, with page/per_page', async () => {
      const r = await market.search({ kind: 'scenarios', query: 'payment' });
      expect(r.items.map((i) => i.name)).toEqual(['payment-flow']);
      expect(r.items[0]).toMatchObject({ version: '1.1.0', category: 'ecommerce', reviewsCount: 25 });
      const byCat = await market.search({ kind: 'scenarios', category: 'demo' });
      expect(byCat.items.map((i) => i.name)).toEqual(['petstore-openapi']);
      const byTag = await market.search({ kind: 'scenarios', tags: ['api'], perPage: 1, page: 1 });
      expect(byTag.total).toBe(2);
      expect(byTag.items).toHaveLength(1);
      expect(byTag).toMatchObject({ page: 1, perPage: 1 });
    });

    it('searches templates and plugins (limit/offset)', async () => {
      expect((await market.search({ kind: 'templates', query: 'chaos' })).items[0]).toMatchObject({
        name: 'chaos-testing',
        version: '1.0.0',
      });
      const plugins = await market.search({ kind: 'plugins', perPage: 1, page: 0 });
      expect(plugins.items).toHaveLength(1);
      expect(plugins.total).toBe(2);
      const second = await market.search({ kind: 'plugins', perPage: 1, page: 1 });
      expect(second.items[0]!.name).not.toBe(plugins.items[0]!.name);
    });

    it('shows a scenario with its versions, the yanked one marked', async () => {
      const s = await market.show('scenarios', 'payment-flow');
      expect(s.kind).toBe('scenarios');
      const versions = (s.details as { versions: { version: string; yanked: boolean }[] }).versions;
      expect(versions.find((v) => v.version === '2.0.0')?.yanked).toBe(true);
      expect(versions.find((v) => v.version === '1.1.0')?.yanked).toBe(false);
    });

    it('shows a template (latest version) and a plugin with its version', async () => {
      expect((await market.show('templates', 'chaos-testing')).details).toMatchObject({
        name: 'chaos-testing',
        size: expect.any(Number),
      });
      const p = await market.show('plugins', 'http-auth');
      expect(p).toMatchObject({
        details: { latest_version: '1.0.0' },
        version: { checksum: expect.stringMatching(/^sha256:/) },
      });
    });

    it('pages reviews of a scenario and of a template', async () => {
      const page1 = await market.reviews('scenarios', 'payment-flow', { page: 1, perPage: 10 });
      expect(page1).toMatchObject({ total: 25, page: 1, per_page: 10 });
      expect(page1.reviews).toHaveLength(10);
      const last = await market.reviews('scenarios', 'payment-flow', { page: 2, perPage: 10 });
      expect(last.reviews).toHaveLength(5);
      expect((await market.reviews('templates', 'chaos-testing')).total).toBe(0);
    });

    it('maps PLUGIN_NOT_FOUND, SCENARIO_NOT_FOUND and VERSION_NOT_FOUND to what to do', async () => {
      await expect(market.show('plugins', 'no-such-plugin')).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: 'The marketplace has no plugin "no-such-plugin".',
        hint: expect.stringContaining('mockdeck market search no-such-plugin --kind plugins'),
      });
      await expect(market.show('scenarios', 'nope')).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringContaining('scenario "nope"'),
      });
      await expect(market.install('scenarios', 'payment-flow', '9.9.9')).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message: expect.stringContaining('has no version 9.9.9'),
      });
    });
  });

  describe('install', () => {
    it('installs the latest non-yanked scenario as a new project with its mocks, and records it', async () => {
      const progress: string[] = [];
      const r = await market.install('scenarios', 'payment-flow', undefined, (p) => progress.push(p.phase));
      expect(r.kind).toBe('scenarios');
      if (r.kind === 'plugins') throw new Error('unexpected');
      expect(r.version).toBe('1.1.0');
      expect(r.project.mockCount).toBe(3);
      expect(local.store.mocks.listByProject(r.project.project.id).map((m) => `${m.method} ${m.path}`)).toContain(
        'POST /payments',
      );
      expect(progress).toEqual(
        expect.arrayContaining(['resolving', 'downloading', 'verifying', 'extracting', 'importing', 'done']),
      );
      expect(market.installed.get('scenarios', 'payment-flow')).toMatchObject({
        version: '1.1.0',
        projectId: r.project.project.id,
      });
      expect(readdirSync(tmpRoot)).toEqual([]);
    });

    it('installs an asked-for yanked version with a warning', async () => {
      const r = await market.install('scenarios', 'payment-flow', '2.0.0');
      expect(r.version).toBe('2.0.0');
      expect(r.warning).toContain('yanked');
    });

    it('installs a package whose project is another document the import registry reads (YAML)', async () => {
      const r = await market.install('scenarios', 'inventory-yaml');
      if (r.kind === 'plugins') throw new Error('unexpected');
      expect(local.store.mocks.listByProject(r.project.project.id).map((m) => m.path)).toEqual(['/inventory']);
    });

    // The OpenAPI reader is another helper's (issue 12); this runs once it is registered.
    it.runIf(FORMAT_READERS.some((f) => f.id === 'openapi'))(
      'installs a package holding an OpenAPI document',
      async () => {
        const r = await market.install('scenarios', 'petstore-openapi');
        if (r.kind === 'plugins') throw new Error('unexpected');
        expect(r.project.report?.format).toBe('openapi');
        expect(local.store.mocks.listByProject(r.project.project.id).map((m) => m.path)).toContain('/pets');
      },
    );

    it('installs a template from a zip package', async () => {
      const r = await market.install('templates', 'chaos-testing');
      if (r.kind === 'plugins') throw new Error('unexpected');
      expect(r.project.mockCount).toBe(1);
    });

    it('installs a plugin into <dataDir>/plugins with its manifest, where the plugin runtime finds it', async () => {
      const r = await market.install('plugins', 'http-auth');
      if (r.kind !== 'plugins') throw new Error('unexpected');
      expect(r.plugin.modulePath).toBe(path.join(local.dir, 'plugins', 'http-auth', 'plugin.wasm'));
      expect(existsSync(r.plugin.modulePath)).toBe(true);
      expect(r.plugin.manifest).toMatchObject({
        name: 'http-auth',
        version: '1.0.0',
        category: 'auth',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(plugins.store.list()).toMatchObject([{ name: 'http-auth', source: 'marketplace' }]);
      expect(plugins.store.get('http-auth')?.bytes.byteLength).toBe(r.plugin.manifest.size);
      expect(await market.uninstallPlugin('http-auth')).toBe(true);
      expect(plugins.store.list()).toEqual([]);
    });

    it('shows an update once the marketplace has a newer version', async () => {
      await market.install('scenarios', 'user-auth');
      const before = (await market.installedWithUpdates()).find((i) => i.name === 'user-auth');
      expect(before).toMatchObject({ version: '0.3.0', update: null });
      const pkg = server.marketplace.state.get('scenarios', 'user-auth')!.versions[0]!.data;
      server.marketplace.addPackage('scenarios', 'user-auth', '0.4.0', pkg);
      const after = (await market.installedWithUpdates()).find((i) => i.name === 'user-auth');
      expect(after).toMatchObject({ version: '0.3.0', update: '0.4.0' });
    });
  });

  describe('hostile packages are refused and change nothing', () => {
    const cases: [string, 'scenarios' | 'plugins', RegExp][] = [
      ['checksum mismatch', 'scenarios', /SHA-256 checksum does not match/],
      ['../ entry in a tar', 'scenarios', /points outside the package/],
      ['absolute entry in a tar', 'scenarios', /has an absolute path/],
      ['../ entry in a zip', 'scenarios', /points outside the package/],
      ['absolute entry in a zip', 'scenarios', /has an absolute path/],
      ['a symlink', 'scenarios', /is a symbolic link/],
      ['a hard link', 'scenarios', /is a hard link/],
      ['a device file', 'scenarios', /is a device/],
      ['more than 1,000 entries', 'scenarios', /more than 1000 entries/],
      ['a manifest without name', 'scenarios', /manifest\.json is invalid: name: name is required/],
      ['a manifest without version', 'scenarios', /manifest\.json is invalid: version: version is required/],
      ['a plugin that is not WASM', 'plugins', /not a WebAssembly module/],
      ['a decompression bomb (1 GiB of zeros)', 'scenarios', /unpacks to more than 100 MB/],
    ];
    const names = [
      HOSTILE.checksum,
      HOSTILE.tarDotDot,
      HOSTILE.tarAbsolute,
      HOSTILE.zipDotDot,
      HOSTILE.zipAbsolute,
      HOSTILE.symlink,
      HOSTILE.hardlink,
      HOSTILE.device,
      HOSTILE.manyEntries,
      HOSTILE.noName,
      HOSTILE.noVersion,
      HOSTILE.notWasm,
      HOSTILE.bomb,
    ];
    cases.forEach(([label, kind, reason], i) => {
      it(`refuses ${label}`, async () => {
        const before = projectCount();
        const installed = market.installed.list().length;
        await expect(market.install(kind, names[i]!)).rejects.toMatchObject({
          code: 'VALIDATION_ERROR',
          message: expect.stringMatching(reason),
          hint: expect.stringContaining('nothing was installed'),
        });
        expect(projectCount()).toBe(before);
        expect(market.installed.list()).toHaveLength(installed);
        // The temp dir is gone, and nothing landed next to it or above it.
        expect(readdirSync(tmpRoot)).toEqual([]);
        expect(readdirSync(outside)).toEqual(['a']);
        expect(readdirSync(path.join(outside, 'a'))).toEqual(['tmp']);
        expect(existsSync('/tmp/mockdeck-absolute.txt')).toBe(false);
        expect(existsSync('/tmp/mockdeck-absolute-zip.txt')).toBe(false);
        expect(plugins.store.list()).toEqual([]);
      });
    });
  });

  describe('reviews and publish (signed in)', () => {
    let orgId: string;

    it('refuses a review before sign-in, and checks it before sending', async () => {
      await expect(
        market.submitReview('scenarios', 'payment-flow', { rating: 5, comment: 'Great scenario for tests' }),
      ).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
      });
      await expect(
        market.submitReview('scenarios', 'payment-flow', { rating: 5, comment: 'short' }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
        field: 'comment',
      });
      await expect(
        market.submitReview('scenarios', 'payment-flow', { rating: 6, comment: 'long enough comment' }),
      ).rejects.toMatchObject({
        field: 'rating',
      });
    });

    it('submits scenario and template reviews once signed in', async () => {
      const user = newUser();
      await local.cloud.session.register(user);
      const r = await market.submitReview('scenarios', 'payment-flow', {
        rating: 4,
        title: 'Solid',
        comment: 'Covers our checkout nicely.',
      });
      expect(r.success).toBe(true);
      const first = (await market.reviews('scenarios', 'payment-flow')).reviews[0]!;
      expect(first).toMatchObject({ id: r.review_id, rating: 4, title: 'Solid', reviewer: user.username });
      await market.submitReview('templates', 'chaos-testing', { rating: 5, comment: 'Breaks things as promised.' });
      expect((await market.reviews('templates', 'chaos-testing')).total).toBe(1);
    });

    it('previews a publish without any secret, then publishes a scenario found in search', async () => {
      const p = local.catalog.projects.create({
        name: 'Orders API',
        logSecrets: true,
        upstreamUrl: 'https://internal.example.com',
        proxyMode: 'passthrough',
      });
      const m = local.catalog.mocks.create(p.id, { name: 'orders', path: '/orders', method: 'GET' });
      const secretToken = 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB';
      local.catalog.responses.create(m.id, {
        name: 'OK',
        statusCode: 200,
        headers: { authorization: `Bearer ${secretToken}` },
        body: JSON.stringify({ orders: [], password: 'hunter2-hunter2' }),
        isDefault: true,
      });
      const preview = await market.previewPublish({
        project: p.slug,
        kind: 'scenario',
        version: '1.0.0',
        name: 'orders-api',
      });
      const text = JSON.stringify(preview);
      expect(text).not.toContain(secretToken);
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain('internal.example.com');
      expect(text).not.toContain('logSecrets');
      expect(preview.removedSecrets).toBeGreaterThan(0);
      expect(preview).toMatchObject({ manifest: { name: 'orders-api', version: '1.0.0', kind: 'scenario' }, mocks: 1 });

      const { published } = await market.publish({
        project: p.slug,
        kind: 'scenario',
        version: '1.0.0',
        name: 'orders-api',
      });
      expect(published).toMatchObject({ name: 'orders-api', version: '1.0.0' });
      const stored = server.marketplace.state.get('scenarios', 'orders-api')!;
      expect(stored.versions[0]!.data.toString('latin1')).not.toContain(secretToken);
      orgId = stored.org_id!;
      expect((await market.search({ kind: 'scenarios', query: 'orders' })).items.map((i) => i.name)).toEqual([
        'orders-api',
      ]);
      // What was published installs again.
      const again = await market.install('scenarios', 'orders-api');
      if (again.kind === 'plugins') throw new Error('unexpected');
      expect(again.project.mockCount).toBe(1);
    });

    it('explains 409 (version exists) and 400 (validation)', async () => {
      const slug = local.store.projects.list().find((p) => p.name === 'Orders API')!.slug;
      await expect(
        market.publish({ project: slug, kind: 'scenario', version: '1.0.0', name: 'orders-api' }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        hint: expect.stringContaining('higher version'),
      });
      await expect(
        market.api.publishPlugin({
          name: 'bad-plugin',
          version: '1.0.0',
          description: 'not wasm',
          category: 'testing',
          license: 'MIT',
          checksum: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
          file_size: 0,
          wasm_data: 'AAAA',
        }),
      ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
      await expect(
        market.publish({ project: slug, kind: 'template', version: 'one', name: 'orders-api' }),
      ).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
        message: expect.stringContaining('semantic version'),
      });
    });

    it('sends X-Org-Id from the organization switcher', async () => {
      const slug = local.store.projects.list().find((p) => p.name === 'Orders API')!.slug;
      local.cloud.settings.setOrgId('org-not-mine');
      try {
        await expect(
          market.publish({ project: slug, kind: 'template', version: '1.0.0', name: 'orders-tpl' }),
        ).rejects.toMatchObject({
          message: expect.stringContaining('not a member of this organization'),
        });
      } finally {
        local.cloud.settings.setOrgId(orgId);
      }
      const { published } = await market.publish({
        project: slug,
        kind: 'template',
        version: '1.0.0',
        name: 'orders-tpl',
      });
      expect(published.name).toBe('orders-tpl');
      expect(server.marketplace.state.get('templates', 'orders-tpl')!.org_id).toBe(orgId);
    });

    it('explains RESOURCE_LIMIT_EXCEEDED', async () => {
      server.admin.setPlan(orgId, 'free');
      const slug = local.store.projects.list().find((p) => p.name === 'Orders API')!.slug;
      await expect(
        market.publish({ project: slug, kind: 'scenario', version: '1.0.0', name: 'orders-two' }),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
        hint: expect.stringContaining('upgrade'),
      });
    });
  });
});
