import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../../main/core/transfer';
import { HighestMigrationId } from '../../../main/core/transfer/formats/mockoon/environment';
import { readInside, referencedFiles } from '../../../main/core/transfer/formats/mockoon/files';
import { AppError } from '../../../main/core/util/errors';

/** A Mockoon environment as Mockoon 9 writes it (fields the schema would fill are left out). */
function environment(over: Record<string, unknown> = {}) {
  const response = (r: Record<string, unknown>) => ({
    uuid: `r-${Math.random()}`,
    statusCode: 200,
    label: '',
    headers: [],
    body: '',
    latency: 0,
    bodyType: 'INLINE',
    filePath: '',
    databucketID: '',
    rules: [],
    rulesOperator: 'OR',
    default: false,
    disableTemplating: false,
    ...r,
  });
  const routes = [
    {
      uuid: 'a',
      type: 'http',
      documentation: 'Get a user\nBy id.',
      method: 'get',
      endpoint: 'users/:id',
      responseMode: null,
      responses: [
        response({
          statusCode: 200,
          label: 'Admin',
          body: '{"id": "{{urlParam \'id\'}}", "plan": {{{data \'Plans list\'}}}}',
          rules: [
            { target: 'header', modifier: 'x-role', value: 'admin', invert: false, operator: 'equals' },
            { target: 'params', modifier: 'id', value: '^\\d+$', invert: false, operator: 'regex' },
          ],
          rulesOperator: 'AND',
          headers: [{ key: 'X-Kind', value: 'admin' }],
        }),
        response({
          statusCode: 403,
          label: 'Guest',
          rules: [
            { target: 'method', modifier: '', value: 'get', invert: true, operator: 'equals' },
            { target: 'request_number', modifier: '', value: '3', invert: false, operator: 'equals' },
            { target: 'path', modifier: '', value: '/x', invert: false, operator: 'regex' },
          ],
        }),
        response({ statusCode: 404, label: 'Missing', default: true, latency: 40 }),
        response({ statusCode: 500, label: 'Never' }),
      ],
    },
    {
      uuid: 'b',
      type: 'http',
      documentation: '',
      method: 'post',
      endpoint: 'orders',
      responseMode: 'FALLBACK',
      responses: [
        response({ bodyType: 'FILE', filePath: 'bodies/order.json' }),
        response({ bodyType: 'DATABUCKET', databucketID: 'pl01' }),
      ],
    },
    {
      uuid: 'c',
      type: 'crud',
      documentation: 'Plans',
      method: '',
      endpoint: 'plans',
      responseMode: null,
      responses: [response({ databucketID: 'pl01', crudKey: 'code' })],
    },
    {
      uuid: 'd',
      type: 'http',
      documentation: '',
      method: 'all',
      endpoint: 'any',
      responseMode: null,
      responses: [response({})],
    },
    {
      uuid: 'e',
      type: 'http',
      documentation: '',
      method: 'get',
      endpoint: 'files/*',
      responseMode: null,
      responses: [response({})],
    },
    {
      uuid: 'f',
      type: 'ws',
      documentation: '',
      method: '',
      endpoint: 'live',
      responseMode: null,
      responses: [response({})],
    },
    {
      uuid: 'g',
      type: 'http',
      documentation: '',
      method: 'get',
      endpoint: 'roll',
      responseMode: 'DISABLE_RULES',
      responses: [response({})],
    },
  ];
  return {
    uuid: 'env',
    lastMigration: HighestMigrationId,
    name: 'Shop',
    endpointPrefix: 'api/v1/',
    latency: 10,
    port: 3001,
    routes,
    rootChildren: routes.map((r) => ({ type: 'route', uuid: r.uuid })),
    headers: [{ key: 'Content-Type', value: 'application/json' }],
    data: [{ uuid: 'd1', id: 'pl01', name: 'Plans list', documentation: '', value: '[{"code": "free"}]' }],
    proxyMode: true,
    proxyHost: 'https://api.example.com',
    cors: true,
    ...over,
  };
}

const read = (env: unknown, opts: Parameters<typeof readDocument>[1] = {}) =>
  readDocument({ content: JSON.stringify(env), format: 'auto', fileName: 'env.json' }, opts);

describe('Mockoon reader', () => {
  it('detects an environment and maps routes, prefix, headers, rules, modes, buckets and CRUD routes', async () => {
    const r = await read(environment(), { readFile: (p) => (p === 'bodies/order.json' ? '{"n": 1}' : undefined) });
    expect(r.format).toBe('mockoon');
    expect(r.report.basePath).toEqual({ path: '/api/v1', kept: true });
    const [user, orders, plans, any, files, roll] = r.draft.mocks;
    expect(r.draft.mocks.map((m) => `${m.method} ${m.path}`)).toEqual([
      'GET /api/v1/users/{id}',
      'POST /api/v1/orders',
      'GET /api/v1/plans',
      'ANY /api/v1/any',
      'GET /api/v1/files/*',
      'GET /api/v1/roll',
    ]);
    expect([any, files].map((m) => m!.responseSelection)).toEqual(['first', 'first']);
    expect(user).toMatchObject({
      name: 'Get a user',
      description: 'By id.',
      responseType: 'json',
      responseDelay: 50,
      responseSelection: 'first',
    });
    // Mockoon's first-match rule: the first matching response answers; when none does, only the default without rules can win the draw.
    expect(user!.responses.map((x) => [x.name, x.statusCode, x.weight, x.isDefault])).toEqual([
      ['Admin', 200, 0, false],
      ['Guest', 403, 0, false],
      ['Missing', 404, 100, true],
      ['Never', 500, 0, false],
    ]);
    const admin = user!.responses[0]!;
    expect(admin.conditions).toEqual([
      { type: 'header', field: 'x-role', operator: 'equals', value: 'admin' },
      { type: 'path', field: 'id', operator: 'regex', value: '^\\d+$' },
    ]);
    expect(admin.conditionLogic).toBe('and');
    // The environment's Content-Type, with Express's charset, is what a json mock sends anyway: not repeated.
    expect(admin.headers).toEqual({ 'X-Kind': 'admin' });
    expect(user!.responses[2]!.headers).toEqual({});
    expect(admin.body).toBe('{"id": "{{urlParam \'id\'}}", "plan": {{{data \'Plans-list\'}}}}');
    const guest = user!.responses[1]!;
    expect(guest.conditions).toEqual([
      { type: 'method', field: '', operator: 'equals', value: 'GET', invert: true },
      { type: 'request_number', field: '', operator: 'equals', value: '3' },
    ]);
    expect(guest.conditionLogic).toBe('or');
    expect(orders).toMatchObject({ responseMode: 'fallback', responseSelection: 'first' });
    expect(orders!.responses.map((x) => x.body)).toEqual(['{"n": 1}', "{{{data 'Plans-list'}}}"]);
    expect(plans).toMatchObject({ kind: 'crud', bucket: 'Plans-list', crudKey: 'code', responses: [] });
    expect(roll).toMatchObject({ responseMode: 'disable_rules', responseSelection: 'weighted' });
    expect(r.draft.buckets).toEqual([
      { name: 'Plans-list', description: '', content: '[{"code": "free"}]', templated: false },
    ]);
    const skips = r.report.skipped.map((s) => `${s.where}: ${s.what}`);
    expect(skips).toEqual([
      expect.stringMatching(/^route 1 .* response 2 .* rule 3: rule path/),
      'route 6 (ws /live): WebSocket route',
      'environment: proxy to https://api.example.com',
    ]);
  });

  it('lists a file body as not mapped when no file reader is given, and the prefix can be dropped', async () => {
    const r = await read(environment(), { basePath: 'drop' });
    expect(r.draft.mocks[0]!.path).toBe('/users/{id}');
    expect(r.report.basePath).toEqual({ path: '/api/v1', kept: false });
    const file = r.report.skipped.find((s) => s.what.startsWith('file body'))!;
    expect(file.what).toBe('file body "bodies/order.json"');
    expect(file.reason).toMatch(/mockdeck import FILE/);
  });

  it('upgrades an older environment with Mockoon migrations, refuses a newer one, repairs one without lastMigration', async () => {
    const old = await read(environment({ lastMigration: 24 }));
    expect(old.draft.mocks).toHaveLength(6);
    expect(old.report.warnings).toContainEqual(expect.stringMatching(/upgraded from Mockoon's format 24/));
    const e = await read(environment({ lastMigration: HighestMigrationId + 1 })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toMatch(/newer Mockoon/);
    const bare = environment();
    delete (bare as Partial<typeof bare>).lastMigration;
    const repaired = await read(bare);
    expect(repaired.report.warnings).toContainEqual(expect.stringMatching(/no lastMigration/));
  });
});

describe('Mockoon file bodies are read only inside the environment folder', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mockoon-files-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const envDir = path.join(root, 'env');
  mkdirSync(path.join(envDir, 'bodies'), { recursive: true });
  writeFileSync(path.join(envDir, 'bodies', 'order.json'), '{"n": 1}');
  writeFileSync(path.join(root, 'secret.txt'), 'secret');
  symlinkSync(path.join(root, 'secret.txt'), path.join(envDir, 'link.txt'));

  it('reads a relative path, refuses ../, absolute paths and symlinks out', () => {
    expect(readInside(envDir, 'bodies/order.json')).toBe('{"n": 1}');
    expect(readInside(envDir, '../secret.txt')).toBeUndefined();
    expect(readInside(envDir, path.join(root, 'secret.txt'))).toBeUndefined();
    expect(readInside(envDir, 'link.txt')).toBeUndefined();
    expect(readInside(envDir, 'bodies')).toBeUndefined();
  });

  it('collects the file bodies an environment names', () => {
    expect(referencedFiles(environment(), envDir)).toEqual({ 'bodies/order.json': '{"n": 1}' });
    expect(referencedFiles({ openapi: '3.1.0' }, envDir)).toBeUndefined();
  });
});
