import type { AppErrorShape } from '../../../../../shared/ipc/result';

/**
 * The cloud's own rules for sign-up and sign-in (username ≥ 3, a valid email, password ≥ 8),
 * checked as the user types so a form never round-trips just to be told a field is short.
 */
export interface RegisterInput {
  username: string;
  email: string;
  password: string;
}
export type FieldErrors<K extends string> = Partial<Record<K, string>>;

// Deliberately close to zod's email check that the core applies: one @, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function emailError(email: string): string | undefined {
  const e = email.trim();
  if (!e) return 'Email is required';
  if (e.length > 320 || !EMAIL.test(e)) return 'Enter a valid email address, like you@example.com';
  return undefined;
}

export function registerErrors(v: RegisterInput): FieldErrors<keyof RegisterInput> {
  const errors: FieldErrors<keyof RegisterInput> = {};
  const username = v.username.trim();
  if (username.length < 3) errors.username = 'Username needs at least 3 characters';
  else if (username.length > 64) errors.username = 'Username can have at most 64 characters';
  const email = emailError(v.email);
  if (email) errors.email = email;
  if (v.password.length < 8) errors.password = 'Password needs at least 8 characters';
  else if (v.password.length > 1024) errors.password = 'Password can have at most 1024 characters';
  return errors;
}

export function loginErrors(v: { email: string; password: string }): FieldErrors<'email' | 'password'> {
  const errors: FieldErrors<'email' | 'password'> = {};
  const email = emailError(v.email);
  if (email) errors.email = email;
  if (!v.password) errors.password = 'Password is required';
  return errors;
}

/** http(s) only, no credentials, query or fragment: the same rule the core enforces. */
export function cloudUrlError(url: string): string | undefined {
  const t = url.trim();
  if (!t) return 'Cloud URL is required';
  let u: URL;
  try {
    u = new URL(t);
  } catch {
    return 'Enter a full URL, e.g. https://api.mockforge.dev';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'The cloud URL must start with https:// (or http://)';
  if (u.username || u.password) return 'The cloud URL must not contain a user name or password';
  if (u.search || u.hash) return 'The cloud URL must not contain ? or #';
  return undefined;
}

/**
 * The core's sign-in errors are written for every client (CLI included); on the sign-in form
 * they can say more: how the lockout works and when it ends, in the user's own clock.
 */
export function explainAuthError(e: AppErrorShape, form: 'login' | 'register'): AppErrorShape {
  if (/locked/i.test(e.message)) {
    const iso = /(\d{4}-\d{2}-\d{2}T[\d:.]+Z)/.exec(`${e.message} ${e.hint ?? ''}`)?.[1];
    const when = iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : null;
    return {
      ...e,
      message: 'Sign-in is locked after too many failed attempts',
      hint: `To protect the account, the cloud blocks sign-in after 5 wrong passwords in 15 minutes. ${
        when ? `Try again after ${when}` : 'Try again in a few minutes'
      }, or sign in with GitHub or Google.`,
    };
  }
  if (form === 'login' && e.code === 'UNAUTHORIZED') {
    return {
      ...e,
      hint: 'Check the email and password (passwords are case-sensitive). After 5 wrong attempts in 15 minutes sign-in is locked for a while.',
    };
  }
  if (form === 'register' && e.code === 'CONFLICT') {
    return { ...e, hint: 'That email or username already has an account: sign in instead, or choose another.' };
  }
  return e;
}
