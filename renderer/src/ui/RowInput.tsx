import type { ChangeEvent } from 'react';
import { sentence } from './ErrorNotice';

interface RowInputProps {
  label: string;
  error: string | undefined;
  placeholder: string;
  value: string;
  onChange: (ev: ChangeEvent<HTMLInputElement>) => void;
  onBlur?: () => void;
}

/** One text cell of an editable row (headers, conditions): the input and its error right under it. */
export function RowInput({ label, error, placeholder, value, onChange, onBlur }: RowInputProps) {
  return (
    <>
      <input
        aria-label={label}
        aria-invalid={Boolean(error)}
        className="mono"
        placeholder={placeholder}
        value={value}
        onChange={onChange}
        onBlur={onBlur}
      />
      {error && (
        <div className="field-error" role="alert">
          {sentence(error)}
        </div>
      )}
    </>
  );
}
