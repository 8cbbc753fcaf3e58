import type { ResponseRule, ResponseRuleOperators, ResponseRuleTargets } from '@mockoon/commons';
import { conditionSchema, type Condition, type ConditionType } from '../../../../../shared/models';

/**
 * Mockoon's response rules ↔ MockDeck's conditions (docs/rules.md). Most targets and all of
 * Mockoon's operators exist in MockDeck under the same names; the differences:
 * - `params` (a route parameter) is MockDeck's `path`; Mockoon's `path` (the whole request
 *   URL) and `templating` (a rendered template) have no MockDeck target;
 * - `method` compares lower case in Mockoon, upper case in MockDeck;
 * - `valid_json_schema` names a data bucket holding the schema in Mockoon; MockDeck holds
 *   the schema itself, so the bucket's content is copied in;
 * - a template (`{{…}}`) in a rule's modifier or value is rendered by Mockoon, never by MockDeck.
 */

export type RuleResult = { condition: Condition } | { problem: string };

const TARGETS: Partial<Record<ResponseRuleTargets, ConditionType>> = {
  body: 'body',
  query: 'query',
  header: 'header',
  cookie: 'cookie',
  params: 'path',
  method: 'method',
  request_number: 'request_number',
  global_var: 'global_var',
  data_bucket: 'data_bucket',
};

export interface RuleContext {
  /** A Mockoon bucket id or name → the MockDeck bucket name it became. */
  bucketName(idOrName: string): string | undefined;
  /** A Mockoon bucket id or name → its JSON content (valid_json_schema). */
  bucketContent(idOrName: string): string | undefined;
}

export function conditionOf(rule: ResponseRule, ctx: RuleContext): RuleResult {
  const type = TARGETS[rule.target];
  if (!type) {
    return {
      problem:
        rule.target === 'path'
          ? 'rule on the whole request path: MockDeck conditions read path parameters, query, headers…, not the URL as a whole'
          : `rule target "${rule.target}" has no MockDeck equivalent`,
    };
  }
  const modifier = rule.modifier ?? '';
  const value = rule.value ?? '';
  if (modifier.includes('{{') || value.includes('{{')) {
    return { problem: 'the rule holds a template: Mockoon renders rule values, MockDeck compares them as written' };
  }
  let field = modifier;
  let ruleValue = value;
  if (type === 'body' && field === '') field = '$';
  if (type === 'query' && field === '') return { problem: 'rule on the whole query string: name a query parameter' };
  if ((type === 'method' || type === 'request_number') && field !== '') field = '';
  if (type === 'method') ruleValue = rule.operator === 'equals' ? value.toUpperCase() : value;
  if (type === 'data_bucket') {
    const [bucket, rest] = splitBucketPath(field);
    const name = ctx.bucketName(bucket);
    if (!name) return { problem: `rule on data bucket "${bucket}", which the environment does not have` };
    field = name + rest;
  }
  if (rule.operator === 'valid_json_schema') {
    const [bucket, rest] = splitBucketPath(value);
    const content = rest === '' ? ctx.bucketContent(bucket) : undefined;
    if (content === undefined) {
      return {
        problem: `the JSON schema is in data bucket "${value}", which is missing, templated, or read at a path`,
      };
    }
    ruleValue = content;
  }
  const parsed = conditionSchema.safeParse({
    type,
    field,
    operator: rule.operator,
    value: ruleValue,
    ...(rule.invert ? { invert: true } : {}),
  });
  if (!parsed.success) {
    return { problem: parsed.error.issues.map((i) => i.message).join('; ') };
  }
  return { condition: parsed.data };
}

/** "users.0.name" → ["users", ".0.name"]; "users" → ["users", ""]. */
function splitBucketPath(field: string): [string, string] {
  const dot = field.indexOf('.');
  return dot < 0 ? [field, ''] : [field.slice(0, dot), field.slice(dot)];
}

/* ---- MockDeck → Mockoon ---- */

const RULE_TARGETS: Partial<Record<ConditionType, ResponseRuleTargets>> = {
  body: 'body',
  query: 'query',
  header: 'header',
  cookie: 'cookie',
  path: 'params',
  method: 'method',
  request_number: 'request_number',
  global_var: 'global_var',
  data_bucket: 'data_bucket',
};

const RULE_OPERATORS: ReadonlySet<string> = new Set<ResponseRuleOperators>([
  'equals',
  'regex',
  'regex_i',
  'null',
  'empty_array',
  'array_includes',
]);

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export type ConditionResult = { rule: ResponseRule } | { problem: string };

/**
 * A MockDeck condition as a Mockoon rule. Operators Mockoon lacks become the regex that
 * means the same (contains, starts_with…) or an inverted rule (not_equals, not_exists);
 * what has no equivalent (gt/lt, scenarios, JSON schemas) is reported, not written.
 */
export function ruleOf(c: Condition): ConditionResult {
  const target = RULE_TARGETS[c.type];
  if (!target) return { problem: `condition on ${c.type} "${c.field}": Mockoon has no such rule target` };
  let modifier = target === 'method' || target === 'request_number' ? '' : c.field;
  if (target === 'body' && modifier === '$') modifier = '';
  const value = c.type === 'method' ? c.value.toLowerCase() : c.value;
  let invert = c.invert === true;
  const rule = (operator: ResponseRuleOperators, v: string): ConditionResult => ({
    rule: { target, modifier, value: v, invert, operator },
  });
  const flagged = (pattern: string): ConditionResult => {
    const flags = c.flags ?? '';
    if (flags.replace('i', '') !== '')
      return { problem: `regex flags "${flags}": Mockoon's rules only know case-insensitive (regex_i)` };
    return rule(flags.includes('i') || c.operator === 'regex_i' ? 'regex_i' : 'regex', pattern);
  };
  switch (c.operator) {
    case 'equals':
    case 'array_includes':
    case 'null':
    case 'empty_array':
      return RULE_OPERATORS.has(c.operator) ? rule(c.operator, value) : { problem: c.operator };
    case 'regex':
    case 'regex_i':
      return flagged(value);
    case 'not_equals':
      invert = !invert;
      return rule('equals', value);
    case 'contains':
      return flagged(escapeRegex(value));
    case 'not_contains':
      invert = !invert;
      return flagged(escapeRegex(value));
    case 'starts_with':
      return flagged(`^${escapeRegex(value)}`);
    case 'ends_with':
      return flagged(`${escapeRegex(value)}$`);
    case 'exists':
      invert = !invert;
      return rule('null', '');
    case 'not_exists':
      return rule('null', '');
    default:
      return { problem: `operator ${c.operator} on ${c.type} "${c.field}": Mockoon's rules have no such operator` };
  }
}
