import { useId, type ReactElement, type ReactNode } from 'react';
import { sentence } from './ErrorNotice';

interface FieldProps {
  label: string;
  error?: string | undefined;
  help?: ReactNode;
  /** Receives the ids the control must carry so label, help and error are announced. */
  children: (ids: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactElement;
  className?: string;
}

/** Label, control, help and the field's own error right under it. */
export function Field({ label, error, help, children, className }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const describedBy = [error ? errorId : null, help ? helpId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {error && (
        <div id={errorId} className="field-error" role="alert">
          {sentence(error)}
        </div>
      )}
      {help && !error && (
        <div id={helpId} className="field-help">
          {help}
        </div>
      )}
    </div>
  );
}
