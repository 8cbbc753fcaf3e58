import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Catalog } from '../../../main/core/catalog/catalog';
import { Cloud, type CloudOptions } from '../../../main/core/cloud/cloud';
import { MemorySecretStore } from '../../../main/core/secrets/memory-store';
import { openStore, type Store } from '../../../main/core/store/store';
import { systemClock } from '../../../main/core/util/clock';
import { startCloudServer, type CloudServerHandle, type CloudServerOptions } from '../../cloud-server/index';

/** A contract server with a generous rate limit (tests that want 429s inject them). */
export function startServer(opts: CloudServerOptions = {}): Promise<CloudServerHandle> {
  return startCloudServer({ rateLimitPerMinute: 100_000, deployReadyAfterMs: 100, ...opts });
}

export interface Local {
  dir: string;
  store: Store;
  catalog: Catalog;
  secrets: MemorySecretStore;
  cloud: Cloud;
  close(): void;
}

/** A data dir of its own, a Cloud on MemorySecretStore pointed at `url`, with fast retries. */
export function openLocal(url: string, opts: Partial<CloudOptions> = {}, dir?: string): Local {
  const d = dir ?? mkdtempSync(path.join(tmpdir(), 'mockdeck-cloud-'));
  const store = openStore(d);
  const catalog = new Catalog(store, systemClock);
  const secrets = new MemorySecretStore();
  const cloud = new Cloud({
    catalog,
    secrets,
    secretsMode: { kind: 'memory', reason: 'test' },
    retry: { baseDelayMs: 10, maxDelayMs: 50, maxRateLimitWaitMs: 5_000 },
    timeoutMs: 5_000,
    ...opts,
  });
  cloud.settings.setBaseUrl(url);
  return {
    dir: d,
    store,
    catalog,
    secrets,
    cloud,
    close() {
      store.close();
      if (!dir) rmSync(d, { recursive: true, force: true });
    },
  };
}

let n = 0;
export function newUser(): { username: string; email: string; password: string } {
  n++;
  const tag = `${process.pid}-${Date.now()}-${n}`;
  return { username: `user${tag}`, email: `user${tag}@example.com`, password: `pw-${tag}-secret` };
}

/** A project with `mocks` mocks, each with two responses (one conditional), through the catalog. */
export function seedProject(catalog: Catalog, name: string, mocks: number) {
  const p = catalog.projects.create({ name, description: `${name} description` });
  for (let i = 0; i < mocks; i++) {
    const m = catalog.mocks.create(p.id, {
      name: `Mock ${i}`,
      path: `/items/${i}/{id}`,
      method: i % 2 ? 'POST' : 'GET',
      responseDelay: 0,
    });
    catalog.responses.create(m.id, {
      name: 'OK',
      statusCode: 200,
      headers: { 'x-n': String(i) },
      body: JSON.stringify({ i }),
      isDefault: true,
    });
    catalog.responses.create(m.id, {
      name: 'Admin',
      statusCode: 201,
      body: `admin ${i}`,
      weight: 50,
      conditions: [{ type: 'header', field: 'x-role', operator: 'equals', value: 'admin' }],
    });
  }
  return p;
}

/** Project content as comparable plain data: mocks and responses in order, no ids or times. */
export function localSnapshot(catalog: Catalog, projectId: string) {
  const p = catalog.projects.get(projectId);
  return {
    name: p.name,
    description: p.description,
    isPublic: p.isPublic,
    mocks: catalog.store.mocks.listByProject(projectId).map((m) => ({
      name: m.name,
      path: m.path,
      method: m.method,
      description: m.description,
      responseType: m.responseType,
      responseDelay: m.responseDelay,
      responseMode: m.responseMode,
      isActive: m.isActive,
      responses: catalog.store.responses.listByMock(m.id).map((r) => ({
        name: r.name,
        statusCode: r.statusCode,
        headers: r.headers,
        body: r.body,
        isDefault: r.isDefault,
        weight: r.weight,
        conditions: r.conditions,
      })),
    })),
  };
}

interface WireProjectLike {
  project_id: string;
  name: string;
  description: string;
  is_public: number;
}
interface WireMockLike {
  mock_id: string;
  name: string;
  path: string;
  method: string;
  description: string;
  response_type: string;
  response_delay_ms: number;
  response_mode: string;
  is_active: number;
}
interface WireResponseLike {
  name: string;
  status_code: number;
  headers: string;
  body: string;
  is_default: number;
  weight: number;
  conditions: string;
}

/** The same shape as localSnapshot, read from the contract server's own database. */
export function remoteSnapshot(server: CloudServerHandle, projectId: string) {
  const p = (server.inspect.projects() as WireProjectLike[]).find((x) => x.project_id === projectId);
  if (!p) throw new Error(`remote project ${projectId} not found`);
  return {
    name: p.name,
    description: p.description,
    isPublic: p.is_public === 1,
    mocks: (server.inspect.mocks(projectId) as WireMockLike[]).map((m) => ({
      name: m.name,
      path: m.path,
      method: m.method,
      description: m.description,
      responseType: m.response_type,
      responseDelay: m.response_delay_ms,
      responseMode: m.response_mode,
      isActive: m.is_active === 1,
      responses: (server.inspect.responses(m.mock_id) as WireResponseLike[]).map((r) => ({
        name: r.name,
        statusCode: r.status_code,
        headers: JSON.parse(r.headers) as Record<string, string>,
        body: r.body,
        isDefault: r.is_default === 1,
        weight: r.weight,
        conditions: JSON.parse(r.conditions) as unknown[],
      })),
    })),
  };
}

export const remoteProjects = (server: CloudServerHandle) => server.inspect.projects() as WireProjectLike[];

/** Mock order is local presentation (not synced once both sides add mocks independently). */
export function unordered<T extends { mocks: { name: string; path: string }[] }>(s: T): T {
  return { ...s, mocks: [...s.mocks].sort((x, y) => (x.name + x.path < y.name + y.path ? -1 : 1)) };
}
