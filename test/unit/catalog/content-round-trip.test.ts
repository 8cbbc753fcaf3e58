import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../../main/core/catalog/catalog';
import { openStore, type Store } from '../../../main/core/store/store';
import { fingerprint } from '../../../main/core/sync/content';
import { exportProject, importProject, serializeProjectFile } from '../../../main/core/transfer';
import type { Clock } from '../../../main/core/util/clock';
import { bucket, mock, placement, project, response } from './content-samples';
import {
  chaosSchema,
  bucketContent,
  bucketCreateSchema,
  draftOf,
  mockContent,
  mockContentSchema,
  projectContent,
  projectContentSchema,
  responseContent,
  responseContentSchema,
} from '../../../shared/models';
import {
  toWireMock,
  toWireProject,
  toWireResponse,
  wireMockContent,
  wireMockSchema,
  wireProjectContent,
  wireProjectSchema,
  wireResponseContent,
  wireResponseSchema,
} from '../../../shared/wire/mockbird';

/**
 * Every content field of a project, a mock and a response, each set to something other than
 * its default, must survive every mapping: the store, the project file, sync content and
 * MockBird's wire format. A field added to a model (shared/models) but forgotten in one
 * mapper fails here, naming the field and the mapping.
 */

const models = [
  { label: 'project', schema: projectContentSchema, sample: project, minimal: { name: 'x' } },
  { label: 'mock', schema: mockContentSchema, sample: mock, minimal: { name: 'x', path: '/', method: 'GET' } },
  { label: 'response', schema: responseContentSchema, sample: response, minimal: {} },
  { label: 'bucket', schema: bucketCreateSchema, sample: bucket, minimal: { name: 'x' } },
] as const;

/** Compares field by field over the model's keys, so a failure names the field that was lost. */
function expectEveryField(where: string, keys: readonly string[], expected: object, actual: object): void {
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  for (const k of keys) expect(a[k], `${where} lost or changed "${k}"`).toEqual(e[k]);
}

const keysOf = (schema: { shape: object }) => Object.keys(schema.shape);
const projectKeys = keysOf(projectContentSchema);
const mockKeys = keysOf(mockContentSchema);
const responseKeys = keysOf(responseContentSchema);
const bucketKeys = keysOf(bucketCreateSchema);

const clock: Clock = { now: () => new Date('2026-04-01T00:00:00.000Z') };
let store: Store;
let catalog: Catalog;
let projectId: string;

beforeEach(() => {
  store = openStore(null);
  catalog = new Catalog(store, clock);
  projectId = catalog.trees.create(
    { project: { ...project, ...placement }, mocks: [{ ...mock, responses: [response] }], buckets: [bucket] },
    { source: 'project-file', slug: 'exact', port: 'refuse' },
  ).project.id;
});
afterEach(() => store.close());

const stored = () => {
  const p = store.projects.get(projectId)!;
  const m = store.mocks.listByProject(projectId)[0]!;
  const r = store.responses.listByMock(m.id)[0]!;
  const b = store.buckets.listByProject(projectId)[0]!;
  return { p, m, r, b };
};

describe('the samples cover every content field', () => {
  it.each(models)('$label: one sample value per schema key, none equal to its default', (m) => {
    expect(Object.keys(m.sample).sort()).toEqual(keysOf(m.schema).sort());
    const defaults = m.schema.parse(m.minimal) as Record<string, unknown>;
    for (const k of keysOf(m.schema)) {
      expect(m.sample[k as keyof typeof m.sample], `sample "${k}" equals its default`).not.toEqual(defaults[k]);
    }
    // And each sample is valid content as it is.
    expect(m.schema.parse(m.sample)).toEqual(m.sample);
  });
});

describe('every content field survives', () => {
  it('the store (tree service in, rows out) and the content pickers', () => {
    const { p, m, r, b } = stored();
    expectEveryField('bucket row', bucketKeys, bucket, bucketContent(b));
    expectEveryField('project row', projectKeys, project, projectContent(p));
    expectEveryField('mock row', mockKeys, mock, mockContent(m));
    expectEveryField('response row', responseKeys, response, responseContent(r));
    expect(p).toMatchObject(placement);
    // The pickers give content only: nothing stored beside it (ids, timestamps) leaks.
    expect(Object.keys(mockContent(m)).sort()).toEqual([...mockKeys].sort());
    expect(Object.keys(responseContent(r)).sort()).toEqual([...responseKeys].sort());
  });

  it('the project file: export, serialise, import elsewhere, export again', async () => {
    const file = JSON.parse(serializeProjectFile(exportProject(store, placement.slug, clock))) as ReturnType<
      typeof exportProject
    >;
    expectEveryField('file project', projectKeys, project, file.project);
    expect(file.project).toMatchObject(placement);
    expectEveryField('file mock', mockKeys, mock, file.mocks[0]!);
    expectEveryField('file response', responseKeys, response, file.mocks[0]!.responses[0]!);
    expectEveryField('file bucket', bucketKeys, bucket, file.buckets[0]!);

    const other = openStore(null);
    try {
      const imported = await importProject(new Catalog(other, clock), file);
      expect(imported.slug).toBe(placement.slug);
      const p = other.projects.get(imported.project.id)!;
      const m = other.mocks.listByProject(p.id)[0]!;
      const r = other.responses.listByMock(m.id)[0]!;
      expectEveryField('imported project', projectKeys, project, p);
      expectEveryField('imported mock', mockKeys, mock, m);
      expectEveryField('imported response', responseKeys, response, r);
      const b = other.buckets.listByProject(p.id)[0]!;
      expectEveryField('imported bucket', bucketKeys, bucket, b);
      const here = stored();
      expect(draftOf(p, [m], () => [r], [b])).toEqual(draftOf(here.p, [here.m], () => [here.r], [here.b]));
    } finally {
      other.close();
    }
  });

  it("MockBird's wire format, both ways, and the sync fingerprints over it", () => {
    const { p, m, r } = stored();
    const viaWire = <T>(value: unknown, parse: (v: unknown) => T): T => parse(JSON.parse(JSON.stringify(value)));
    const wp = wireProjectContent(viaWire(toWireProject(p), (v) => wireProjectSchema.parse(v)));
    const wm = wireMockContent(viaWire(toWireMock(m), (v) => wireMockSchema.parse(v)));
    const wr = wireResponseContent(viaWire(toWireResponse(r), (v) => wireResponseSchema.parse(v)));
    expectEveryField('wire project', projectKeys, project, wp);
    expectEveryField('wire mock', mockKeys, mock, wm);
    expectEveryField('wire response', responseKeys, response, wr);
    // Sync sees no difference between the local entity and its cloud twin.
    expect(fingerprint(wp)).toBe(fingerprint(projectContent(p)));
    expect(fingerprint(wm)).toBe(fingerprint(mockContent(m)));
    expect(fingerprint(wr)).toBe(fingerprint(responseContent(r)));
  });

  it('the cloud request bodies sync sends (content as it is), read by the create schemas a MockBird server uses', () => {
    const { p, m, r } = stored();
    const sent = <T>(body: T): unknown => JSON.parse(JSON.stringify(body));
    expectEveryField('project body', projectKeys, project, projectContentSchema.parse(sent(projectContent(p))));
    expectEveryField('mock body', mockKeys, mock, mockContentSchema.parse(sent(mockContent(m))));
    expectEveryField('response body', responseKeys, response, responseContentSchema.parse(sent(responseContent(r))));
  });
});

/**
 * Chaos is MockDeck's own setting, not content (shared/models/content.ts): it travels in the
 * store, the project file and the management wire, and stays out of sync's fingerprints,
 * since MockBird's API would drop it and the two sides would never agree.
 */
describe('chaos settings travel where MockDeck reads them back, and not into sync', () => {
  const projectChaos = chaosSchema.parse({ latency: { kind: 'normal', mean: 80, stddev: 20 }, errorRate: 0.1 });
  const mockChaos = chaosSchema.parse({
    latency: { kind: 'lognormal', median: 50, p99: 400 },
    errorStatus: 429,
    errorBody: 'slow down',
    errorRate: 0.2,
    fault: 'malformed_chunk',
    faultRate: 0.05,
  });
  beforeEach(() => {
    catalog.projects.update(projectId, { chaos: projectChaos });
    catalog.mocks.update(stored().m.id, { chaos: mockChaos });
  });

  it('the store', () => {
    expect(stored().p.chaos).toEqual(projectChaos);
    expect(stored().m.chaos).toEqual(mockChaos);
  });

  it('the project file: export, import elsewhere', async () => {
    const file = JSON.parse(serializeProjectFile(exportProject(store, placement.slug, clock))) as ReturnType<
      typeof exportProject
    >;
    expect(file.project.chaos).toEqual(projectChaos);
    expect(file.mocks[0]!.chaos).toEqual(mockChaos);
    const other = openStore(null);
    try {
      const imported = await importProject(new Catalog(other, clock), file);
      expect(other.projects.get(imported.project.id)!.chaos).toEqual(projectChaos);
      expect(other.mocks.listByProject(imported.project.id)[0]!.chaos).toEqual(mockChaos);
    } finally {
      other.close();
    }
  });

  it('a project file without chaos (older) imports with chaos off', async () => {
    const file = JSON.parse(serializeProjectFile(exportProject(store, placement.slug, clock))) as Record<
      string,
      unknown
    > & { project: Record<string, unknown>; mocks: Record<string, unknown>[] };
    delete file.project.chaos;
    delete file.mocks[0]!.chaos;
    const other = openStore(null);
    try {
      const imported = await importProject(new Catalog(other, clock), file);
      expect(other.projects.get(imported.project.id)!.chaos).toBeNull();
      expect(other.mocks.listByProject(imported.project.id)[0]!.chaos).toBeNull();
    } finally {
      other.close();
    }
  });

  it("the management wire carries it; sync's content and fingerprints do not see it", () => {
    const { p, m } = stored();
    expect(JSON.parse(JSON.stringify(toWireProject(p))).chaos).toEqual(projectChaos);
    expect(JSON.parse(JSON.stringify(toWireMock(m))).chaos).toEqual(mockChaos);
    expect(projectContent(p)).not.toHaveProperty('chaos');
    expect(mockContent(m)).not.toHaveProperty('chaos');
    // The same mock without chaos has the same fingerprint: a chaos edit is not a change to sync.
    const plain = { ...m, chaos: null };
    expect(fingerprint(mockContent(m))).toBe(fingerprint(mockContent(plain)));
  });
});
