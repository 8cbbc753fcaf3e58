import { describe, expect, it } from 'vitest';
import type { ConditionOperator } from '../../../shared/models';
import { jsonPath, parseBody } from '../../../main/core/engine/body';
import { compileCondition } from '../../../main/core/engine/conditions';
import type { EngineRequest, RequestView } from '../../../main/core/engine/types';
import { cond, request } from './fixtures';

/** `rawBody` may be given as text: it is sent as its UTF-8 bytes. */
const view = (
  { rawBody, ...req }: Omit<Partial<EngineRequest>, 'rawBody'> & { rawBody?: string | Buffer },
  params: Record<string, string> = {},
): RequestView => ({
  req: request({ ...req, ...(rawBody === undefined ? {} : { rawBody: Buffer.from(rawBody) }) }),
  params,
});
const holds = (c: ReturnType<typeof cond>, v: RequestView): boolean => {
  const cc = compileCondition(c);
  return cc.test(cc.read(v));
};

describe('operators', () => {
  // [operator, value, actual that matches, actual that does not, result when the field is missing]
  const table: [ConditionOperator, string, string, string, boolean][] = [
    ['equals', 'admin', 'admin', 'Admin', false],
    ['not_equals', 'admin', 'guest', 'admin', true],
    ['contains', 'dm', 'admin', 'user', false],
    ['not_contains', 'dm', 'user', 'admin', true],
    ['starts_with', 'ad', 'admin', 'bad', false],
    ['ends_with', 'in', 'admin', 'inner', false],
    ['regex', '^a.m', 'admin', 'madam', false],
    ['exists', '', '', 'unused', false],
    ['not_exists', '', 'unused', '', true],
    ['gt', '10', '10.5', '10', false],
    ['lt', '10', '-3', '10', false],
  ];
  for (const [op, value, yes, no, missing] of table) {
    it(`${op}: match, mismatch, missing field → ${missing}`, () => {
      const c = cond('query', 'q', op, value);
      if (op === 'not_exists') {
        expect(holds(c, view({ query: {} }))).toBe(true);
        expect(holds(c, view({ query: { q: '' } }))).toBe(false);
        return;
      }
      if (op === 'exists') {
        expect(holds(c, view({ query: { q: '' } }))).toBe(true);
        expect(holds(c, view({ query: {} }))).toBe(false);
        return;
      }
      expect(holds(c, view({ query: { q: yes } }))).toBe(true);
      expect(holds(c, view({ query: { q: no } }))).toBe(false);
      expect(holds(c, view({ query: {} }))).toBe(missing);
    });
  }

  it('gt/lt never match a value that is not a number, nor an empty one', () => {
    expect(holds(cond('query', 'n', 'gt', '1'), view({ query: { n: 'abc' } }))).toBe(false);
    expect(holds(cond('query', 'n', 'lt', '1'), view({ query: { n: '' } }))).toBe(false);
  });

  it('with several values: positive operators need one, negative ones need none', () => {
    const v = view({ query: { tag: ['a', 'b'] } });
    expect(holds(cond('query', 'tag', 'equals', 'b'), v)).toBe(true);
    expect(holds(cond('query', 'tag', 'not_equals', 'b'), v)).toBe(false);
    expect(holds(cond('query', 'tag', 'not_equals', 'c'), v)).toBe(true);
  });

  it('a regex saved before validation that the safe engine refuses never matches instead of throwing', () => {
    expect(holds(cond('query', 'q', 'regex', '(?=a)a'), view({ query: { q: 'a' } }))).toBe(false);
  });
});

describe('where conditions read', () => {
  it('header names are case-insensitive, values are not', () => {
    const v = view({ headers: { 'x-role': 'admin' } });
    expect(holds(cond('header', 'X-Role', 'equals', 'admin'), v)).toBe(true);
    expect(holds(cond('header', 'x-role', 'equals', 'ADMIN'), v)).toBe(false);
    // Callers that do not lowercase header names are handled too.
    expect(holds(cond('header', 'x-role', 'equals', 'admin'), view({ headers: { 'X-ROLE': 'admin' } }))).toBe(true);
  });

  it('path conditions read URL parameters', () => {
    expect(holds(cond('path', 'id', 'equals', '42'), view({}, { id: '42' }))).toBe(true);
    expect(holds(cond('path', 'id', 'equals', '42'), view({}, { id: '7' }))).toBe(false);
  });

  it('body conditions follow dotted paths into JSON, including array indexes', () => {
    const v = view({
      rawBody: JSON.stringify({
        user: { role: 'admin', age: 30 },
        items: [{ id: 'a1' }, { id: 'b2' }],
        ok: true,
        none: null,
      }),
      contentType: 'application/json',
    });
    expect(holds(cond('body', 'user.role', 'equals', 'admin'), v)).toBe(true);
    expect(holds(cond('body', 'items.1.id', 'equals', 'b2'), v)).toBe(true);
    expect(holds(cond('body', 'user.age', 'gt', '18'), v)).toBe(true);
    expect(holds(cond('body', 'ok', 'equals', 'true'), v)).toBe(true);
    expect(holds(cond('body', 'none', 'exists'), v)).toBe(true);
    expect(holds(cond('body', 'items.5.id', 'exists'), v)).toBe(false);
    expect(holds(cond('body', 'items', 'contains', '"b2"'), v)).toBe(true);
  });

  it('sniffs JSON when no content type is given, and reads the content-type header otherwise', () => {
    expect(holds(cond('body', 'a', 'equals', '1'), view({ rawBody: '{"a":1}' }))).toBe(true);
    expect(
      holds(
        cond('body', 'a', 'equals', '1'),
        view({ rawBody: '{"a":1}', headers: { 'content-type': 'application/json' } }),
      ),
    ).toBe(true);
  });

  it('treats a malformed JSON body as having no fields; "$" still sees the raw text', () => {
    const v = view({ rawBody: '{"a":1', contentType: 'application/json' });
    expect(holds(cond('body', 'a', 'exists'), v)).toBe(false);
    expect(holds(cond('body', '$', 'contains', '"a":1'), v)).toBe(true);
  });

  it('reads urlencoded form fields, dotted or in bracket spelling', () => {
    const v = view({
      rawBody: 'name=Ann+Lee&user%5Brole%5D=admin&items[0][id]=x&tag=a&tag=b',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(holds(cond('body', 'name', 'equals', 'Ann Lee'), v)).toBe(true);
    expect(holds(cond('body', 'user.role', 'equals', 'admin'), v)).toBe(true);
    expect(holds(cond('body', 'items.0.id', 'equals', 'x'), v)).toBe(true);
    expect(holds(cond('body', 'tag', 'equals', 'b'), v)).toBe(true);
    expect(holds(cond('body', 'missing', 'not_equals', 'x'), v)).toBe(true);
  });

  it('reads no fields from a body that is not UTF-8; "$" reads it with U+FFFD for the bad bytes', () => {
    const bytes = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff]), Buffer.from('"}')]);
    const v = view({ rawBody: bytes, contentType: 'application/json' });
    expect(holds(cond('body', 'a', 'exists'), v)).toBe(false);
    expect(holds(cond('body', '$', 'equals', '{"a":"\ufffd"}'), v)).toBe(true);
    const valid = view({ rawBody: Buffer.from('{"a":"é"}'), contentType: 'application/json' });
    expect(holds(cond('body', 'a', 'equals', 'é'), valid)).toBe(true);
  });

  it('jsonPath and parseBody edge cases', () => {
    expect(jsonPath({ a: { b: 1 } }, 'a')).toBe('{"b":1}');
    expect(jsonPath([1, 2], 'x')).toBeUndefined();
    expect(jsonPath('text', 'a')).toBeUndefined();
    expect(parseBody('plain', 'text/plain').kind).toBe('raw');
    expect(parseBody('[1]', 'application/vnd.api+json').kind).toBe('json');
  });
});
