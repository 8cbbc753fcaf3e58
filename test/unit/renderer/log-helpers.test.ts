import { describe, expect, it } from 'vitest';
import { shellQuote, toCurl } from '../../../renderer/src/features/logs/curl';
import { matchesFilter } from '../../../renderer/src/features/logs/log-filter';
import { statusClassOf, statusTone } from '../../../renderer/src/ui/status-class';
import { reasonPhrase, statusLabel } from '../../../renderer/src/ui/reason-phrases';
import { projectBaseUrl } from '../../../renderer/src/features/projects/project-url';
import { portConflict } from '../../../renderer/src/features/projects/project-form';
import type { ServerState } from '../../../shared/ipc/contract';
import { summary } from './log-rows';

describe('status classes and reason phrases', () => {
  it('classify statuses', () => {
    expect(statusClassOf(204)).toBe('2xx');
    expect(statusClassOf(404)).toBe('4xx');
    expect(statusClassOf(599)).toBe('5xx');
    expect(statusClassOf(99)).toBeNull();
    expect([statusTone(201), statusTone(302), statusTone(429), statusTone(503)]).toEqual([
      'ok',
      'info',
      'warn',
      'error',
    ]);
  });
  it('name the status', () => {
    expect(statusLabel(404)).toBe('404 Not Found');
    expect(statusLabel(418)).toBe("418 I'm a teapot");
    expect(statusLabel(299)).toBe('299');
    expect(reasonPhrase(201)).toBe('Created');
  });
});

describe('live row filter (same semantics as the store query)', () => {
  const f = { projectId: 'p1' };
  it('keeps only the project, method, status class, path text and mock asked for', () => {
    expect(matchesFilter(summary(), f)).toBe(true);
    expect(matchesFilter(summary({ projectId: 'p2' }), f)).toBe(false);
    expect(matchesFilter(summary(), { ...f, method: 'post' })).toBe(false);
    expect(matchesFilter(summary({ requestMethod: 'POST' }), { ...f, method: 'post' })).toBe(true);
    expect(matchesFilter(summary({ responseStatus: 404 }), { ...f, statusClass: '4xx' })).toBe(true);
    expect(matchesFilter(summary({ responseStatus: 500 }), { ...f, statusClass: '4xx' })).toBe(false);
    expect(matchesFilter(summary(), { ...f, pathText: 'USERS/4' })).toBe(true);
    expect(matchesFilter(summary(), { ...f, pathText: 'orders' })).toBe(false);
    expect(matchesFilter(summary({ mockId: null }), { ...f, mockId: 'm1' })).toBe(false);
  });
});

describe('copy as curl', () => {
  const log = {
    requestMethod: 'POST',
    requestPath: '/users',
    requestQuery: { tag: ['a', 'b'], q: "it's" },
    requestHeaders: { host: 'x', 'content-type': 'application/json', 'x-role': "o'brien" },
    requestBody: '{"name":"Ann"}',
  };
  it('rebuilds method, URL with query, headers and body, quoted for a POSIX shell', () => {
    expect(toCurl(log, 'http://127.0.0.1:3001/m/shop/')).toBe(
      "curl -X POST 'http://127.0.0.1:3001/m/shop/users?tag=a&tag=b&q=it%27s' -H 'content-type: application/json' -H 'x-role: o'\\''brien' --data-raw '{\"name\":\"Ann\"}'",
    );
  });
  it('leaves out -X for a plain GET and drops connection headers', () => {
    expect(
      toCurl(
        {
          requestMethod: 'GET',
          requestPath: '/a',
          requestQuery: {},
          requestHeaders: { connection: 'keep-alive', 'content-length': '0' },
          requestBody: '',
        },
        'http://h',
      ),
    ).toBe("curl 'http://h/a'");
  });
  it('pipes a binary (base64-logged) body into curl through base64 -d', () => {
    expect(
      toCurl(
        { ...log, requestQuery: {}, requestHeaders: {}, requestBody: 'AP8=', requestBodyEncoding: 'base64' },
        'http://h',
      ),
    ).toBe("printf %s 'AP8=' | base64 -d | curl -X POST 'http://h/users' --data-binary @-");
  });
  it('quotes single quotes', () => {
    expect(shellQuote("a'b")).toBe("'a'\\''b'");
  });
});

describe('project base URL', () => {
  const server: ServerState = {
    url: 'http://127.0.0.1:3001',
    host: '127.0.0.1',
    port: 3001,
    running: true,
    error: null,
    projectPorts: [],
    chaos: { enabled: true, settings: 0 },
  };
  it('is the shared server under /m/<slug>, or the project’s own port at the root', () => {
    expect(projectBaseUrl({ id: 'p', slug: 'shop', port: null }, server)).toBe('http://127.0.0.1:3001/m/shop');
    // The address the server binds, never "localhost" (which may resolve to ::1, where nothing answers).
    expect(projectBaseUrl({ id: 'p', slug: 'shop', port: 4000 }, server)).toBe('http://127.0.0.1:4000');
    expect(projectBaseUrl({ id: 'p', slug: 'shop', port: 4000 }, { ...server, host: '0.0.0.0' })).toBe(
      'http://127.0.0.1:4000',
    );
    expect(projectBaseUrl({ id: 'p', slug: 'shop', port: 4000 }, { ...server, host: '::1' })).toBe('http://[::1]:4000');
    expect(projectBaseUrl({ id: 'p', slug: 'shop', port: null }, { ...server, url: null, port: 3005 })).toBe(
      'http://127.0.0.1:3005/m/shop',
    );
  });
});

describe('dedicated port checks before saving', () => {
  const server = {
    port: 3001,
    projectPorts: [{ projectId: 'other', port: 4000, url: null, host: '127.0.0.1', running: true, error: null }],
  };
  it('refuses the server’s own port and another project’s, names the fix', () => {
    expect(portConflict('3001', server, null)).toMatch(/mock server's own port.*e\.g\. 3002/);
    expect(portConflict('4000', server, 'mine')).toMatch(/another project's dedicated port/);
    expect(portConflict('4000', server, 'other')).toBeUndefined(); // its own port, unchanged
    expect(portConflict('4001', server, null)).toBeUndefined();
    expect(portConflict('', server, null)).toBeUndefined();
  });
});
