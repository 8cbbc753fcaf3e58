import { useEffect, useRef, useState } from 'react';
import { CONDITION_TYPES, type ConditionLogic } from '../../../../shared/models';
import {
  FIELD_PLACEHOLDER,
  needsField,
  needsValue,
  newConditionRow,
  OPERATOR_LABELS,
  OPERATORS,
  takesFlags,
  TYPE_LABELS,
  valuePlaceholder,
  type ConditionRow,
  type ConditionRowErrors,
} from './condition-form';
import { sentence } from '../../ui/ErrorNotice';
import { RowInput } from '../../ui/RowInput';

interface Props {
  rows: ConditionRow[];
  errors: Record<number, ConditionRowErrors>;
  onChange: (rows: ConditionRow[]) => void;
  /** All conditions must hold ('and', the default) or any one ('or'). */
  logic: ConditionLogic;
  onLogicChange: (logic: ConditionLogic) => void;
  /** A save was tried: every error shows, touched or not. */
  showAll?: boolean;
}

/** The response's conditions (docs/rules.md); errors show under the offending cell. */
export function ConditionsEditor({ rows, errors, onChange, logic, onLogicChange, showAll = false }: Props) {
  const patch = (i: number, p: Partial<ConditionRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  // "Add condition" puts the cursor in the new row's source, so the keyboard flow goes on there.
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    fieldsetRef.current?.querySelector<HTMLElement>(`[data-row-key="${focusRow.current}"] select`)?.focus();
    focusRow.current = null;
  }, [rows]);
  // A cell's error shows once the user left it (blur) or tried to save: never before typing.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const touch = (key: number, cell: string) =>
    setTouched((t) => (t.has(`${key}:${cell}`) ? t : new Set(t).add(`${key}:${cell}`)));
  const add = () => {
    const row = newConditionRow();
    onChange([...rows, row]);
    focusRow.current = row.key;
  };
  return (
    <fieldset className="conditions" ref={fieldsetRef}>
      <legend>Conditions</legend>
      {rows.length === 0 ? (
        <p className="muted small">
          No conditions: this response is a fallback, picked when no conditional response matches. Add one to answer,
          say, only requests with header <code>x-role</code> equal to <code>admin</code>.
        </p>
      ) : (
        <div className="conditions-logic">
          <label className="muted small" htmlFor="condition-logic">
            Pick this response when
          </label>
          <select
            id="condition-logic"
            aria-label="Condition logic"
            value={logic}
            onChange={(e) => onLogicChange(e.target.value as ConditionLogic)}
          >
            <option value="and">all conditions hold (AND)</option>
            <option value="or">any condition holds (OR)</option>
          </select>
        </div>
      )}
      {rows.map((row, i) => {
        const all = errors[i] ?? {};
        const seen = (cell: 'field' | 'value' | 'flags') => showAll || touched.has(`${row.key}:${cell}`);
        const e = {
          field: seen('field') ? all.field : undefined,
          value: seen('value') ? all.value : undefined,
          flags: seen('flags') ? all.flags : undefined,
        };
        const n = i + 1;
        return (
          <div key={row.key} className="condition-row" data-testid={`condition-row-${n}`} data-row-key={row.key}>
            <label
              className="condition-invert"
              title="Invert: the response is picked when this condition does NOT hold"
            >
              <input
                type="checkbox"
                aria-label={`Condition ${n} invert`}
                checked={row.invert}
                onChange={(ev) => patch(i, { invert: ev.target.checked })}
              />
              not
            </label>
            <select
              aria-label={`Condition ${n} source`}
              value={row.type}
              onChange={(ev) => patch(i, { type: ev.target.value as ConditionRow['type'] })}
            >
              {CONDITION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TYPE_LABELS[t]}
                </option>
              ))}
            </select>
            <div className="cell">
              {needsField(row.type) ? (
                <RowInput
                  label={`Condition ${n} field`}
                  error={e.field}
                  placeholder={FIELD_PLACEHOLDER[row.type]}
                  value={row.field}
                  onChange={(ev) => patch(i, { field: ev.target.value })}
                  onBlur={() => touch(row.key, 'field')}
                />
              ) : (
                <span className="muted small">no field</span>
              )}
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
                <>
                  <div className="value-with-flags">
                    <input
                      aria-label={`Condition ${n} value`}
                      aria-invalid={Boolean(e.value)}
                      className="mono"
                      placeholder={valuePlaceholder(row.operator, row.type)}
                      value={row.value}
                      onChange={(ev) => patch(i, { value: ev.target.value })}
                      onBlur={() => touch(row.key, 'value')}
                    />
                    {takesFlags(row.operator) && (
                      <input
                        aria-label={`Condition ${n} regex flags`}
                        aria-invalid={Boolean(e.flags)}
                        className="mono flags-input"
                        placeholder="ims"
                        title="Regex flags: i (ignore case), m (^ and $ at line breaks), s (. matches newlines)"
                        value={row.flags}
                        onChange={(ev) => patch(i, { flags: ev.target.value })}
                        onBlur={() => touch(row.key, 'flags')}
                      />
                    )}
                  </div>
                  {(e.value ?? e.flags) && (
                    <div className="field-error" role="alert">
                      {sentence((e.value ?? e.flags)!)}
                    </div>
                  )}
                </>
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
      <button type="button" className="btn btn-small" onClick={add}>
        Add condition
      </button>
    </fieldset>
  );
}
