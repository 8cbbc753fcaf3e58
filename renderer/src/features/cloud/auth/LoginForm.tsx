import { useState } from 'react';
import { call } from '../../../app/api';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { AuthField } from './AuthField';
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
      <AuthField
        form={f}
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
      />
      <AuthField
        form={f}
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
      />
      <CloudErrorNotice error={f.formError} onDismiss={f.clearError} />
      <button type="submit" className="btn btn-primary" disabled={disabled || f.busy}>
        {f.busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
