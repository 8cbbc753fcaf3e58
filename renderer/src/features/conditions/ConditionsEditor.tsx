import { CONDITION_TYPES } from '../../../../shared/models';
import {
  FIELD_PLACEHOLDER,
  needsValue,
  newConditionRow,
  OPERATOR_LABELS,
  OPERATORS,
  type ConditionRow,
  type ConditionRowErrors,
} from './condition-form';
import { RowInput } from '../../ui/RowInput';

interface Props {
  rows: ConditionRow[];
  errors: Record<number, ConditionRowErrors>;
  onChange: (rows: ConditionRow[]) => void;
}

/** All rows must match for the response to be picked; errors show under the offending cell. */
export function ConditionsEditor({ rows, errors, onChange }: Props) {
  const patch = (i: number, p: Partial<ConditionRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  return (
    <fieldset className="conditions">
      <legend>Conditions</legend>
      {rows.length === 0 ? (
        <p className="muted small">
          No conditions: this response is a fallback, picked when no conditional response matches. Add one to answer,
          say, only requests with header <code>x-role</code> equal to <code>admin</code>.
        </p>
      ) : (
        <p className="muted small">All conditions must match for this response to be picked.</p>
      )}
      {rows.map((row, i) => {
        const e = errors[i] ?? {};
        const n = i + 1;
        return (
          <div key={row.key} className="condition-row" data-testid={`condition-row-${n}`}>
            <select
              aria-label={`Condition ${n} source`}
              value={row.type}
              onChange={(ev) => patch(i, { type: ev.target.value as ConditionRow['type'] })}
            >
              {CONDITION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
            <div className="cell">
              <RowInput
                label={`Condition ${n} field`}
                error={e.field}
                placeholder={FIELD_PLACEHOLDER[row.type]}
                value={row.field}
                onChange={(ev) => patch(i, { field: ev.target.value })}
              />
            </div>
            <select
              aria-label={`Condition ${n} operator`}
              value={row.operator}
              onChange={(ev) => patch(i, { operator: ev.target.value as ConditionRow['operator'] })}
            >
              {OPERATORS.map((o) => (
                <option key={o} value={o}>
                  {OPERATOR_LABELS[o]}
                </option>
              ))}
            </select>
            <div className="cell">
              {needsValue(row.operator) ? (
                <RowInput
                  label={`Condition ${n} value`}
                  error={e.value}
                  placeholder={row.operator === 'regex' ? '^admin$' : 'value'}
                  value={row.value}
                  onChange={(ev) => patch(i, { value: ev.target.value })}
                />
              ) : (
                <span className="muted small">no value needed</span>
              )}
            </div>
            <button
              type="button"
              className="icon-btn"
              aria-label={`Remove condition ${n}`}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        );
      })}
      <button type="button" className="btn btn-small" onClick={() => onChange([...rows, newConditionRow()])}>
        Add condition
      </button>
    </fieldset>
  );
}
