import { describe, expect, it } from 'vitest';
import { Catalog } from '../../../main/core/catalog/catalog';
import { compileProject, DEFAULT_PIPELINE } from '../../../main/core/engine';
import { ProxyService } from '../../../main/core/proxy';
import { cameFromSelf, requestHeadersFor, responseHeadersFor } from '../../../main/core/proxy/forward-headers';
import { generalizePath } from '../../../main/core/proxy/generalize';
import { openStore } from '../../../main/core/store/store';
import { consoleLogger } from '../../../main/core/util/logger';
import { mock, project, response } from '../engine/fixtures';

const store = openStore(null);
const proxy = new ProxyService(new Catalog(store, { now: () => new Date() }), store, consoleLogger);
const pipeline = proxy.withProxy(DEFAULT_PIPELINE);

describe('the proxy stage', () => {
  it('sits right before fallback, once', () => {
    expect(pipeline.stages.map((s) => s.name)).toEqual(['crud', 'select', 'render', 'faults', 'proxy', 'fallback']);
    expect(proxy.withProxy(pipeline)).toBe(pipeline);
  });

  it('adds a step only for unmatched requests of a project whose proxy is on: mocks pay nothing', () => {
    const m = mock({ path: '/users' });
    const input = (p: ReturnType<typeof project>) => ({
      project: p,
      mocks: [m],
      responses: [response(m.id)],
    });
    const off = compileProject(input(project()), undefined, pipeline);
    const on = compileProject(
      input(project({ upstreamUrl: 'http://127.0.0.1:9', proxyMode: 'passthrough' })),
      undefined,
      pipeline,
    );
    const plain = compileProject(input(project()), undefined, DEFAULT_PIPELINE);
    expect(off.unmatched).toHaveLength(plain.unmatched.length);
    expect(on.unmatched).toHaveLength(plain.unmatched.length + 1);
    const stepsOf = (c: typeof on) => c.routes.match('GET', '/users')!.mock.steps.length;
    expect(stepsOf(on)).toBe(stepsOf(plain));
  });
});

describe('generalizePath', () => {
  it.each([
    ['/users/42', '/users/{id}'],
    ['/users/42/orders/7', '/users/{id}/orders/{id2}'],
    ['/items/6F1C1F5E-3B3A-4A59-9D5E-6F1C1F5E3B3A', '/items/{id}'],
    ['/v2/users/me', '/v2/users/me'],
    ['/a1/b-2', '/a1/b-2'],
  ])('%s → %s', (path, expected) => expect(generalizePath(path)).toBe(expected));
});

describe('forwarded headers', () => {
  const ctx = { upstreamHost: 'api.example.com', clientIp: '10.1.1.1', via: '1.1 mockdeck-abc', identityBody: false };

  it('drop hop-by-hop headers and those Connection names, and set Host, X-Forwarded-* and Via', () => {
    const out = requestHeadersFor(
      {
        host: 'localhost:3001',
        connection: 'keep-alive, X-Secret-Hop',
        'x-secret-hop': '1',
        'keep-alive': 'timeout=5',
        te: 'trailers',
        'transfer-encoding': 'chunked',
        'content-length': '3',
        expect: '100-continue',
        'x-kept': 'yes',
        via: '1.0 other',
      },
      ctx,
    );
    expect(out).toEqual({
      'x-kept': 'yes',
      host: 'api.example.com',
      'x-forwarded-for': '10.1.1.1',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': 'localhost:3001',
      via: '1.0 other, 1.1 mockdeck-abc',
    });
    expect(cameFromSelf({ via: out.via }, ctx.via)).toBe(true);
    expect(cameFromSelf({ via: '1.1 mockdeck-other' }, ctx.via)).toBe(false);
  });

  it('ask for an identity body when recording', () => {
    expect(requestHeadersFor({ 'accept-encoding': 'gzip' }, { ...ctx, identityBody: true })['accept-encoding']).toBe(
      'identity',
    );
  });

  it('keep the response headers but hop-by-hop ones, Set-Cookie lines apart', () => {
    const out = responseHeadersFor({
      'content-type': 'text/plain',
      'content-length': '5',
      connection: 'close',
      'transfer-encoding': 'chunked',
      'set-cookie': ['a=1', 'b=2'],
    });
    expect(out).toEqual({ 'content-type': 'text/plain', 'content-length': '5', 'set-cookie': ['a=1', 'b=2'] });
  });
});
