import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprint, remoteMockContent } from '../../../main/core/sync/content';
import { describeConflict } from '../../../main/core/sync/conflicts';
import { normalizeBaseUrl } from '../../../main/core/cloud/settings';
import { redact } from '../../../main/core/util/redact';

describe('sync content fingerprints', () => {
  it('do not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(fingerprint({ name: 'x', description: '', isPublic: false, templatingSeed: null })).toBe(
      fingerprint({ isPublic: false, description: '', name: 'x', templatingSeed: null }),
    );
    expect(fingerprint({ name: 'x', description: '', isPublic: false, templatingSeed: null })).not.toBe(
      fingerprint({ name: 'x', description: '', isPublic: true, templatingSeed: null }),
    );
  });

  it('read the cloud spelling the same as the local one', () => {
    const c = remoteMockContent({
      mock_id: 'm',
      project_id: 'p',
      name: 'n',
      path: '/users/:id',
      method: 'get',
      description: '',
      response_selection: 'weighted',
      response_type: 'json',
      response_delay_ms: 0,
      response_mode: 'random',
      is_active: true,
      kind: 'http',
      bucket: null,
      crud_key: 'id',
      created_at: '',
      updated_at: '',
    });
    expect(c).toMatchObject({ path: '/users/{id}', method: 'GET' });
  });
});

describe('conflict descriptions', () => {
  it('list only the fields that differ, with base, mine and theirs', () => {
    const c = describeConflict({
      id: 'c1',
      scope: 's',
      kind: 'mock',
      localId: 'l',
      remoteId: 'r',
      rootLocalId: 'p',
      parentLocalId: 'p',
      label: 'GET /x (X)',
      baseJson: JSON.stringify({ name: 'X', path: '/x', responseDelay: 0 }),
      mineJson: JSON.stringify({ name: 'X', path: '/x', responseDelay: 5 }),
      theirsJson: JSON.stringify({ name: 'X2', path: '/x', responseDelay: 0 }),
      theirsChildrenJson: null,
      detectedAt: 't',
    });
    expect(c.fields).toEqual([
      { field: 'name', base: 'X', mine: 'X', theirs: 'X2' },
      { field: 'responseDelay', base: 0, mine: 5, theirs: 0 },
    ]);
    expect(c.projectId).toBe('p');
  });

  it('show a deletion as a null side', () => {
    const c = describeConflict({
      id: 'c2',
      scope: 's',
      kind: 'response',
      localId: 'l',
      remoteId: 'r',
      rootLocalId: 'p',
      parentLocalId: 'm',
      label: 'OK',
      baseJson: null,
      mineJson: null,
      theirsJson: JSON.stringify({ name: 'OK', body: 'b' }),
      theirsChildrenJson: null,
      detectedAt: 't',
    });
    expect(c.mine).toBeNull();
    expect(c.fields.map((f) => f.field)).toEqual(['name', 'body']);
  });
});

describe('cloud settings and redaction', () => {
  it('accepts only plain http(s) base URLs', () => {
    expect(normalizeBaseUrl('https://api.mockforge.dev/')).toBe('https://api.mockforge.dev');
    expect(normalizeBaseUrl('http://127.0.0.1:4000')).toBe('http://127.0.0.1:4000');
    expect(() => normalizeBaseUrl('file:///etc/passwd')).toThrow(/https/);
    expect(() => normalizeBaseUrl('https://user:pw@host')).toThrow(/user name or password/);
    expect(() => normalizeBaseUrl('not a url')).toThrow(/not a URL/);
  });

  it('masks tokens, JWTs and bearer values in text', () => {
    expect(redact('token mfx_abcdef123456 here')).toBe('token mfx_abc…••• here');
    expect(redact('jwt eyJhbGciOiJIUzI1.eyJzdWIiOiIxIn0.c2ln')).toBe('jwt eyJ…•••');
    expect(redact('Authorization: Bearer abc.def')).toBe('Authorization: Bearer •••');
  });

  it('masks password, key and token assignments, as driver errors and URLs quote them', () => {
    expect(redact('connect failed: password=hunter2 host=db')).toBe('connect failed: password=••• host=db');
    expect(redact('{"apiKey": "k-123", "name": "x"}')).toBe('{"apiKey": "•••", "name": "x"}');
    expect(redact('/projects?token=abc&page=2')).toBe('/projects?token=•••&page=2');
    expect(redact('client_secret: s3cr3t; secret=x')).toBe('client_secret: •••; secret=•••');
  });
});
