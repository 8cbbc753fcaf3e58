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
  try {
    RE2JS.compile(pattern, RE2JS.LOOKBEHINDS);
    return undefined;
  } catch (e) {
    const detail = (e as Error).message.replace(/^error parsing regexp: /, '');
    return (
      `regex uses syntax the safe regex engine cannot run (${detail}): lookaheads (?=…) (?!…), ` +
      'backreferences \\1 and \\u escapes are not supported; rewrite it without them, e.g. \\x41 for \\u0041'
    );
  }
}
