import type { ReactNode } from 'react';
import { Field } from '../../../ui/Field';

interface AuthFieldProps<K extends string> {
  /** The form's submit state from useAuthSubmit: when this field's error shows, and leaving it. */
  form: { shown: (k: K) => string | undefined; blur: (k: K) => () => void };
  name: K;
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: string;
  type?: 'email' | 'password';
  help?: ReactNode;
}

/** One text field of the sign-in and sign-up forms, its error shown as useAuthSubmit decides. */
export function AuthField<K extends string>({
  form,
  name,
  label,
  value,
  onChange,
  autoComplete,
  type,
  help,
}: AuthFieldProps<K>) {
  return (
    <Field label={label} error={form.shown(name)} help={help}>
      {(ids) => (
        <input
          {...ids}
          type={type}
          autoComplete={autoComplete}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={form.blur(name)}
        />
      )}
    </Field>
  );
}
