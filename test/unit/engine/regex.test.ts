import { describe, expect, it } from 'vitest';
import { MAX_REGEX_INPUT, MAX_REGEX_PROGRAM, REGEX_BUDGET, regexProblem } from '../../../shared/models';
import { compileSafeRegex } from '../../../main/core/engine';
import { compileCondition } from '../../../main/core/engine/conditions';
import type { RequestView } from '../../../main/core/engine/types';
import { cond, request } from './fixtures';

describe('user regexes', () => {
  it('answers the catastrophic-backtracking case in linear time', () => {
    const re = compileSafeRegex('^(a+)+$');
    expect(re.test(`${'a'.repeat(5000)}!`)).toBe(false);
    expect(re.test('a'.repeat(5000))).toBe(true);
  }, 20_000);

  it('searches unanchored, like RegExp#test', () => {
    expect(compileSafeRegex('dm').test('admin')).toBe(true);
    expect(compileSafeRegex('^dm').test('admin')).toBe(false);
  });

  it('refuses lookaheads and backreferences at save time with a message naming them', () => {
    for (const p of ['(?=a)b', 'a(?!b)', '(a)\\1']) {
      const problem = regexProblem(p);
      expect(problem).toMatch(/safe regex engine/);
      expect(problem).toMatch(/lookaheads|backreferences/);
    }
  });

  it('accepts what re2js runs, including lookbehinds and named groups', () => {
    for (const p of ['^admin$', '\\d{3}-\\d{4}', '(?<=x)y', '(?<name>a+)', '(?i:abc)'])
      expect(regexProblem(p)).toBeUndefined();
  });

  it('still reports JavaScript syntax errors first', () => {
    expect(regexProblem('(')).toMatch(/^invalid regex/);
    expect(regexProblem('')).toMatch(/empty/);
  });
});

/** docs/security.md, item 2: the work one request's regex conditions can cause is bounded. */
describe('regex work per request is bounded', () => {
  const bodyView = (text: string): RequestView => ({ req: request({ rawBody: Buffer.from(text) }), params: {} });
  const bodyRegex = (pattern: string) => compileCondition(cond('body', '$', 'regex', pattern));
  const holds = (c: ReturnType<typeof bodyRegex>, v: RequestView): boolean => c.test(c.read(v), v);

  it(`reads only the first ${MAX_REGEX_INPUT} characters of a value`, () => {
    const c = bodyRegex('(?<=[a-z])\\d');
    expect(holds(c, bodyView(`${'a'.repeat(MAX_REGEX_INPUT - 1)}1`))).toBe(true);
    expect(holds(c, bodyView(`${'a'.repeat(MAX_REGEX_INPUT)}1`))).toBe(false);
    // Anchors see the cut too: the value is the first 64 KiB.
    expect(holds(bodyRegex('a$'), bodyView(`${'a'.repeat(MAX_REGEX_INPUT)}bbb`))).toBe(true);
  });

  it('charges each regex test to the request, and a condition tested after the budget is spent does not match', () => {
    const c = bodyRegex('(?<=[a-z])\\d');
    const v = bodyView(`${'a'.repeat(MAX_REGEX_INPUT - 1)}1`);
    let matched = 0;
    while (matched < 100 && holds(c, v)) matched++;
    // Each test charges 64 KiB × the pattern's size; the budget allows a handful, not unbounded.
    expect(matched).toBeGreaterThanOrEqual(1);
    expect(matched * MAX_REGEX_INPUT).toBeLessThanOrEqual(REGEX_BUDGET);
    expect(v.regexBudget).toBeLessThan(MAX_REGEX_INPUT * 8);
    // A new request has its own budget.
    expect(holds(c, bodyView('a1'))).toBe(true);
    // Other operators are not charged: they are native string scans.
    expect(compileCondition(cond('body', '$', 'contains', '1')).test('a1', v)).toBe(true);
  });

  it('called without a request (no budget to charge), a regex still reads only the first 64 KiB', () => {
    expect(compileSafeRegex('1$').test(`${'a'.repeat(MAX_REGEX_INPUT - 1)}1`)).toBe(true);
    expect(compileSafeRegex('1').test(`${'a'.repeat(MAX_REGEX_INPUT)}1`)).toBe(false);
  });

  it(`refuses at save time a pattern that compiles to more than ${MAX_REGEX_PROGRAM} steps, saying how to fix it`, () => {
    // The lookbehind that took 5 s over 64 KiB.
    const problem = regexProblem('(?<=[a-z]{1,1000})\\d');
    expect(problem).toMatch(`the limit is ${MAX_REGEX_PROGRAM}`);
    expect(problem).toMatch(/smaller counts in repetitions/);
    expect(regexProblem('(?:[ab]{1,50}){1,20}x')).toMatch(/too complex/);
    for (const p of ['(?<=[a-z])\\d', '[a-z]{1,100}\\d', '^\\d{3}-\\d{4}$']) expect(regexProblem(p)).toBeUndefined();
  });
});
