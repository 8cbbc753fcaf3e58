import { RE2JS } from 're2js';
import { MAX_REGEX_INPUT, REGEX_BUDGET } from '../../../shared/models';
import type { RequestView } from './types';

/**
 * User regexes run on re2js, a linear-time engine: a pattern such as ^(a+)+$ cannot
 * backtrack exponentially and stall the server. Lookbehinds are enabled because re2js
 * evaluates them in linear time too; lookaheads and backreferences are rejected when the
 * condition is saved (see regexProblem in shared/models/condition.ts).
 *
 * Linear is not cheap: time grows with text length × compiled pattern size, and a lookbehind
 * costs about 30 ns per character per instruction (a 20-instruction lookbehind over 10 MiB took
 * seconds, during which nothing else was served). So work per request is bounded
 * (docs/security.md, item 2): a regex reads at most the first MAX_REGEX_INPUT characters of
 * a value, and the regex conditions of one request share a budget of REGEX_BUDGET
 * character × instruction steps; once it is spent, further regex conditions do not match.
 */
export const RE2_FLAGS = RE2JS.LOOKBEHINDS;

export interface SafeRegex {
  /** Unanchored search, like RegExp.prototype.test, over the first MAX_REGEX_INPUT characters. */
  test(input: string, view?: RequestView): boolean;
}

/** `flags`: any of i (ignore case), m (^ $ at line breaks), s (. matches a newline), as in JavaScript. */
export function compileSafeRegex(pattern: string, flags = ''): SafeRegex {
  let f = RE2_FLAGS;
  if (flags.includes('i')) f |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) f |= RE2JS.MULTILINE;
  if (flags.includes('s')) f |= RE2JS.DOTALL;
  const re = RE2JS.compile(pattern, f);
  const size = Math.max(1, re.programSize());
  return {
    test(input, view) {
      const text = input.length > MAX_REGEX_INPUT ? input.slice(0, MAX_REGEX_INPUT) : input;
      if (view) {
        const left = (view.regexBudget ??= REGEX_BUDGET) - text.length * size;
        if (left < 0) return false;
        view.regexBudget = left;
      }
      return re.test(text);
    },
  };
}

/** A regex that never matches, for a stored pattern re2js refuses (saved before validation existed). */
export const NEVER: SafeRegex = { test: () => false };
