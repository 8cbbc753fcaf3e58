import { RE2JS } from 're2js';

/**
 * User regexes run on re2js, a linear-time engine: a pattern such as ^(a+)+$ cannot
 * backtrack exponentially and stall the server. Lookbehinds are enabled because re2js
 * evaluates them in linear time too; lookaheads and backreferences are rejected when the
 * condition is saved (see regexProblem in shared/models/condition.ts).
 */
export const RE2_FLAGS = RE2JS.LOOKBEHINDS;

export interface SafeRegex {
  /** Unanchored search, like RegExp.prototype.test. */
  test(input: string): boolean;
}

export function compileSafeRegex(pattern: string): SafeRegex {
  const re = RE2JS.compile(pattern, RE2_FLAGS);
  return { test: (input) => re.test(input) };
}

/** A regex that never matches, for a stored pattern re2js refuses (saved before validation existed). */
export const NEVER: SafeRegex = { test: () => false };
