import {
  CONDITION_OPERATORS,
  conditionSchema,
  FIELDLESS_TYPES,
  REGEX_OPERATORS,
  VALUELESS_OPERATORS,
  type Condition,
  type ConditionOperator,
  type ConditionType,
} from '../../../../shared/models';

export interface ConditionRow {
  /** Stable React key; not saved. */
  key: number;
  type: ConditionType;
  field: string;
  operator: ConditionOperator;
  value: string;
  /** Negates the condition (Mockoon's invert). */
  invert: boolean;
  /** Regex flags (i, m, s); kept only for regex operators. */
  flags: string;
}

export interface ConditionRowErrors {
  field?: string;
  value?: string;
  flags?: string;
}

let nextKey = 1;
export const newConditionRow = (c?: Partial<Condition>): ConditionRow => ({
  key: nextKey++,
  type: c?.type ?? 'header',
  field: c?.field ?? '',
  operator: c?.operator ?? 'equals',
  value: c?.value ?? '',
  invert: c?.invert ?? false,
  flags: c?.flags ?? '',
});

export const needsValue = (op: ConditionOperator): boolean => !VALUELESS_OPERATORS.has(op);
export const needsField = (type: ConditionType): boolean => !FIELDLESS_TYPES.has(type);
export const takesFlags = (op: ConditionOperator): boolean => REGEX_OPERATORS.has(op);

/** The spec's targets first, then Mockoon's; labels as a person reads them. */
export const TYPE_LABELS: Record<ConditionType, string> = {
  header: 'header',
  query: 'query',
  body: 'body',
  path: 'path',
  cookie: 'cookie',
  method: 'method',
  request_number: 'request number',
  global_var: 'global variable',
  data_bucket: 'data bucket',
  scenario: 'scenario state',
};

export const OPERATOR_LABELS: Record<ConditionOperator, string> = {
  equals: 'equals',
  not_equals: 'does not equal',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  ends_with: 'ends with',
  regex: 'matches regex',
  exists: 'exists',
  not_exists: 'does not exist',
  gt: 'greater than',
  lt: 'less than',
  regex_i: 'matches regex (any case)',
  null: 'is null or absent',
  empty_array: 'is an empty array',
  array_includes: 'array includes',
  valid_json_schema: 'is valid against JSON schema',
};
export const OPERATORS = CONDITION_OPERATORS;

export const FIELD_PLACEHOLDER: Record<ConditionType, string> = {
  header: 'x-role',
  query: 'page',
  body: 'user.email or $.items[0].id',
  path: 'id',
  cookie: 'session',
  method: '',
  request_number: '',
  global_var: 'name or name.path',
  data_bucket: 'bucket or bucket.path',
  scenario: 'scenario name',
};

/** What the value box suggests for an operator. */
export function valuePlaceholder(op: ConditionOperator, type: ConditionType): string {
  if (REGEX_OPERATORS.has(op)) return '^admin$';
  if (op === 'valid_json_schema') return '{"type":"object","required":["id"]}';
  if (type === 'method') return 'POST';
  if (type === 'request_number') return '2';
  return 'value';
}

/** Same checks as the core (conditionSchema: regex syntax, numbers for gt/lt), per field. */
export function conditionRowErrors(row: ConditionRow): ConditionRowErrors {
  const r = conditionSchema.safeParse(toCondition(row));
  if (r.success) return {};
  const errors: ConditionRowErrors = {};
  for (const issue of r.error.issues) {
    const f = issue.path[0];
    if ((f === 'field' || f === 'value' || f === 'flags') && !errors[f]) errors[f] = issue.message;
  }
  return errors;
}

export function toCondition(row: ConditionRow): Condition {
  const c: Condition = {
    type: row.type,
    // A fieldless target saves "" (its field box is hidden).
    field: needsField(row.type) ? row.field.trim() : '',
    operator: row.operator,
    // A valueless operator saves "" so a stale value never surprises anyone later.
    value: needsValue(row.operator) ? row.value : '',
  };
  // Only set when used, so conditions saved before these existed compare equal.
  if (row.invert) c.invert = true;
  if (takesFlags(row.operator) && row.flags.trim()) c.flags = row.flags.trim();
  return c;
}

/** One line a person reads: header x-role equals "admin"; NOT cookie session exists. */
export function describeCondition(c: Condition): string {
  const target = c.field ? `${TYPE_LABELS[c.type]} ${c.field}` : TYPE_LABELS[c.type];
  const base = `${c.invert ? 'NOT ' : ''}${target} ${OPERATOR_LABELS[c.operator]}`;
  const flags = c.flags ? ` /${c.flags}` : '';
  return needsValue(c.operator) ? `${base} "${c.value}"${flags}` : base;
}
