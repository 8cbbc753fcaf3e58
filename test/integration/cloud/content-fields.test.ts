import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockContent, projectContent, responseContent } from '../../../shared/models';
import type { CloudServerHandle } from '../../cloud-server/index';
import { mock, project, response } from '../../unit/catalog/content-samples';
import { newUser, openLocal, startServer, type Local } from './harness';

/**
 * Every content field, set to a non-default value on one machine, reaches another machine
 * through real sync: the cloud client's request bodies, the contract server, MockBird's wire
 * format and the sync content mappers. (content-round-trip.test.ts checks each mapper alone.)
 */
describe('sync carries every content field', () => {
  let server: CloudServerHandle;
  let a: Local;
  let b: Local;

  beforeAll(async () => {
    server = await startServer();
    a = openLocal(server.url);
    b = openLocal(server.url);
    const user = newUser();
    await a.cloud.session.register(user);
    await b.cloud.session.login(user);
  });
  afterAll(async () => {
    a.close();
    b.close();
    await server.close();
  });

  it('from a tree created on one machine to a fresh one, field by field', async () => {
    a.catalog.trees.create(
      { project: { ...project, slug: 'every-field' }, mocks: [{ ...mock, responses: [response] }] },
      { source: 'project-file' },
    );
    expect((await a.cloud.sync.run()).pushed).toEqual({ project: 1, mock: 1, response: 1 });
    expect((await b.cloud.sync.run()).pulled).toEqual({ project: 1, mock: 1, response: 1 });

    const p = b.store.projects.getBySlug('every-field')!;
    const m = b.store.mocks.listByProject(p.id)[0]!;
    const r = b.store.responses.listByMock(m.id)[0]!;
    for (const [got, want] of [
      [projectContent(p), project],
      [mockContent(m), mock],
      [responseContent(r), response],
    ] as const) {
      for (const k of Object.keys(want)) expect((got as Record<string, unknown>)[k], k).toEqual(want[k as never]);
    }
    // Both machines agree there is nothing left to sync.
    expect((await a.cloud.sync.run()).pulled).toEqual({ project: 0, mock: 0, response: 0 });
  });
});
