import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../../main/core/app';
import { MemorySecretStore } from '../../../main/core/secrets/memory-store';
import type { CallName } from '../../../shared/ipc/contract';
import type { AccountView } from '../../../shared/ipc/cloud';
import type {
  DataDeletionView,
  DataExportView,
  FaqView,
  LegalDocView,
  ServiceStatusView,
  SupportTicketView,
  UpgradeResultView,
  UsageMonthView,
} from '../../../shared/ipc/cloud-account';
import type { CloudServerHandle } from '../../cloud-server/index';
import type { InspectedUser } from '../../cloud-server/inspect';
import { newUser, seedProject, startServer } from './harness';

/**
 * Usage history, plan upgrade, GDPR export and deletion, legal documents, FAQ, support and
 * service status: through the IPC router (contract validation and handlers included)
 * against the contract server, plus each documented error straight over HTTP.
 */
describe('cloud account: usage, upgrade, your data, help, status', () => {
  let server: CloudServerHandle;
  let app: App;
  let dir: string;
  const secrets = new MemorySecretStore();
  const opened: string[] = [];
  /** What the test does with a checkout page the app opened: pay, cancel, or nothing yet. */
  let onOpen: (url: string) => Promise<void> = async () => undefined;

  const call = async <T>(name: CallName, input?: unknown, signal?: AbortSignal): Promise<T> => {
    const r = await app.router.dispatch(name, input, signal ? { signal } : {});
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as T;
  };
  const raw = (p: string, init: RequestInit & { token?: string | null } = {}) =>
    fetch(`${server.url}${p}`, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
    });
  const jwt = async () => (await secrets.get(`cloud-jwt@${server.url}`))!;
  const user = newUser();

  beforeAll(async () => {
    server = await startServer();
    dir = mkdtempSync(path.join(tmpdir(), 'mockdeck-account-'));
    app = await openApp({
      dataDir: dir,
      port: 0,
      version: 'test',
      cloud: {
        secrets: { store: secrets, mode: { kind: 'memory', reason: 'test' } },
        retry: { baseDelayMs: 10 },
        openExternal: async (url) => {
          opened.push(url);
          // Like a browser: the page loads after the opener returned.
          setTimeout(() => void onOpen(url), 0);
        },
      },
    });
    await call('cloud.setBaseUrl', { url: server.url });
    await call('auth.register', user);
  });
  afterAll(async () => {
    await app.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('usage history (GET /api/v1/usage/history)', () => {
    it('returns the asked number of months, newest first, with seeded past usage', async () => {
      const me = (server.inspect.users() as InspectedUser[]).find((u) => u.email === user.email)!;
      const org = server.admin.personalOrg(me.user_id)!;
      server.account.seedUsage(org.id, [
        { months_ago: 1, requests: 1234, storage_bytes: 5000, ai_tokens_used: 7 },
        { months_ago: 2, requests: 99 },
      ]);
      const months = await call<UsageMonthView[]>('account.usageHistory', { months: 3 });
      expect(months).toHaveLength(3);
      expect(months.map((m) => m.requests)).toEqual([0, 1234, 99]);
      expect(months[1]).toMatchObject({ storageBytes: 5000, aiTokensUsed: 7 });
      expect(Date.parse(months[0]!.periodStart)).toBeGreaterThan(Date.parse(months[1]!.periodStart));
      expect(await call<UsageMonthView[]>('account.usageHistory', {})).toHaveLength(6); // the documented default
    });

    it('refuses a months value out of range before asking the cloud, and the cloud says 400 too', async () => {
      await expect(call('account.usageHistory', { months: 0 })).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
        message: expect.stringContaining('months must be 1 to 36'),
      });
      const bad = await raw('/api/v1/usage/history?months=abc', { token: await jwt() });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error_code: 'VALIDATION_FAILED', status: 400 });
      const anon = await raw('/api/v1/usage/history');
      expect(anon.status).toBe(401);
      expect(await anon.json()).toMatchObject({ error_code: 'AUTH_REQUIRED' });
    });
  });

  describe('plan upgrade (POST /api/v1/billing/checkout)', () => {
    it('opens the checkout in the browser, waits for the loopback success and shows the new plan', async () => {
      onOpen = async (url) => void (await fetch(url)); // the fake payment page pays and redirects back
      const before = await call<AccountView>('account.get');
      expect(before.plan).toBe('pro');
      const r = await call<UpgradeResultView>('account.upgrade', { plan: 'team' });
      expect(r.outcome).toBe('success');
      expect(opened.at(-1)).toBe(r.checkoutUrl);
      expect(r.checkoutUrl).toMatch(new RegExp(`^${server.url}/__fake-checkout/cs_test_`));
      expect(r.account.plan).toBe('team');
      expect(r.account.limits.maxCollaborators).toBe(50);
    });

    it('reports a cancelled checkout and keeps the plan', async () => {
      onOpen = async (url) => void (await fetch(`${url}?action=cancel`));
      const r = await call<UpgradeResultView>('account.upgrade', { plan: 'pro' });
      expect(r.outcome).toBe('cancelled');
      expect(r.account.plan).toBe('team');
    });

    it('ignores a loopback visit with the wrong state, and the call can be cancelled', async () => {
      let callbackVisit: Response | null = null;
      onOpen = async (url) => {
        const page = await fetch(url, { redirect: 'manual' });
        const back = new URL(page.headers.get('location')!);
        back.searchParams.set('state', 'forged');
        callbackVisit = await fetch(back);
      };
      const stop = new AbortController();
      const pending = call('account.upgrade', { plan: 'team' }, stop.signal);
      await expect.poll(() => callbackVisit?.status).toBe(400);
      stop.abort();
      await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
    });

    it('documents its errors: 400 for a plan without checkout or a bad URL, 401 without sign-in', async () => {
      const token = await jwt();
      const body = (b: unknown) => ({ method: 'POST', body: JSON.stringify(b), token });
      const free = await raw(
        '/api/v1/billing/checkout',
        body({ plan: 'free', success_url: 'http://a/', cancel_url: 'http://b/' }),
      );
      expect(free.status).toBe(400);
      expect(await free.json()).toMatchObject({ error_code: 'VALIDATION_FAILED', details: { field: 'plan' } });
      const url = await raw(
        '/api/v1/billing/checkout',
        body({ plan: 'pro', success_url: 'ftp://x', cancel_url: 'http://b/' }),
      );
      expect(await url.json()).toMatchObject({ status: 400, details: { field: 'success_url' } });
      const anon = await raw('/api/v1/billing/checkout', { method: 'POST', body: '{}' });
      expect(anon.status).toBe(401);
      await expect(call('account.upgrade', { plan: 'free' })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    });
  });

  describe('legal, FAQ and support (§Legal & Support)', () => {
    it('serves each legal document as Markdown', async () => {
      for (const doc of ['terms', 'privacy', 'dpa'] as const) {
        const d = await call<LegalDocView>('help.legal', { doc });
        expect(d.doc).toBe(doc);
        expect(d.content).toMatch(/^# MockForge/);
        expect(d.lastUpdated).toBe('2024-07-20');
      }
      expect((await call<LegalDocView>('help.legal', { doc: 'dpa' })).title).toBe('Data Processing Agreement');
      await expect(call('help.legal', { doc: 'cookies' })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
      expect((await raw('/api/v1/legal/cookies')).status).toBe(404);
    });

    it('lists the FAQ with its categories', async () => {
      const faq = await call<FaqView>('help.faq');
      expect(faq.categories).toEqual(['Getting Started', 'Billing', 'Features']);
      expect(faq.items.find((i) => i.id === 'getting-started-1')?.question).toBe('What is MockForge Cloud?');
    });

    it('files a support request and returns its ticket id; refuses bad input with the field named', async () => {
      const t = await call<SupportTicketView>('help.contact', {
        category: 'technical',
        priority: 'high',
        subject: 'Deployment issue',
        message: 'My deployment is failing with a 503.',
      });
      expect(t.ticketId).toMatch(/^TKT-\d{6}$/);
      expect(server.account.tickets().at(-1)).toMatchObject({
        ticket_id: t.ticketId,
        category: 'technical',
        priority: 'high',
      });
      expect(server.account.tickets().at(-1)!.user_id).not.toBeNull(); // signed in: the ticket names the account

      await expect(
        call('help.contact', { category: 'technical', priority: 'asap', subject: 'x', message: 'long enough text' }),
      ).rejects.toMatchObject({ code: 'VALIDATION_ERROR', field: 'priority' });
      const bad = await raw('/api/v1/support/contact', {
        method: 'POST',
        body: JSON.stringify({ category: 'nope', priority: 'high', subject: 's', message: 'm' }),
      });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error_code: 'VALIDATION_FAILED', details: { field: 'category' } });
      const forged = await raw('/api/v1/support/contact', { method: 'POST', body: '{}', token: 'mfx_forged' });
      expect(forged.status).toBe(401);
    });
  });

  describe('service status (/health/detailed, /api/v1/status)', () => {
    it('says operational when every service is', async () => {
      const s = await call<ServiceStatusView>('cloud.serviceStatus');
      expect(s.verdict).toBe('operational');
      expect(s.status?.services.map((x) => x.name)).toEqual(['Database', 'Redis', 'Object Storage', 'API Service']);
      expect(s.health?.checks).toEqual([
        { name: 'database', status: 'ok' },
        { name: 'redis', status: 'ok' },
        { name: 'storage', status: 'ok' },
      ]);
    });

    it('names a degraded service, and tells an outage from an unreachable cloud', async () => {
      server.account.setService('Redis', 'degraded', 'Elevated latency');
      const s = await call<ServiceStatusView>('cloud.serviceStatus');
      expect(s.verdict).toBe('degraded');
      expect(s.summary).toContain('Redis');
      expect(s.status?.overall).toBe('degraded');
      expect(s.status?.services.find((x) => x.name === 'Redis')).toEqual({
        name: 'Redis',
        status: 'degraded',
        message: 'Elevated latency',
      });
      expect(s.health?.status).toBe('degraded');

      server.account.setService('API Service', 'major_outage');
      expect((await call<ServiceStatusView>('cloud.serviceStatus')).verdict).toBe('down');
      server.account.resetServices();

      const elsewhere = await openApp({
        dataDir: mkdtempSync(path.join(tmpdir(), 'mockdeck-account-off-')),
        port: 0,
        version: 'test',
        cloud: { secrets: { store: new MemorySecretStore(), mode: { kind: 'memory', reason: 'test' } } },
      });
      try {
        // A port nothing listens on: "my network (or URL) is the problem", not "the cloud is down".
        await elsewhere.router.dispatch('cloud.setBaseUrl', { url: 'http://127.0.0.1:9' });
        const r = await elsewhere.router.dispatch('cloud.serviceStatus', {});
        const v = (r.ok ? r.value : null) as ServiceStatusView | null;
        expect(v?.verdict).toBe('unreachable');
        expect(v?.summary).toMatch(/cannot reach .*network/);
      } finally {
        await elsewhere.close();
      }
    });
  });

  describe('your data (GDPR)', () => {
    it('exports the account data without any credential MockDeck holds', async () => {
      const token = (await call<{ token: string }>('tokens.create', { name: 'export-check' })).token;
      const bearer = await jwt();
      const out = await call<DataExportView>('account.exportData');
      const data = JSON.parse(out.content) as {
        user_data: { email: string };
        organizations: unknown[];
        api_tokens: { name: string; token_prefix: string }[];
      };
      expect(out.fileName).toMatch(/^mockforge-export-\d{4}-\d{2}-\d{2}\.json$/);
      expect(data.user_data.email).toBe(user.email);
      expect(data.organizations.length).toBeGreaterThan(0);
      expect(data.api_tokens.map((t) => t.name)).toContain('export-check');
      expect(out.content).not.toContain(bearer);
      expect(out.content).not.toContain(token);
      expect(out.bytes).toBe(Buffer.byteLength(out.content));
      const anon = await raw('/api/v1/gdpr/export');
      expect(anon.status).toBe(401);
    });

    it('deletes only after the typed confirmation, then wipes local links and secrets', async () => {
      const project = seedProject(app.catalog, 'Synced before deletion', 1);
      await call('sync.run', {});
      const cloud = await app.cloud();
      expect(cloud.sync.links.all(cloud.scope()).length).toBeGreaterThan(0);

      await expect(call('account.deleteData', { confirmation: 'delete' })).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
        message: expect.stringContaining('DELETE MY DATA'),
      });
      const unconfirmed = await raw('/api/v1/gdpr/delete', {
        method: 'POST',
        body: '{"confirm":false}',
        token: await jwt(),
      });
      expect(unconfirmed.status).toBe(400);
      expect(await unconfirmed.json()).toMatchObject({
        error_code: 'VALIDATION_FAILED',
        details: { field: 'confirm' },
      });
      expect(server.account.deletions().size).toBe(0);

      const scope = cloud.scope();
      const r = await call<DataDeletionView>('account.deleteData', { confirmation: 'DELETE MY DATA' });
      expect(r.message).toContain('Data deletion initiated');
      expect(r.deletionScheduledAt).toMatch(/^\d{4}-/);
      expect(r.wipedLinks).toBeGreaterThan(0);
      expect(server.account.deletions().size).toBe(1);
      expect(cloud.sync.links.all(scope)).toEqual([]);
      expect(secrets.size()).toBe(0);
      expect((await call<{ signedIn: boolean }>('cloud.status')).signedIn).toBe(false);
      // Local work stays: deletion is about the cloud account.
      expect(app.catalog.projects.get(project.id).name).toBe('Synced before deletion');
      expect((await raw('/api/v1/gdpr/delete', { method: 'POST', body: '{"confirm":true}' })).status).toBe(401);
    });
  });
});
