import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, FORMAT_READERS, parseDocument, previewOf, readDocument } from '../../../main/core/transfer';

const petstore = readFileSync(path.join(__dirname, '../../fixtures/openapi/petstore-2.0.yaml'), 'utf8');
const nativeFile = JSON.stringify({
  mockdeck: 'project',
  version: 1,
  project: { name: 'Native', slug: 'native' },
  mocks: [{ name: 'Ping', path: '/ping', method: 'GET', responses: [{ statusCode: 200, body: 'pong' }] }],
});

describe('format registry', () => {
  it('detects in list order: the native marker before an openapi key', () => {
    const ids = FORMAT_READERS.map((r) => r.id);
    expect(ids.indexOf('native')).toBeLessThan(ids.indexOf('openapi'));
    // A native file that happens to carry an "openapi" field is still a native file.
    const both = JSON.stringify({ ...JSON.parse(nativeFile), openapi: '3.0.0' });
    expect(detectFormat(parseDocument(both)).id).toBe('native');
    expect(detectFormat(parseDocument(petstore)).id).toBe('openapi');
    expect(detectFormat(parseDocument('{"swagger":"2.0","paths":{}}')).id).toBe('openapi');
    expect(detectFormat(parseDocument('openapi: 3.1\npaths: {}\n')).id).toBe('openapi'); // unquoted YAML number
  });

  it('replaces the document name (and the slug made from it) with name', async () => {
    const r = await readDocument({ content: petstore, format: 'auto', name: 'My Pets' });
    expect(r.draft.project).toMatchObject({ name: 'My Pets' });
    expect(r.draft.project.slug).toBeUndefined();
    const native = await readDocument({ content: nativeFile, format: 'auto', name: 'Renamed' });
    expect(native.draft.project).toMatchObject({ name: 'Renamed', slug: undefined });
  });

  it('applies basePath keep (default) or drop, and reports the base path either way', async () => {
    const kept = await readDocument({ content: petstore, format: 'openapi' });
    expect(kept.report.basePath).toEqual({ path: '/v2', kept: true });
    expect(kept.draft.mocks.every((m) => m.path.startsWith('/v2/'))).toBe(true);
    const dropped = await readDocument({ content: petstore, format: 'openapi', basePath: 'drop' });
    expect(dropped.report.basePath).toEqual({ path: '/v2', kept: false });
    expect(dropped.draft.mocks.map((m) => m.path)).toEqual(['/pets', '/pets', '/pets/{petId}', '/pets/{petId}']);
  });

  it('previews what an import would create and skip, writing nothing', async () => {
    const p = previewOf(await readDocument({ content: petstore, format: 'auto', fileName: 'petstore.yaml' }));
    expect(p.format).toBe('openapi');
    expect(p.project).toEqual({ name: 'Swagger Petstore', slug: null });
    expect(p.mocks).toEqual([
      { method: 'GET', path: '/v2/pets', name: 'listPets', statuses: [200, 500] },
      { method: 'POST', path: '/v2/pets', name: 'createPet', statuses: [201] },
      { method: 'GET', path: '/v2/pets/{petId}', name: 'showPetById', statuses: [200, 404] },
      { method: 'HEAD', path: '/v2/pets/{petId}', name: 'HEAD /pets/{petId}', statuses: [200] },
    ]);
    expect(p.report.created).toEqual({ mocks: 4, responses: 6, buckets: 0 });
    expect(p.report.skipped).toEqual([]);
  });

  it('names the problem and the fix for documents it cannot read', async () => {
    await expect(
      readDocument({ content: '{"openapi": "3.0.0", ', format: 'auto', fileName: 'api.json' }),
    ).rejects.toThrow(/api\.json is not valid JSON/);
    await expect(readDocument({ content: '{"hello":"world"}', format: 'auto' })).rejects.toThrow(
      /not a document MockDeck can import: not a MockDeck project file.*OpenAPI 2.0\/3.x document/,
    );
    await expect(readDocument({ content: '', format: 'auto' })).rejects.toThrow(/not a document MockDeck can import/);
    await expect(readDocument({ content: petstore, format: 'native' })).rejects.toThrow(
      /must be "project"|project file/,
    );
  });
});
