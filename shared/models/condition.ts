import { RE2JS } from 're2js';
import { z } from 'zod';

/**
 * Where a condition looks. header/query/body/path are the spec's (docs/reference/mockbird-api.md
 * §5); the rest are Mockoon's rule targets, by Mockoon's names (docs/rules.md):
 * - cookie: a cookie of the Cookie header, by name;
 * - method: the request method, upper-cased (no field);
 * - request_number: the nth call of this mock since it was last changed or the server started, 1-based (no field);
 * - global_var: a global variable (x.runtime.globals), `name` or `name.dotted.path` or `name.$.jsonpath`;
 * - data_bucket: a data bucket's current value, `bucket` or `bucket.dotted.path` or `bucket.$.jsonpath`;
 * - scenario: a scenario's current state, by scenario name (what a response's requiredScenarioState checks).
 */
export const CONDITION_TYPES = [
  'header',
  'query',
  'body',
  'path',
  'cookie',
  'method',
  'request_number',
  'global_var',
  'data_bucket',
  'scenario',
] as const;

/** Targets MockBird's spec (and so a MockBird cloud) knows; the others are MockDeck's (see docs/rules.md, Sync). */
export const SPEC_CONDITION_TYPES: ReadonlySet<ConditionType> = new Set(['header', 'query', 'body', 'path']);

/** Targets that read no field. */
export const FIELDLESS_TYPES: ReadonlySet<ConditionType> = new Set(['method', 'request_number']);

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
  'regex_i',
  'null',
  'empty_array',
  'array_includes',
  'valid_json_schema',
] as const;

/** Regex flags a regex condition may set: i (case-insensitive), m (multi-line ^ $), s (. matches newlines). */
export const REGEX_FLAGS = /^(?!.*(.).*\1)[ims]*$/;

/** Characters of a JSON schema a valid_json_schema condition may hold (it is compiled once, at compile time). */
export const MAX_JSON_SCHEMA_LENGTH = 10_000;

export const conditionTypeSchema = z.enum(CONDITION_TYPES);
export const conditionOperatorSchema = z.enum(CONDITION_OPERATORS);
export type ConditionType = z.infer<typeof conditionTypeSchema>;
export type ConditionOperator = z.infer<typeof conditionOperatorSchema>;

/** Operators that need no value. */
export const VALUELESS_OPERATORS: ReadonlySet<ConditionOperator> = new Set([
  'exists',
  'not_exists',
  'null',
  'empty_array',
]);

/** Operators that run a regex on the value. */
export const REGEX_OPERATORS: ReadonlySet<ConditionOperator> = new Set(['regex', 'regex_i']);

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
    // Empty only for targets that read no field (method, request_number).
    field: z.string().trim().max(500).default(''),
    operator: conditionOperatorSchema,
    value: z.string().max(10_000).default(''),
    /** Negates the condition's result (Mockoon's `invert`); an absent field then matches where it did not. */
    invert: z.boolean().optional(),
    /** Flags of a regex condition: any of i, m, s (re2js runs them; regex_i is regex with i). */
    flags: z.string().regex(REGEX_FLAGS, 'flags are any of i, m and s, each once, e.g. "i" or "ms"').optional(),
  })
  .superRefine((c, ctx) => {
    if (c.field === '' && !FIELDLESS_TYPES.has(c.type)) {
      ctx.addIssue({
        code: 'custom',
        path: ['field'],
        message: `field is required for a ${c.type} condition (${FIELD_HINTS[c.type]})`,
      });
    }
    const path = jsonPathOf(c.type, c.field);
    const pathProblem = path === undefined ? undefined : jsonPathProblem(path);
    if (pathProblem) ctx.addIssue({ code: 'custom', path: ['field'], message: pathProblem });
    if (REGEX_OPERATORS.has(c.operator)) {
      const problem = regexProblem(c.value);
      if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
    }
    if (c.operator === 'valid_json_schema') {
      const problem = jsonSchemaProblem(c.value);
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

/** What the field of each target names, for errors and the editor's placeholder. */
export const FIELD_HINTS: Record<ConditionType, string> = {
  header: 'a header name, e.g. x-role',
  query: 'a query parameter, e.g. page',
  body: 'a dotted path such as user.name, a JSONPath such as $.items[0].id, or $ for the whole body',
  path: 'a path parameter, e.g. id',
  cookie: 'a cookie name, e.g. session',
  method: 'no field: the request method',
  request_number: 'no field: the nth call of this mock',
  global_var: 'a global variable, optionally with a path, e.g. user.name',
  data_bucket: 'a data bucket name, optionally with a path, e.g. users.0.id or users.$[0].id',
  scenario: 'a scenario name, e.g. checkout',
};

/** Words a JSONPath filter may not use: they reach JavaScript's objects, not the JSON's. */
const JSONPATH_FORBIDDEN_WORDS =
  /\b(this|constructor|prototype|__proto__|__defineGetter__|Function|eval|process|require|import|globalThis|window)\b/;

/**
 * Checks a JSONPath field (`$.items[0].id`, `$..name`, `$.users[?(@.age > 30 && @.active)]`).
 * Filters may compare and combine (== != < > <= >= && || !) but not call methods, group with
 * parentheses, use regex literals or assign: jsonpath-plus evaluates them on every request,
 * and a method call such as `@.match(/(a+)+$/)` would run JavaScript's backtracking regex
 * (seconds for 24 characters). Use a regex condition on the value instead.
 */
export function jsonPathProblem(path: string): string | undefined {
  if (!path.startsWith('$')) return undefined;
  // String literals may hold anything; what runs is the rest.
  const code = path.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, '""');
  const hint = 'filters may only compare fields with values, e.g. $.users[?(@.age > 30 && @.role == "admin")]';
  if (/[/`\\;{}]/.test(code)) return `JSONPath "${path}" uses characters a filter may not (/ \` \\ ; { }): ${hint}`;
  if (/[^?]\(|^\(/.test(code)) {
    return `JSONPath "${path}" calls a function or groups with parentheses, which MockDeck does not run: ${hint}`;
  }
  if (/(^|[^=!<>])=(?!=)/.test(code)) return `JSONPath "${path}" assigns a value (=): compare with == instead`;
  // Each recursive descent walks the whole value again from every node the last one found.
  if ((code.match(/\.\./g) ?? []).length > 1) {
    return `JSONPath "${path}" uses recursive descent (..) more than once: keep one, e.g. $..name`;
  }
  const word = JSONPATH_FORBIDDEN_WORDS.exec(code);
  if (word) return `JSONPath "${path}" uses "${word[1]}", which a filter may not: ${hint}`;
  return undefined;
}

/** The JSONPath part of a field, if any: the whole body field, or what follows the name of a global or bucket. */
export function jsonPathOf(type: ConditionType, field: string): string | undefined {
  if (type === 'body') return field.length > 1 && field.startsWith('$') ? field : undefined;
  if (type !== 'global_var' && type !== 'data_bucket') return undefined;
  const dot = field.indexOf('.');
  const rest = dot < 0 ? '' : field.slice(dot + 1);
  return rest.startsWith('$') ? rest : undefined;
}

/**
 * Checks a valid_json_schema condition's schema as far as the shared layer can: JSON, an
 * object or boolean, and small. ajv compiles it in the engine (main/core/util/json-schema.ts);
 * the service refuses a schema ajv cannot compile with that error.
 */
export function jsonSchemaProblem(text: string): string | undefined {
  if (text.trim() === '') return 'valid_json_schema needs a JSON schema as its value, e.g. {"type":"object"}';
  if (text.length > MAX_JSON_SCHEMA_LENGTH) return `JSON schema is longer than ${MAX_JSON_SCHEMA_LENGTH} characters`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return `JSON schema is not valid JSON (${(e as Error).message})`;
  }
  if (typeof parsed !== 'boolean' && (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))) {
    return 'JSON schema must be a JSON object (or true/false), e.g. {"type":"object","required":["id"]}';
  }
  return undefined;
}

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
