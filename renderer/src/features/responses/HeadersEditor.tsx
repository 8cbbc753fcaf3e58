import { RowInput } from '../../ui/RowInput';
import { newHeaderRow, type HeaderRow, type ResponseFormErrors } from './response-form';

interface Props {
  rows: HeaderRow[];
  errors: ResponseFormErrors['headers'];
  onChange: (rows: HeaderRow[]) => void;
  contentType: string;
}

export function HeadersEditor({ rows, errors, onChange, contentType }: Props) {
  const patch = (i: number, p: Partial<HeaderRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  return (
    <fieldset className="headers">
      <legend>Headers</legend>
      <p className="muted small">
        Content-Type defaults to <code>{contentType}</code> from the mock’s response type; add it here to override. Give
        a name two rows (Set-Cookie) to send it on two lines, in this order.
      </p>
      {rows.map((row, i) => {
        const e = errors[i] ?? {};
        const n = i + 1;
        return (
          <div key={row.key} className="kv-row">
            <div className="cell">
              <RowInput
                label={`Header ${n} name`}
                error={e.name}
                placeholder="X-Request-Id"
                value={row.name}
                onChange={(ev) => patch(i, { name: ev.target.value })}
              />
            </div>
            <div className="cell">
              <RowInput
                label={`Header ${n} value`}
                error={e.value}
                placeholder="value"
                value={row.value}
                onChange={(ev) => patch(i, { value: ev.target.value })}
              />
            </div>
            <button
              type="button"
              className="icon-btn"
              aria-label={`Remove header ${n}`}
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              ×
            </button>
          </div>
        );
      })}
      <button type="button" className="btn btn-small" onClick={() => onChange([...rows, newHeaderRow()])}>
        Add header
      </button>
    </fieldset>
  );
}
