import { RE2JS } from 're2js';
import { z } from 'zod';

/** Where a condition looks in the request (docs/reference/mockbird-api.md §5). */
export const CONDITION_TYPES = ['header', 'query', 'body', 'path'] as const;

/**
 * equals/contains/regex are the spec's; the rest are what users of WireMock and
 * Mockoon expect. exists/not_exists ignore `value`; gt/lt compare numbers.
 */
export const CONDITION_OPERATORS = [
  'equals',
  'not_equals',
  'contains',
  'not_contains',
  'starts_with',
  'ends_with',
  'regex',
  'exists',
  'not_exists',
  'gt',
  'lt',
] as const;

export const conditionTypeSchema = z.enum(CONDITION_TYPES);
export const conditionOperatorSchema = z.enum(CONDITION_OPERATORS);
export type ConditionType = z.infer<typeof conditionTypeSchema>;
export type ConditionOperator = z.infer<typeof conditionOperatorSchema>;

/** Operators that need no value. */
export const VALUELESS_OPERATORS: ReadonlySet<ConditionOperator> = new Set(['exists', 'not_exists']);

export const MAX_REGEX_LENGTH = 1000;
/**
 * Compiled size (re2js instructions) a regex may have. Matching costs text length × this
 * size, and a counted repetition multiplies it: (?<=[a-z]{1,1000}) is 2,006 instructions and
 * took 5 s over 64 KiB. See docs/security.md, item 2.
 */
export const MAX_REGEX_PROGRAM = 250;
/** Characters of a value a regex condition reads: the first 64 KiB (a body `$` is often larger). */
export const MAX_REGEX_INPUT = 64 * 1024;
/**
 * Work all regex conditions of one request may do, in characters read × pattern instructions
 * (about 60 ms on a slow machine); a regex condition tested after it is spent does not match.
 * A 32-instruction pattern can read a full 64 KiB value once, a 10-instruction one three times.
 */
export const REGEX_BUDGET = 2 * 1024 * 1024;

export const conditionSchema = z
  .object({
    type: conditionTypeSchema,
    field: z.string().trim().min(1, 'field is required (a header, query, body or path parameter name)').max(500),
    operator: conditionOperatorSchema,
    value: z.string().max(10_000).default(''),
  })
  .superRefine((c, ctx) => {
    if (c.operator === 'regex') {
      const problem = regexProblem(c.value);
      if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
    }
    if ((c.operator === 'gt' || c.operator === 'lt') && !Number.isFinite(Number(c.value))) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `operator ${c.operator} needs a number, got "${c.value}"`,
      });
    }
  });
export type Condition = z.infer<typeof conditionSchema>;

/**
 * Checks a user regex with the JavaScript syntax the UI shows, then with re2js, the
 * linear-time engine that runs it (main/core/engine/regex.ts): a pattern that engine cannot
 * compile (lookaheads, backreferences) is refused here rather than never matching later.
 * re2js is pure JS, so the renderer can call this too.
 */
export function regexProblem(pattern: string): string | undefined {
  if (pattern.length === 0) return 'regex is empty: enter a pattern such as ^admin$';
  if (pattern.length > MAX_REGEX_LENGTH) return `regex is longer than ${MAX_REGEX_LENGTH} characters`;
  try {
    new RegExp(pattern);
  } catch (e) {
    return `invalid regex: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
  let size: number;
  try {
    size = RE2JS.compile(pattern, RE2JS.LOOKBEHINDS).programSize();
  } catch (e) {
    const detail = (e as Error).message.replace(/^error parsing regexp: /, '');
    return (
      `regex uses syntax the safe regex engine cannot run (${detail}): lookaheads (?=…) (?!…), ` +
      'backreferences \\1 and \\u escapes are not supported; rewrite it without them, e.g. \\x41 for \\u0041'
    );
  }
  if (size > MAX_REGEX_PROGRAM) {
    return (
      `regex is too complex to run on every request (${size} steps, the limit is ${MAX_REGEX_PROGRAM}): ` +
      'use smaller counts in repetitions such as {1,1000}, or match fewer alternatives'
    );
  }
  return undefined;
}
