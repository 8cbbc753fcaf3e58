import { useState } from 'react';
import { call } from '../../../app/api';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { AuthField } from './AuthField';
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
      <AuthField
        form={f}
        name="username"
        label="Username"
        autoComplete="username"
        help="At least 3 characters; also your organization’s slug."
        value={username}
        onChange={setUsername}
      />
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
        autoComplete="new-password"
        help="At least 8 characters."
        value={password}
        onChange={setPassword}
      />
      <CloudErrorNotice error={f.formError} onDismiss={f.clearError} />
      <button type="submit" className="btn btn-primary" disabled={disabled || f.busy}>
        {f.busy ? 'Creating account…' : 'Create account'}
      </button>
    </form>
  );
}
