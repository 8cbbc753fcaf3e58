import { describe, expect, it } from 'vitest';
import { compileProject, createMemoryRuntime, executeRequest } from '../../../main/core/engine';
import { nextKey, runCrud } from '../../../main/core/engine/crud/operations';
import { mock, project, request } from './fixtures';

const body = (r: { body: string | Buffer }): unknown => JSON.parse(String(r.body));

function serve(bucket: unknown, over: Parameters<typeof mock>[0] = {}) {
  const runtime = createMemoryRuntime({ users: bucket });
  const compiled = compileProject({
    project: project(),
    mocks: [mock({ path: '/users', kind: 'crud', bucket: 'users', ...over })],
    responses: [],
    runtime,
  });
  const call = (method: string, path: string, json?: unknown, query: Record<string, string> = {}) =>
    executeRequest(
      compiled,
      request({
        method,
        path,
        query,
        rawBody: Buffer.from(json === undefined ? '' : typeof json === 'string' ? json : JSON.stringify(json)),
      }),
      { random: () => 0 },
    );
  return { runtime, call };
}

describe('CRUD operations', () => {
  it('never change the current value in place (a refused write leaves it as it was)', () => {
    const items = Object.freeze([Object.freeze({ id: 1 })]);
    expect(runCrud('create', items, '', 'id', { name: 'a' }).next?.value).toEqual([{ id: 1 }, { id: 2, name: 'a' }]);
    expect(runCrud('delete', items, '1', 'id', {}).next?.value).toEqual([]);
    expect(runCrud('merge', items, '1', 'id', { a: 1 }).next?.value).toEqual([{ id: 1, a: 1 }]);
    expect(items).toEqual([{ id: 1 }]);
  });

  it('key new items like Mockoon: the highest numeric key + 1, else a UUID; keys may be dotted paths', () => {
    expect(nextKey([{ id: 3 }, { id: 'x' }, { id: 7 }], 'id')).toBe(8);
    expect(nextKey([{ id: 'a' }], 'id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(runCrud('create', [{ data: { id: 1 } }], '', 'data.id', { v: 1 }).body).toEqual({ v: 1, data: { id: 2 } });
    expect(runCrud('get', [{ data: { id: 1 } }], '1', 'data.id', {}).body).toEqual({ data: { id: 1 } });
  });

  it('address primitives by index, and treat a bucket that is not an array as its one item', () => {
    expect(runCrud('get', ['a', 'b'], '1', 'id', {}).body).toBe('b');
    expect(runCrud('get', { a: 1 }, 'anything', 'id', {}).body).toEqual({ a: 1 });
    expect(runCrud('merge', { a: 1 }, 'x', 'id', { b: 2 }).next?.value).toEqual({ a: 1, b: 2 });
  });

  it('a key path through __proto__ or constructor reads and writes nothing', () => {
    const out = runCrud('create', [], '', '__proto__.polluted', { name: 'x' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(out.status).toBe(201);
    expect(runCrud('get', [{ id: 1 }], '1', 'constructor', {}).missing).toBe(true);
  });
});

describe('the crud stage', () => {
  it('answers only the routes of its collection and items, and writes through the runtime', () => {
    const { runtime, call } = serve([{ id: 1 }]);
    expect(call('POST', '/users', { name: 'b' }).status).toBe(201);
    expect(runtime.bucket('users')).toEqual([{ id: 1 }, { id: 2, name: 'b' }]);
    expect(call('POST', '/users/1', {}).errorCode).toBe('MOCK_NOT_FOUND');
    expect(call('GET', '/users/2/more').errorCode).toBe('MOCK_NOT_FOUND');
    expect(body(call('GET', '/users/2'))).toEqual({ id: 2, name: 'b' });
    expect(call('HEAD', '/users').status).toBe(200);
  });

  it('a user regex filter runs in linear time: a catastrophic pattern does not hang', () => {
    const { call } = serve([{ id: 1, name: 'a'.repeat(5000) + '!' }]);
    const r = call('GET', '/users', undefined, { name_like: '^(a+)+$' });
    expect(body(r)).toEqual([]);
    // A pattern re2js refuses matches nothing instead of failing the request.
    expect(body(call('GET', '/users', undefined, { name_like: '(?=a)' }))).toEqual([]);
  });

  it('refuses a body nested deeper than 64 levels with a 400, before parsing it', () => {
    const { call } = serve([]);
    const r = call('POST', '/users', '['.repeat(100) + ']'.repeat(100));
    expect(r.status).toBe(400);
    expect(body(r)).toMatchObject({ error: 'INVALID_JSON', message: expect.stringContaining('64') as string });
  });

  it('adds nothing to the steps of a plain mock', () => {
    const compiled = compileProject({ project: project(), mocks: [mock({ path: '/a' })], responses: [] });
    const crud = compileProject({
      project: project(),
      mocks: [mock({ path: '/a', kind: 'crud', bucket: 'x' })],
      responses: [],
    });
    expect(compiled.mocks.values().next().value!.steps.length).toBe(1);
    expect(crud.mocks.values().next().value!.steps.length).toBe(1);
  });
});
