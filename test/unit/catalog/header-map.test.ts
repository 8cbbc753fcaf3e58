import { describe, expect, it } from 'vitest';
import {
  appendHeader,
  firstHeader,
  headerMapSchema,
  headerPairs,
  isTemplatedResponse,
  MAX_HEADER_REPEATS,
  mockResponseSchema,
  responseCreateSchema,
  type HeaderMap,
} from '../../../shared/models';

/** shared/models/response.ts: a header value is a string (one line) or a list (repeated lines). */
describe('header map', () => {
  it('reads the old single-value shape unchanged', () => {
    const old = { 'Content-Type': 'text/plain', 'X-Trace': 'abc' };
    expect(headerMapSchema.parse(old)).toEqual(old);
    expect(responseCreateSchema.parse({ headers: old }).headers).toEqual(old);
  });

  it('reads a list as repeated lines, in order, and a list of one as its string', () => {
    expect(headerMapSchema.parse({ 'Set-Cookie': ['a=1; Path=/', 'b=2'], 'X-One': ['only'] })).toEqual({
      'Set-Cookie': ['a=1; Path=/', 'b=2'],
      'X-One': 'only',
    });
  });

  it('refuses an empty list, too many lines and a bad line, naming the problem', () => {
    const issue = (v: unknown) => JSON.stringify(headerMapSchema.safeParse({ 'Set-Cookie': v }).error?.issues ?? []);
    expect(issue([])).toMatch(/at least one value: remove the header instead/);
    expect(issue(Array.from({ length: MAX_HEADER_REPEATS + 1 }, (_, i) => `c${i}=1`))).toMatch(/at most 50 times/);
    expect(issue(['a=1', 'b=2\r\nX-Injected: 1'])).toMatch(/cannot contain line breaks/);
    expect(headerMapSchema.safeParse({ 'Set-Cookie': [1, 2] }).success).toBe(false);
  });

  it('merges names that differ only in case into one repeated header, under the first spelling', () => {
    expect(headerMapSchema.parse({ 'Set-Cookie': 'a=1', 'X-One': 'x', 'set-cookie': ['b=2', 'c=3'] })).toEqual({
      'Set-Cookie': ['a=1', 'b=2', 'c=3'],
      'X-One': 'x',
    });
    const many = (n: number) => Array.from({ length: n }, (_, i) => `c${i}=1`);
    const r = headerMapSchema.safeParse({ 'Set-Cookie': many(30), 'set-cookie': many(30) });
    expect(r.error?.issues[0]?.message).toMatch(/at most 50 times \(names in any case count together\)/);
  });

  it('reads stored rows of both shapes', () => {
    const row = {
      id: 'r',
      mockId: 'm',
      name: 'OK',
      statusCode: 200,
      body: '',
      isDefault: true,
      weight: 100,
      conditions: [],
      disableTemplating: false,
      conditionLogic: 'and',
      scenarioName: '',
      requiredScenarioState: '',
      newScenarioState: '',
      sortOrder: 0,
      createdAt: '',
      updatedAt: '',
    };
    expect(mockResponseSchema.parse({ ...row, headers: { a: '1' } }).headers).toEqual({ a: '1' });
    expect(mockResponseSchema.parse({ ...row, headers: { a: ['1', '2'] } }).headers).toEqual({ a: ['1', '2'] });
  });

  it('finds a template in any line of a repeated header', () => {
    const r = { body: '', disableTemplating: false };
    expect(isTemplatedResponse({ ...r, headers: { 'Set-Cookie': ['a=1', 'id={{params.id}}'] } })).toBe(true);
    expect(isTemplatedResponse({ ...r, headers: { 'Set-Cookie': ['a=1', 'b=2'] } })).toBe(false);
  });

  it('appends lines by name in any case, keeping the first spelling; lists pairs and first lines', () => {
    const map: HeaderMap = {};
    appendHeader(map, 'Set-Cookie', 'a=1');
    appendHeader(map, 'X-One', 'x');
    appendHeader(map, 'set-cookie', 'b=2');
    expect(map).toEqual({ 'Set-Cookie': ['a=1', 'b=2'], 'X-One': 'x' });
    expect(headerPairs(map)).toEqual([
      { name: 'Set-Cookie', value: 'a=1' },
      { name: 'Set-Cookie', value: 'b=2' },
      { name: 'X-One', value: 'x' },
    ]);
    expect(firstHeader(map, 'SET-COOKIE')).toBe('a=1');
    expect(firstHeader(map, 'x-one')).toBe('x');
    expect(firstHeader(map, 'absent')).toBeUndefined();
  });
});
