import { useState } from 'react';
import { call } from '../../../app/api';
import { Field } from '../../../ui/Field';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { loginErrors } from './auth-validation';
import { useAuthSubmit } from './use-auth-submit';

export function LoginForm({ disabled }: { disabled: boolean }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = loginErrors({ email, password });
  const f = useAuthSubmit<'email' | 'password'>(errors, 'login');
  return (
    <form
      aria-label="Sign in"
      className="auth-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void f.submit(() => call('auth.login', { email: email.trim(), password }));
      }}
    >
      <Field label="Email" error={f.shown('email')}>
        {(ids) => (
          <input
            {...ids}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            onBlur={f.blur('email')}
          />
        )}
      </Field>
      <Field label="Password" error={f.shown('password')}>
        {(ids) => (
          <input
            {...ids}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            onBlur={f.blur('password')}
          />
        )}
      </Field>
      <CloudErrorNotice error={f.formError} onDismiss={f.clearError} />
      <button type="submit" className="btn btn-primary" disabled={disabled || f.busy}>
        {f.busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
