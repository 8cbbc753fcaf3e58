import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../../main/core/catalog/catalog';
import { openStore, type Store } from '../../../main/core/store/store';
import type { Clock } from '../../../main/core/util/clock';
import { AppError } from '../../../main/core/util/errors';
import { MAX_BUCKET_BYTES, MAX_BUCKETS_PER_PROJECT, type DomainEvent } from '../../../shared/models';

const clock: Clock = { now: () => new Date('2026-05-01T00:00:00.000Z') };
let store: Store;
let catalog: Catalog;
let projectId: string;
let events: DomainEvent[];

beforeEach(() => {
  store = openStore(null);
  catalog = new Catalog(store, clock);
  projectId = catalog.projects.create({ name: 'Shop' }).id;
  events = [];
  catalog.events.onEvent((e) => events.push(e));
});
afterEach(() => store.close());

function error(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('creating a bucket', () => {
  it('stores it with its defaults and tells listeners after commit', () => {
    const b = catalog.buckets.create(projectId, { name: 'users' });
    expect(b).toMatchObject({ name: 'users', description: '', content: '[]', templated: false });
    expect(catalog.buckets.list(projectId).map((x) => x.id)).toEqual([b.id]);
    expect(events).toEqual([{ type: 'bucket.created', payload: { projectId, bucketId: b.id } }]);
    expect(store.outbox.undelivered().map((r) => r.type)).toContain('bucket.created');
  });

  it('refuses content that is not JSON unless templated, naming the field', () => {
    const e = error(() => catalog.buckets.create(projectId, { name: 'users', content: '[{"id": 1,]' }));
    expect(e.code).toBe('VALIDATION_ERROR');
    expect(e.field).toBe('content');
    expect(e.message).toMatch(/not valid JSON/);
    expect(
      catalog.buckets.create(projectId, { name: 't', content: '[{{#repeat 3}}{}{{/repeat}}]', templated: true }),
    ).toBeTruthy();
  });

  it(`refuses content over ${MAX_BUCKET_BYTES} bytes or nested deeper than 64 levels`, () => {
    const big = JSON.stringify(['x'.repeat(MAX_BUCKET_BYTES)]);
    expect(error(() => catalog.buckets.create(projectId, { name: 'big', content: big })).message).toMatch(
      /larger than/,
    );
    const deep = '['.repeat(65) + ']'.repeat(65);
    expect(error(() => catalog.buckets.create(projectId, { name: 'deep', content: deep })).message).toMatch(
      /64 levels/,
    );
    expect(events).toEqual([]);
  });

  it('refuses a name the project already uses, and a name templates could not quote', () => {
    catalog.buckets.create(projectId, { name: 'users' });
    const e = error(() => catalog.buckets.create(projectId, { name: 'users' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.field).toBe('name');
    expect(error(() => catalog.buckets.create(projectId, { name: "my 'users'" })).field).toBe('name');
    // Another project may use the name.
    const other = catalog.projects.create({ name: 'Other' }).id;
    expect(catalog.buckets.create(other, { name: 'users' }).projectId).toBe(other);
  });

  it(`allows at most ${MAX_BUCKETS_PER_PROJECT} buckets per project`, () => {
    for (let i = 0; i < MAX_BUCKETS_PER_PROJECT; i++) catalog.buckets.create(projectId, { name: `b${i}` });
    expect(error(() => catalog.buckets.create(projectId, { name: 'one-more' })).message).toMatch(/at most 100/);
  });
});

describe('values, edits and reset', () => {
  it('a bucket holds its content until a value is stored; reset puts the content back', () => {
    const b = catalog.buckets.create(projectId, { name: 'users', content: '[1]' });
    expect(catalog.buckets.get(b.id)).toMatchObject({ value: '[1]', valueUpdatedAt: null });
    store.buckets.setValue(b.id, '[1,2]', '2026-05-01T00:00:01.000Z');
    expect(catalog.buckets.get(b.id)).toMatchObject({ value: '[1,2]', valueUpdatedAt: '2026-05-01T00:00:01.000Z' });
    events = [];
    expect(catalog.buckets.reset(b.id).value).toBe('[1]');
    expect(events.map((e) => e.type)).toEqual(['bucket.reset']);
  });

  it('a new content resets the value; a new description keeps it', () => {
    const b = catalog.buckets.create(projectId, { name: 'users', content: '[1]' });
    store.buckets.setValue(b.id, '[1,2]', '2026-05-01T00:00:01.000Z');
    catalog.buckets.update(b.id, { description: 'people' });
    expect(catalog.buckets.get(b.id).value).toBe('[1,2]');
    events = [];
    catalog.buckets.update(b.id, { content: '[3]' });
    expect(catalog.buckets.get(b.id).value).toBe('[3]');
    expect(events.map((e) => e.type)).toEqual(['bucket.updated', 'bucket.reset']);
  });

  it('an edit to invalid content is refused and changes nothing', () => {
    const b = catalog.buckets.create(projectId, { name: 'users', content: '[1]' });
    events = [];
    expect(error(() => catalog.buckets.update(b.id, { content: '{' })).field).toBe('content');
    expect(catalog.buckets.get(b.id).content).toBe('[1]');
    expect(events).toEqual([]);
    // Marking it templated makes a non-JSON content acceptable.
    expect(catalog.buckets.update(b.id, { content: '{{x}}', templated: true }).templated).toBe(true);
  });

  it('the value holders write pending values before a read or an edit', () => {
    const b = catalog.buckets.create(projectId, { name: 'users', content: '[1]' });
    let pending: string | null = '[9]';
    catalog.buckets.addValueHolder({
      flush: (id) => {
        if (id === b.id && pending) store.buckets.setValue(b.id, pending, '2026-05-01T00:00:02.000Z');
        pending = null;
      },
    });
    expect(catalog.buckets.get(b.id).value).toBe('[9]');
  });

  it('deleting the bucket or its project deletes the value too', () => {
    const b = catalog.buckets.create(projectId, { name: 'users' });
    store.buckets.setValue(b.id, '[1]', '2026-05-01T00:00:01.000Z');
    catalog.buckets.delete(b.id);
    expect(store.buckets.value(b.id)).toBeUndefined();
    expect(events.at(-1)).toEqual({ type: 'bucket.deleted', payload: { projectId, bucketId: b.id } });
    const c = catalog.buckets.create(projectId, { name: 'again' });
    catalog.projects.delete(projectId);
    expect(store.buckets.get(c.id)).toBeUndefined();
  });

  it('a duplicated project gets the buckets with their content, not their values', () => {
    const b = catalog.buckets.create(projectId, { name: 'users', content: '[1]' });
    store.buckets.setValue(b.id, '[1,2]', '2026-05-01T00:00:01.000Z');
    const copy = catalog.projects.duplicate(projectId);
    const [cb] = catalog.buckets.list(copy.id);
    expect(cb).toMatchObject({ name: 'users', content: '[1]' });
    expect(catalog.buckets.get(cb!.id).value).toBe('[1]');
  });
});

describe('drafts', () => {
  it('a tree carries its buckets; a name used twice is refused with its path', () => {
    const r = catalog.trees.create(
      { project: { name: 'T' }, buckets: [{ name: 'a' }, { name: 'b', content: '{}' }] },
      { source: 'project-file' },
    );
    expect(catalog.buckets.list(r.project.id).map((b) => b.name)).toEqual(['a', 'b']);
    const e = error(() =>
      catalog.trees.create(
        { project: { name: 'U' }, buckets: [{ name: 'a' }, { name: 'a' }] },
        { source: 'project-file' },
      ),
    );
    expect(e.field).toBe('buckets.1.name');
    expect(catalog.projects.list().map((p) => p.name)).not.toContain('U');
  });
});
