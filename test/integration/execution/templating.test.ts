import { afterEach, describe, expect, it } from 'vitest';
import type { RequestLog } from '../../../shared/models';
import { startHarness, type Harness } from './harness';

/**
 * Templating through real HTTP, on the server's default pipeline (SERVER_PIPELINE): request
 * helpers, faker with a project seed across a restart, repeat, TEMPLATE_ERROR, the caps,
 * disableTemplating over the management API.
 */
let hs: Harness[] = [];
afterEach(async () => {
  await Promise.all(hs.map((h) => h.close()));
  hs = [];
});

async function harness(): Promise<Harness> {
  const h = await startHarness();
  hs.push(h);
  return h;
}

const json = async (res: Response) => JSON.parse(await res.text()) as Record<string, unknown>;

describe('templated responses over HTTP', () => {
  it('echo the path parameter, body fields, query and headers of the request', async () => {
    const h = await harness();
    h.addMock({ name: 'user', method: 'POST', path: '/users/{id}' }, [
      {
        body: '{"id": "{{urlParam \'id\'}}", "name": "{{body \'user.name\'}}", "q": "{{queryParam \'q\'}}", "via": "{{header \'X-Via\'}}", "first": {{body \'$.tags[0]\'}}, "method": "{{method}}"}',
        headers: { Location: "{{baseUrl}}/users/{{urlParam 'id'}}" },
      },
    ]);
    const res = await fetch(h.url('/users/42?q=find'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-via': 'test' },
      body: JSON.stringify({ user: { name: 'Ann' }, tags: ['"quoted"'] }),
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ id: '42', name: 'Ann', q: 'find', via: 'test', first: 'quoted', method: 'POST' });
    expect(res.headers.get('location')).toBe(`${h.base}/m/shop/users/42`);
  });

  it('repeat makes a JSON array of generated items', async () => {
    const h = await harness();
    h.addMock({ name: 'list', method: 'GET', path: '/items' }, [
      { body: '[{{#repeat 5}}{"n": {{@index}}, "id": "{{uuid}}"}{{/repeat}}]' },
    ]);
    const items = JSON.parse(await (await fetch(h.url('/items'))).text()) as { n: number; id: string }[];
    expect(items.map((i) => i.n)).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(items.map((i) => i.id)).size).toBe(5);
  });

  it('faker with a project seed gives the same data for the same requests after a restart', async () => {
    const sequence = async () => {
      const h = await harness();
      h.core.catalog.projects.update(h.project.id, { templatingSeed: 1234 });
      h.addMock({ name: 'person', method: 'GET', path: '/person' }, [
        { body: "{{faker 'person.fullName'}}|{{faker 'string.alphanumeric' 8}}|{{int 1 1000000}}" },
      ]);
      const out: string[] = [];
      for (let i = 0; i < 3; i++) out.push(await (await fetch(h.url('/person'))).text());
      return out;
    };
    const first = await sequence();
    expect(new Set(first).size).toBe(3);
    expect(await sequence()).toEqual(first);
  });

  it('a broken template answers 500 TEMPLATE_ERROR with the line, is logged as such, and the server goes on', async () => {
    const h = await harness();
    const broken = h.addMock({ name: 'broken', method: 'GET', path: '/broken' }, [
      { name: 'bad', body: '{\n  "a": {{urlParam (}}\n}' },
    ]);
    h.addMock({ name: 'fine', method: 'GET', path: '/fine' }, [{ body: "ok {{urlParam 'x'}}" }]);
    const res = await fetch(h.url('/broken'));
    expect(res.status).toBe(500);
    const e = await json(res);
    expect(e.error).toBe('TEMPLATE_ERROR');
    expect(e.message).toMatch(/response "bad" of mock "broken".*line 2/);
    expect((await fetch(h.url('/fine'))).status).toBe(200);
    h.core.server.flushLogs();
    const logs: RequestLog[] = h.core.store.logs.page({ projectId: h.project.id }, 1, 10).data;
    const row = logs.find((l) => l.mockId === broken.mockId)!;
    expect(row.errorCode).toBe('TEMPLATE_ERROR');
    expect(row.responseId).toBe(broken.responseIds[0]);
  });

  it('a runaway repeat is cut off by the time limit, answered TEMPLATE_ERROR, and the server goes on', async () => {
    const h = await harness();
    h.addMock({ name: 'runaway', method: 'GET', path: '/runaway' }, [
      { body: '{{#repeat 1000000000 comma=false}}{{#repeat 1000000000 comma=false}}{{/repeat}}{{/repeat}}' },
    ]);
    h.addMock({ name: 'huge', method: 'GET', path: '/huge' }, [{ body: "{{padStart 'x' 2000000000 'y'}}" }]);
    h.addMock({ name: 'fine', method: 'GET', path: '/fine' }, [{ body: 'ok' }]);
    const res = await fetch(h.url('/runaway'));
    expect(res.status).toBe(500);
    expect((await json(res)).message).toMatch(/longer than 500 ms/);
    const huge = await fetch(h.url('/huge'));
    expect(huge.status).toBe(500);
    expect((await json(huge)).message).toMatch(/over the limit/);
    expect(await (await fetch(h.url('/fine'))).text()).toBe('ok');
  });

  it('disableTemplating (set over the management API) sends the body as stored', async () => {
    const h = await harness();
    const { mockId, responseIds } = h.addMock({ name: 'raw', method: 'GET', path: '/raw' }, [
      { body: "{{urlParam 'id'}}" },
    ]);
    expect(await (await fetch(h.url('/raw'))).text()).toBe('');
    const put = await fetch(`${h.base}/mocks/${mockId}/responses/${responseIds[0]}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${h.core.server.apiToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ disableTemplating: true }),
    });
    expect(put.status).toBe(200);
    expect(((await json(put)).data as Record<string, unknown>).disable_templating).toBe(1);
    expect(await (await fetch(h.url('/raw'))).text()).toBe("{{urlParam 'id'}}");
  });

  it('global variables last between requests of a project', async () => {
    const h = await harness();
    h.addMock({ name: 'set', method: 'POST', path: '/set/{v}' }, [{ body: "{{setGlobalVar 'v' (urlParam 'v')}}set" }]);
    h.addMock({ name: 'get', method: 'GET', path: '/get' }, [{ body: "{{getGlobalVar 'v' '' 'none'}}" }]);
    expect(await (await fetch(h.url('/get'))).text()).toBe('none');
    await fetch(h.url('/set/blue'), { method: 'POST', body: '' });
    expect(await (await fetch(h.url('/get'))).text()).toBe('blue');
  });
});
