import {
  CONDITION_OPERATORS,
  conditionSchema,
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
}

export interface ConditionRowErrors {
  field?: string;
  value?: string;
}

let nextKey = 1;
export const newConditionRow = (c?: Partial<Condition>): ConditionRow => ({
  key: nextKey++,
  type: c?.type ?? 'header',
  field: c?.field ?? '',
  operator: c?.operator ?? 'equals',
  value: c?.value ?? '',
});

export const needsValue = (op: ConditionOperator): boolean => !VALUELESS_OPERATORS.has(op);

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
};
export const OPERATORS = CONDITION_OPERATORS;

export const FIELD_PLACEHOLDER: Record<ConditionType, string> = {
  header: 'x-role',
  query: 'page',
  body: 'user.email',
  path: 'id',
};

/** Same checks as the core (conditionSchema: regex syntax, numbers for gt/lt), per field. */
export function conditionRowErrors(row: ConditionRow): ConditionRowErrors {
  const r = conditionSchema.safeParse(toCondition(row));
  if (r.success) return {};
  const errors: ConditionRowErrors = {};
  for (const issue of r.error.issues) {
    const f = issue.path[0];
    if ((f === 'field' || f === 'value') && !errors[f]) errors[f] = issue.message;
  }
  return errors;
}

export function toCondition(row: ConditionRow): Condition {
  return {
    type: row.type,
    field: row.field.trim(),
    operator: row.operator,
    // A valueless operator saves "" so a stale value never surprises anyone later.
    value: needsValue(row.operator) ? row.value : '',
  };
}

/** One line a person reads: header x-role equals "admin". */
export function describeCondition(c: Condition): string {
  const base = `${c.type} ${c.field} ${OPERATOR_LABELS[c.operator]}`;
  return needsValue(c.operator) ? `${base} "${c.value}"` : base;
}
