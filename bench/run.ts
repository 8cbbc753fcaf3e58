/**
 * `npm run bench`: the mock server against a plain fastify route, in one run.
 * Loopback only; autocannon fires from a worker thread so the server keeps the main thread.
 * Logging is ON (a temp data dir, the default batched writer), as users run it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { Agent } from 'undici';
import { plainTemplateRoute, TEMPLATE } from './template-reference';
import { openApp } from '../main/core/app';
import type { Core } from '../main/core/core';
import { LOG_SIZES, runLogsBench } from './logs';
import { writeLogsDoc, writePerformanceDoc, type Row } from './report';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP = 1;
const CONNECTIONS = 10;
const BODY = JSON.stringify({ id: 1, name: 'Ada Lovelace', email: 'ada@example.com', roles: ['admin', 'user'] });
const HEADERS = { 'x-tenant': 'acme' };

type CaseName =
  'plain' | 'static' | 'conditions' | 'small' | 'big' | 'proxyRef' | 'passthrough' | 'plainTemplate' | 'templated';
interface Shot {
  rps: number;
  p99: number;
  errors: number;
  /** Server main-thread busy time per request (µs): what a request costs, whatever else the machine runs. */
  cpuUs: number;
  /** CPU of the process's other threads per request (µs): autocannon's worker, the log writer, GC helpers. */
  otherUs: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function fire(url: string): Promise<Shot> {
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP, workers: 1, headers: HEADERS });
  // CPU time of this (the server's) thread only: autocannon runs in a worker thread, and time
  // the OS gives to other programs is not counted, unlike wall-clock utilisation.
  const cpu0 = process.threadCpuUsage();
  const all0 = process.cpuUsage();
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, workers: 1, headers: HEADERS });
  const cpu = process.threadCpuUsage(cpu0);
  const all = process.cpuUsage(all0);
  const n = Math.max(1, r.requests.total);
  const cpuUs = (cpu.user + cpu.system) / n;
  const otherUs = (all.user + all.system) / n - cpuUs;
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx, cpuUs, otherUs };
}

function seedProjects(core: Core): void {
  core.store.tx(() => {
    const small = core.catalog.projects.create({ name: 'Small', slug: 'small' });
    const add = (projectId: string, p: string, conditions = false) => {
      const m = core.catalog.mocks.create(projectId, { name: p, method: 'GET', path: p });
      if (conditions) {
        core.catalog.responses.create(m.id, {
          name: 'matched',
          body: BODY,
          conditions: [
            { type: 'header', field: 'X-Tenant', operator: 'equals', value: 'acme' },
            { type: 'query', field: 'v', operator: 'regex', value: '^[0-9]+$' },
            { type: 'path', field: 'id', operator: 'starts_with', value: '4' },
          ],
        });
        core.catalog.responses.create(m.id, { name: 'fallback', statusCode: 400, body: '{}' });
      } else {
        core.catalog.responses.create(m.id, { name: 'ok', body: BODY });
      }
    };
    add(small.id, '/users/me');
    add(small.id, '/orders/{id}', true);
    add(small.id, '/r5000/items/{id}');
    const tpl = core.catalog.mocks.create(small.id, { name: 'templated', method: 'GET', path: '/tpl/{id}' });
    core.catalog.responses.create(tpl.id, { name: 'templated', body: TEMPLATE });
    for (let i = 0; i < 7; i++) add(small.id, `/filler${i}/{id}`);

    const big = core.catalog.projects.create({ name: 'Big', slug: 'big' });
    for (let i = 0; i < 10_000; i++) add(big.id, i % 2 ? `/r${i}/items` : `/r${i}/items/{id}`);
  });
}

async function main(): Promise<void> {
  // BENCH_ONLY=logs: just the request-log reads (bench/logs.ts), e.g. on a machine too busy
  // for the HTTP ratios to mean anything; only their section of docs/performance.md changes.
  if (process.env.BENCH_ONLY === 'logs') {
    const cases = runLogsBench();
    for (const c of cases)
      console.log(`${c.name.padEnd(50)} ${c.ms.map((m) => `${m.toFixed(2)} ms`).join('  ')}  ${c.note}`);
    console.log(`figures written to ${await writeLogsDoc({ cases, sizes: LOG_SIZES })}`);
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mockdeck-bench-'));
  // The app as the CLI's `serve` opens it: the measured server is the one users run.
  const app = await openApp({ dataDir: dir, port: 0, apiToken: 'bench' });
  const { core } = app;
  const plain = Fastify({ logger: false });
  plain.get('/plain', (_req, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(BODY));
  // The upstream both proxies forward to: a bare node:http server answering the same body.
  const upstream = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(BODY);
  });
  // The reference proxy: a plain fastify route forwarding with undici (kept-alive connections),
  // streaming the upstream's body back; what a hand-written proxy route costs.
  const agent = new Agent({ keepAliveTimeout: 4_000 });
  let upstreamOrigin = '';
  plain.get('/proxy/*', async (req, reply) => {
    const { connection: _c, 'keep-alive': _k, host: _h, ...headers } = req.headers;
    const res = await agent.request({
      origin: upstreamOrigin,
      path: req.url.slice('/proxy'.length),
      method: 'GET',
      headers,
    });
    const { connection: _rc, 'keep-alive': _rk, 'transfer-encoding': _te, ...out } = res.headers;
    return reply.code(res.statusCode).headers(out).send(res.body);
  });
  plainTemplateRoute(plain);
  try {
    const t0 = performance.now();
    seedProjects(core);
    console.log(`seeded 10 + 10,000 mocks in ${Math.round(performance.now() - t0)} ms`);
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamOrigin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const proxied = core.catalog.projects.create({ name: 'Proxied', slug: 'proxied' });
    core.catalog.projects.update(proxied.id, { upstreamUrl: upstreamOrigin, proxyMode: 'passthrough' });
    const base = (await core.server.start()).url!;
    await plain.listen({ host: '127.0.0.1', port: 0 });
    const plainBase = `http://127.0.0.1:${(plain.server.address() as { port: number }).port}`;
    const plainUrl = `${plainBase}/plain`;

    // First request compiles each project; keep that out of the measurement.
    for (const u of ['/m/small/users/me', '/m/big/r5000/items/7', '/m/proxied/users/me']) await fetch(base + u);
    const sample = await (await fetch(`${base}/m/small/tpl/77`)).text();
    const reference = await (await fetch(`${plainBase}/tpl/77`)).text();
    // Both must render the template (valid JSON, the id echoed, five items), or the ratio compares nothing.
    for (const [who, text] of [
      ['mock', sample],
      ['reference', reference],
    ] as const) {
      const parsed = JSON.parse(text) as { id: string; items: unknown[] };
      if (parsed.id !== '77' || parsed.items.length !== 5)
        throw new Error(`the ${who} did not render the template: ${text}`);
    }

    // The build machines are shared: interleave the cases and take each ratio against the
    // reference measured in the same round, then the median over rounds, so load drift cancels.
    const rounds: Record<CaseName, Shot>[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const plainShot = await fire(plainUrl);
      const round = {
        plain: plainShot,
        static: await fire(`${base}/m/small/users/me`),
        conditions: await fire(`${base}/m/small/orders/42?v=7`),
        small: await fire(`${base}/m/small/r5000/items/77`),
        big: await fire(`${base}/m/big/r5000/items/77`),
        proxyRef: await fire(`${plainBase}/proxy/users/me`),
        passthrough: await fire(`${base}/m/proxied/users/me`),
        plainTemplate: await fire(`${plainBase}/tpl/77`),
        templated: await fire(`${base}/m/small/tpl/77`),
      };
      rounds.push(round);
      console.log(
        `round ${i + 1}/${ROUNDS}: ${Object.entries(round)
          .map(([k, v]) => `${k} ${v.rps.toFixed(0)}/s ${v.cpuUs.toFixed(0)}+${v.otherUs.toFixed(0)}µs`)
          .join(', ')}`,
      );
    }
    const med = (f: (r: Record<CaseName, Shot>) => number) => median(rounds.map(f));
    const row = (name: string, c: CaseName, ref: CaseName, target: number | null, against: string): Row => ({
      name,
      rps: med((r) => r[c].rps),
      p99: med((r) => r[c].p99),
      errors: rounds.reduce((n, r) => n + r[c].errors, 0),
      rpsRatio: med((r) => r[c].rps / r[ref].rps),
      // autocannon counts latency in whole milliseconds: a reference p99 of 0 ms gives no ratio.
      p99Ratio: median(rounds.filter((r) => r[ref].p99 > 0).map((r) => r[c].p99 / r[ref].p99)),
      cpuUs: med((r) => r[c].cpuUs),
      cpuRatio: med((r) => r[ref].cpuUs / r[c].cpuUs),
      otherUs: med((r) => r[c].otherUs),
      target,
      against,
    });
    const rows: Row[] = [
      row('plain fastify route (reference)', 'plain', 'plain', null, 'itself'),
      row('static matched mock', 'static', 'plain', 0.85, 'plain route'),
      row('mock with three conditions', 'conditions', 'plain', 0.7, 'plain route'),
      row('same route, 10-mock project', 'small', 'plain', null, 'plain route'),
      row('same route, 10,000-mock project', 'big', 'small', 0.8, '10-mock project'),
      row('plain fastify proxy route (undici)', 'proxyRef', 'proxyRef', null, 'itself'),
      row('passthrough to an upstream (proxy)', 'passthrough', 'proxyRef', 0.8, 'plain proxy route'),
      row('plain fastify + Handlebars route (reference)', 'plainTemplate', 'plainTemplate', null, 'itself'),
      row('templated mock (urlParam, faker, repeat 5)', 'templated', 'plainTemplate', 0.7, 'Handlebars route'),
    ];
    core.server.flushLogs();
    const logged = core.store.logs.page({}, 1, 1).pagination.total;
    printTable(rows);
    console.log(`request logs kept after the run: ${logged} (retention ${10_000} per project)`);
    const errors = rows.reduce((n, r) => n + (r.errors ?? 0), 0);
    if (errors > 0) console.log(`WARNING: ${errors} errors or non-2xx answers during the run`);
    // The log viewer's reads at 10,000 and 1,000,000 rows (bench/logs.ts), after the HTTP
    // cases so its million-row seeding does not load the machine while they are measured.
    const logCases = runLogsBench();
    for (const c of logCases)
      console.log(`${c.name.padEnd(50)} ${c.ms.map((m) => `${m.toFixed(2)} ms`).join('  ')}  ${c.note}`);
    const file = await writePerformanceDoc(
      rows,
      { seconds: DURATION, connections: CONNECTIONS, rounds: ROUNDS },
      { cases: logCases, sizes: LOG_SIZES },
    );
    console.log(`figures written to ${file}`);
  } finally {
    await plain.close();
    await app.close();
    await agent.close();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(rows: Row[]): void {
  console.log('');
  console.log(
    'case                                            req/s     p99 ms   rps ratio  p99 ratio  µs/req  cpu ratio  other µs  target (rps ratio)  vs',
  );
  for (const r of rows) {
    const verdict = r.target === null ? '' : r.rpsRatio >= r.target ? `≥${r.target} ok` : `≥${r.target} MISSED`;
    console.log(
      `${r.name.padEnd(46)} ${r.rps.toFixed(0).padStart(7)} ${r.p99.toFixed(1).padStart(9)} ${r.rpsRatio.toFixed(2).padStart(10)} ${r.p99Ratio.toFixed(2).padStart(10)} ${r.cpuUs.toFixed(0).padStart(7)} ${r.cpuRatio.toFixed(2).padStart(10)} ${r.otherUs.toFixed(0).padStart(9)}  ${verdict.padEnd(19)} ${r.against}`,
    );
  }
  console.log('');
}

await main();
