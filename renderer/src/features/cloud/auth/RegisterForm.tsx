import { useState } from 'react';
import { call } from '../../../app/api';
import { Field } from '../../../ui/Field';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { registerErrors } from './auth-validation';
import { useAuthSubmit } from './use-auth-submit';

export function RegisterForm({ disabled }: { disabled: boolean }) {
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = registerErrors({ username, email, password });
  const f = useAuthSubmit<'username' | 'email' | 'password'>(errors, 'register');
  return (
    <form
      aria-label="Create account"
      className="auth-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void f.submit(() => call('auth.register', { username: username.trim(), email: email.trim(), password }));
      }}
    >
      <Field label="Username" error={f.shown('username')} help="At least 3 characters; also your organization’s slug.">
        {(ids) => (
          <input
            {...ids}
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            onBlur={f.blur('username')}
          />
        )}
      </Field>
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
      <Field label="Password" error={f.shown('password')} help="At least 8 characters.">
        {(ids) => (
          <input
            {...ids}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            onBlur={f.blur('password')}
          />
        )}
      </Field>
      <CloudErrorNotice error={f.formError} onDismiss={f.clearError} />
      <button type="submit" className="btn btn-primary" disabled={disabled || f.busy}>
        {f.busy ? 'Creating account…' : 'Create account'}
      </button>
    </form>
  );
}
