import Fastify, { type FastifyInstance } from 'fastify';
import type { Catalog } from '../../../main/core/catalog/catalog';
import { openApp } from '../../../main/core/app';
import type { Core } from '../../../main/core/core';
import { mountManagementApi } from '../../../main/core/server/management';
import type { Store } from '../../../main/core/store/store';
import type { Logger } from '../../../main/core/util/logger';

export const TOKEN = 'test-token-0123456789';

/** Response bodies are checked field by field in tests, so they are loosely typed here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
export interface Reply {
  status: number;
  json: Json;
  headers: Headers;
}

export interface Api {
  base: string;
  store: Store;
  catalog: Catalog;
  app: FastifyInstance;
  core: Core;
  /** fetch with the token and a JSON body; returns status and parsed JSON. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  close(): Promise<void>;
}

/**
 * The plugin on its own fastify instance, as the main listener hosts it: the parent has a
 * raw catch-all body parser and a public /m/ route, to prove the plugin stays encapsulated.
 * Its calls go to the router of a Core whose own server is not started.
 */
export async function startApi(opts: { logger?: Logger } = {}): Promise<Api> {
  const mockdeck = await openApp({ dataDir: null, ...opts });
  const { core } = mockdeck;
  const { store, catalog } = core;
  const app = Fastify({ genReqId: () => `req-${Math.random().toString(36).slice(2)}` });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.all('/m/*', async (req) => ({ public: true, url: req.url, bodyIsBuffer: Buffer.isBuffer(req.body) }));
  await mountManagementApi(app, { api: core.router, token: TOKEN, dataDir: null, ...opts });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    base,
    store,
    catalog,
    app,
    core,
    async call(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { authorization: `Bearer ${TOKEN}`, ...headers } };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      }
      const res = await fetch(base + path, init);
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : undefined, headers: res.headers };
    },
    async close() {
      await app.close();
      await mockdeck.close();
    },
  };
}

/** A project with two mocks; the first has two responses (one default, one conditional). */
export async function seedProject(
  api: Api,
  name = 'Shop API',
): Promise<{ projectId: string; mockId: string; otherMockId: string; responseIds: string[] }> {
  const p = await api.call('POST', '/projects', { name, description: 'orders and users' });
  const projectId: string = p.json.data.project_id;
  const m1 = await api.call('POST', `/projects/${projectId}/mocks`, {
    name: 'List users',
    path: '/users',
    method: 'GET',
  });
  const m2 = await api.call('POST', `/projects/${projectId}/mocks`, {
    name: 'Get user',
    path: '/users/{id}',
    method: 'get',
    responseDelay: 5,
  });
  const mockId: string = m1.json.data.mock_id;
  const r1 = await api.call('POST', `/mocks/${mockId}/responses`, {
    name: 'Success',
    statusCode: 200,
    headers: { 'X-Custom': 'value' },
    body: '{"users":[]}',
    isDefault: true,
  });
  const r2 = await api.call('POST', `/mocks/${mockId}/responses`, {
    name: 'Admin',
    statusCode: 202,
    body: 'admin',
    weight: 10,
    conditions: [{ type: 'header', field: 'x-role', operator: 'equals', value: 'admin' }],
  });
  return {
    projectId,
    mockId,
    otherMockId: m2.json.data.mock_id,
    responseIds: [r1.json.data.response_id, r2.json.data.response_id],
  };
}
