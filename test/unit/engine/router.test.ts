import { describe, expect, it } from 'vitest';
import { compileProject, executeRequest } from '../../../main/core/engine';
import { RouteTable } from '../../../main/core/engine/router';
import type { CompiledMock } from '../../../main/core/engine/types';
import { mock, project, request, response } from './fixtures';

const fake = (id: string): CompiledMock =>
  ({
    mock: { id },
    responses: [],
    conditional: [],
    unconditioned: [],
    hasConditions: false,
    signature: id,
    seq: 0,
  }) as unknown as CompiledMock;

describe('RouteTable', () => {
  it('prefers an exact path over a pattern, whatever the order they were added in', () => {
    const t = new RouteTable();
    t.add('GET', '/users/{id}', fake('pattern'));
    t.add('GET', '/users/me', fake('exact'));
    expect(t.match('GET', '/users/me')?.mock.mock.id).toBe('exact');
    expect(t.match('GET', '/users/42')?.mock.mock.id).toBe('pattern');
  });

  it('accepts :id segments like {id} and names the parameter', () => {
    const t = new RouteTable();
    t.add('GET', '/orders/:orderId/items/{itemId}', fake('o'));
    expect(t.match('GET', '/orders/7/items/x9')?.params).toEqual({ orderId: '7', itemId: 'x9' });
  });

  it('ignores one trailing slash on either side, and matches the root', () => {
    const t = new RouteTable();
    t.add('GET', '/users/', fake('u'));
    t.add('GET', '/', fake('root'));
    expect(t.match('GET', '/users')?.mock.mock.id).toBe('u');
    expect(t.match('GET', '/users/')?.mock.mock.id).toBe('u');
    expect(t.match('GET', '/')?.mock.mock.id).toBe('root');
    expect(t.match('GET', '/users//')).toBeNull();
  });

  it('URL-decodes parameters without letting %2F split a segment', () => {
    const t = new RouteTable();
    t.add('GET', '/files/{name}', fake('f'));
    expect(t.match('GET', '/files/a%20b%2Fc')?.params).toEqual({ name: 'a b/c' });
    expect(t.match('GET', '/files/caf%C3%A9')?.params).toEqual({ name: 'café' });
    // A malformed escape is kept as written rather than failing the request.
    expect(t.match('GET', '/files/100%')?.params).toEqual({ name: '100%' });
  });

  it('decodes exact paths before comparing them', () => {
    const t = new RouteTable();
    t.add('GET', '/café', fake('c'));
    expect(t.match('GET', '/caf%C3%A9')?.mock.mock.id).toBe('c');
  });

  it('lets * stand for one segment and a trailing * for the rest of the path', () => {
    const t = new RouteTable();
    t.add('GET', '/files/*', fake('rest'));
    t.add('GET', '/users/*/posts', fake('one'));
    expect(t.match('GET', '/files/a.txt')?.mock.mock.id).toBe('rest');
    expect(t.match('GET', '/files/a/b/c.txt')?.mock.mock.id).toBe('rest');
    expect(t.match('GET', '/files')).toBeNull();
    expect(t.match('GET', '/users/7/posts')?.mock.mock.id).toBe('one');
    expect(t.match('GET', '/users/7/8/posts')).toBeNull();
    expect(t.match('GET', '/users//posts')).toBeNull();
  });

  it('prefers a literal, then a parameter, then *, then a trailing * at each position', () => {
    const t = new RouteTable();
    t.add('GET', '/a/*', fake('rest'));
    t.add('GET', '/a/*/c', fake('star'));
    t.add('GET', '/a/{id}/c', fake('param'));
    t.add('GET', '/a/b/c', fake('exact'));
    t.add('GET', '/a/b/{x}', fake('literal-then-param'));
    expect(t.match('GET', '/a/b/c')?.mock.mock.id).toBe('exact');
    expect(t.match('GET', '/a/b/d')?.mock.mock.id).toBe('literal-then-param');
    expect(t.match('GET', '/a/z/c')?.mock.mock.id).toBe('param');
    expect(t.match('GET', '/a/z/q')?.mock.mock.id).toBe('rest');
    // Every candidate, in the order fallback mode walks them.
    expect(t.candidates('GET', '/a/z/c').map((c) => c.mock.mock.id)).toEqual(['param', 'star', 'rest']);
  });

  it('answers any method from an ANY mock, unless the method has its own mock on that path', () => {
    const t = new RouteTable();
    t.add('ANY', '/things', fake('any'));
    t.add('DELETE', '/things', fake('delete'));
    t.add('ANY', '/things/{id}', fake('any-id'));
    t.add('GET', '/things/*', fake('get-rest'));
    expect(t.match('PATCH', '/things')?.mock.mock.id).toBe('any');
    expect(t.match('GET', '/things')?.mock.mock.id).toBe('any');
    expect(t.match('DELETE', '/things')?.mock.mock.id).toBe('delete');
    // The more specific path wins first; the method decides only on the same pattern.
    expect(t.match('GET', '/things/1')?.mock.mock.id).toBe('any-id');
    expect(t.match('GET', '/things/1/2')?.mock.mock.id).toBe('get-rest');
    expect(t.match('POST', '/things/1/2')).toBeNull();
    // CORS preflights are not ANY's to answer.
    expect(t.match('OPTIONS', '/things')).toBeNull();
  });

  it('answers HEAD from a HEAD mock, else from the GET mock, else from ANY; OPTIONS only from OPTIONS mocks', () => {
    const t = new RouteTable();
    t.add('HEAD', '/h', fake('head'));
    t.add('GET', '/h', fake('get-h'));
    t.add('GET', '/g', fake('get-g'));
    t.add('ANY', '/a', fake('any'));
    t.add('OPTIONS', '/o', fake('options'));
    expect(t.match('HEAD', '/h')?.mock.mock.id).toBe('head');
    expect(t.match('HEAD', '/g')?.mock.mock.id).toBe('get-g');
    expect(t.match('HEAD', '/a')?.mock.mock.id).toBe('any');
    expect(t.match('OPTIONS', '/o')?.mock.mock.id).toBe('options');
    expect(t.hasOptionsMocks).toBe(true);
  });

  it('requires the method to match; HEAD is answered by GET mocks', () => {
    const t = new RouteTable();
    t.add('POST', '/users', fake('p'));
    t.add('GET', '/items/{id}', fake('g'));
    expect(t.match('GET', '/users')).toBeNull();
    expect(t.match('POST', '/users')?.mock.mock.id).toBe('p');
    expect(t.match('HEAD', '/items/1')?.mock.mock.id).toBe('g');
  });

  it('backtracks from a literal branch that leads nowhere to a parameter branch', () => {
    const t = new RouteTable();
    t.add('GET', '/users/me/settings', fake('settings'));
    t.add('GET', '/users/{id}/posts', fake('posts'));
    expect(t.match('GET', '/users/me/posts')?.mock.mock.id).toBe('posts');
    expect(t.match('GET', '/users/me/posts')?.params).toEqual({ id: 'me' });
  });

  it('keeps the first of two mocks with the same method and path', () => {
    const t = new RouteTable();
    t.add('GET', '/a/{x}', fake('first'));
    t.add('GET', '/a/:y', fake('second'));
    t.add('GET', '/b', fake('b1'));
    t.add('GET', '/b', fake('b2'));
    expect(t.match('GET', '/a/1')?.mock.mock.id).toBe('first');
    expect(t.match('GET', '/a/1')?.params).toEqual({ x: '1' });
    expect(t.match('GET', '/b')?.mock.mock.id).toBe('b1');
  });

  it('treats *, ( and : inside a segment as literal text', () => {
    const t = new RouteTable();
    t.add('GET', '/v1/a*', fake('star'));
    t.add('GET', '/a(b)', fake('paren'));
    t.add('GET', '/x/a:b', fake('colon'));
    expect(t.match('GET', '/v1/abc')).toBeNull();
    expect(t.match('GET', '/v1/a*')?.mock.mock.id).toBe('star');
    expect(t.match('GET', '/a(b)')?.mock.mock.id).toBe('paren');
    expect(t.match('GET', '/x/a:b')?.mock.mock.id).toBe('colon');
  });

  it('does not let a parameter match an empty segment', () => {
    const t = new RouteTable();
    t.add('GET', '/u/{id}/x', fake('u'));
    expect(t.match('GET', '/u//x')).toBeNull();
  });
});

describe('compileProject routes', () => {
  it('leaves inactive mocks out of matching', () => {
    const off = mock({ path: '/off', isActive: false });
    const on = mock({ path: '/on' });
    const c = compileProject({ project: project(), mocks: [off, on], responses: [response(off.id), response(on.id)] });
    expect(executeRequest(c, request({ path: '/off' }), { random: Math.random }).errorCode).toBe('MOCK_NOT_FOUND');
    expect(executeRequest(c, request({ path: '/on' }), { random: Math.random }).mockId).toBe(on.id);
  });

  it('lets an active mock win over an inactive one with the same path', () => {
    const off = mock({ path: '/same', isActive: false });
    const on = mock({ path: '/same' });
    const c = compileProject({ project: project(), mocks: [off, on], responses: [response(off.id), response(on.id)] });
    expect(executeRequest(c, request({ path: '/same' }), { random: Math.random }).mockId).toBe(on.id);
  });

  it('matches in a 10,000-mock project by lookup, not by scanning', () => {
    const mocks = Array.from({ length: 10_000 }, (_, i) => mock({ path: i % 2 ? `/r${i}/{id}` : `/r${i}` }));
    const c = compileProject({
      project: project(),
      mocks,
      responses: mocks.map((m) => response(m.id, { body: m.path })),
    });
    const r1 = executeRequest(c, request({ path: '/r9998' }), { random: Math.random });
    const r2 = executeRequest(c, request({ path: '/r9999/abc' }), { random: Math.random });
    expect(r1.body).toBe('/r9998');
    expect(r2.body).toBe('/r9999/{id}');
  });
});
