import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudFaults, CloudServerHandle } from '../../cloud-server/index';
import {
  localSnapshot,
  newUser,
  openLocal,
  remoteProjects,
  remoteSnapshot,
  seedProject,
  startServer,
  type Local,
} from './harness';

/**
 * Sync under injected faults converges: after the faults stop, the cloud holds exactly the
 * local content (compared field by field, so a duplicate or a loss would show), and a fresh
 * machine pulls the same.
 */
describe('sync under injected faults', () => {
  let server: CloudServerHandle;
  const user = newUser();
  const opened: Local[] = [];
  const local = (opts: Parameters<typeof openLocal>[1] = {}) => {
    const l = openLocal(server.url, opts);
    opened.push(l);
    return l;
  };

  beforeAll(async () => {
    server = await startServer();
    const first = local();
    await first.cloud.session.register(user);
  });
  afterAll(async () => {
    for (const l of opened) l.close();
    await server.close();
  });

  const remaining = async (): Promise<CloudFaults> =>
    (await (await fetch(`${server.url}/__control/faults`)).json()) as CloudFaults;

  /** Runs sync until it succeeds (a failed run must leave a state the next run resumes from). */
  async function syncUntilDone(l: Local, maxRuns = 6): Promise<number> {
    for (let run = 1; run <= maxRuns; run++) {
      try {
        await l.cloud.sync.run();
        return run;
      } catch (e) {
        if (run === maxRuns) throw e;
      }
    }
    return maxRuns;
  }

  /**
   * Seeds a project, syncs under `faults`, then lifts them and syncs again. With
   * `failingRuns`, that many runs are expected to fail under the fault first (a sync cut
   * short), and the run after lifting it must resume.
   */
  async function scenario(
    name: string,
    faults: Partial<CloudFaults>,
    opts: Parameters<typeof openLocal>[1] = {},
    failingRuns = 0,
  ) {
    const a = local(opts);
    await a.cloud.session.login(user);
    await a.cloud.sync.run();
    const p = seedProject(a.catalog, name, 12);
    server.faults.set(faults);
    let runs = 0;
    if (failingRuns > 0) {
      for (let i = 0; i < failingRuns; i++)
        await expect(a.cloud.sync.run()).rejects.toMatchObject({ code: 'CLOUD_ERROR' });
    } else {
      runs = await syncUntilDone(a);
    }
    const left = await remaining();
    server.faults.reset();
    // Writes the client gave up on still land on a slow server; let them, as they would.
    if (failingRuns > 0) await new Promise((r) => setTimeout(r, 1500));
    await a.cloud.sync.run();

    const remote = remoteProjects(server).filter((x) => x.name === name);
    expect(remote).toHaveLength(1);
    expect(remoteSnapshot(server, remote[0]!.project_id)).toEqual(localSnapshot(a.catalog, p.id));
    expect(a.cloud.sync.status().pendingChanges).toBe(0);

    const b = local();
    await b.cloud.session.login(user);
    await b.cloud.sync.run();
    const bp = b.catalog.projects.list().filter((x) => x.name === name);
    expect(bp).toHaveLength(1);
    expect(localSnapshot(b.catalog, bp[0]!.id)).toEqual(localSnapshot(a.catalog, p.id));
    return { runs, left, a, p };
  }

  it('500s on creates and lists: retried, re-listed before re-creating, nothing duplicated', async () => {
    const { left } = await scenario('Fault 500', { fail500: 9, pathPattern: '/responses$|/mocks$' });
    expect(left.fail500).toBe(0);
  });

  it('429 with Retry-After: waits as told and carries on', async () => {
    const started = Date.now();
    const { left, runs } = await scenario('Fault 429', { rateLimit: 3, retryAfterSeconds: 1, pathPattern: '/mocks$' });
    expect(left.rateLimit).toBe(0);
    expect(runs).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
  });

  it('slow answers within the timeout just take longer', async () => {
    const { runs } = await scenario('Fault slow', { slowMs: 150, pathPattern: '/responses$' });
    expect(runs).toBe(1);
  });

  it('answers slower than the timeout: the sync fails, and the next one resumes without duplicates', async () => {
    // The server still runs each handler after the client gave up, like a real slow server.
    const { a } = await scenario(
      'Fault timeout',
      { slowMs: 1200, pathPattern: '/responses$' },
      { timeoutMs: 500, retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 } },
      2,
    );
    expect(a.cloud.sync.status().lastError).toBeNull();
  });

  it('connection dropped after the server applied a create: adopted, not created twice', async () => {
    const { left } = await scenario('Fault drop', {
      dropAfterHandler: 8,
      pathPattern: '/responses$|/mocks$|/projects$',
    });
    expect(left.dropAfterHandler).toBe(0);
  });

  it('connection dropped after updates and deletes were applied: retried idempotently', async () => {
    const { a, p } = await scenario('Fault drop edits', {});
    const mocks = a.store.mocks.listByProject(p.id);
    for (const m of mocks.slice(0, 4)) a.catalog.mocks.update(m.id, { description: `edited ${m.name}` });
    for (const m of mocks.slice(4, 7)) a.catalog.mocks.delete(m.id);
    const r = a.store.responses.listByMock(mocks[8]!.id)[1]!;
    a.catalog.responses.update(mocks[8]!.id, r.id, { body: 'edited body' });
    server.faults.set({ dropAfterHandler: 12, pathPattern: '^/api/v1/mocks/' });
    await syncUntilDone(a);
    expect((await remaining()).dropAfterHandler).toBe(0);
    server.faults.reset();
    await a.cloud.sync.run();
    const remote = remoteProjects(server).find((x) => x.name === 'Fault drop edits')!;
    expect(remoteSnapshot(server, remote.project_id)).toEqual(localSnapshot(a.catalog, p.id));
    expect(server.inspect.mocks(remote.project_id)).toHaveLength(9);
  });
});
