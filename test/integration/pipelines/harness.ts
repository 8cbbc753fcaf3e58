import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { openApp, type App, type AppOptions } from '../../../main/core/app';
import { mountManagementApi } from '../../../main/core/server/management';
import { MemorySecretStore } from '../../../main/core/secrets';

export const TOKEN = 'test-token-0123456789';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
export interface Reply {
  status: number;
  json: Json;
}

export interface PipelinesApi {
  app: App;
  secrets: MemorySecretStore;
  call(method: string, path: string, body?: unknown): Promise<Reply>;
  /** Reads pending events and waits until every queued execution finished. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** An app whose pipeline worker retries fast and coalesces over 20 ms, with the management API on a port. */
export async function startPipelines(opts: Partial<AppOptions> = {}): Promise<PipelinesApi> {
  const secrets = new MemorySecretStore();
  const app = await openApp({
    dataDir: null,
    pipelineSecrets: () => Promise.resolve(secrets),
    pipelines: { retry: { attempts: 3, baseDelayMs: 5 }, coalesceMs: 20, defaultStepTimeoutMs: 20_000 },
    ...opts,
  });
  const http: FastifyInstance = Fastify();
  await mountManagementApi(http, { api: app.router, token: TOKEN, dataDir: null });
  const base = await http.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    secrets,
    async call(method, path, body) {
      const init: RequestInit = { method, headers: { authorization: `Bearer ${TOKEN}` } };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
      const res = await fetch(base + path, init);
      const text = await res.text();
      return { status: res.status, json: text ? JSON.parse(text) : undefined };
    },
    settle: () => app.pipelineWorker!.settle(),
    async close() {
      await http.close();
      await app.close();
    },
  };
}

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local HTTP receiver; `answer` decides each status (default 200). */
export async function startReceiver(answer: (n: number, r: Received) => number = () => 200): Promise<{
  url: string;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(r);
      res.writeHead(answer(received.length, r), { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** A definition with one webhook step to `url` on `event`. */
export function webhookPipeline(url: string, event: string, extra: Record<string, unknown> = {}, filters = {}) {
  return {
    name: `on-${event}`,
    definition: {
      enabled: true,
      triggers: [{ event, filters }],
      steps: [
        {
          name: 'hook',
          step_type: 'notify',
          config: { type: 'webhook', webhook_url: url, message: 'ws {{event.workspace_id}}', ...extra },
        },
      ],
    },
  };
}
