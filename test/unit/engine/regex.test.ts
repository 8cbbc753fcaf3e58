import { describe, expect, it } from 'vitest';
import { regexProblem } from '../../../shared/models';
import { compileSafeRegex } from '../../../main/core/engine';

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
