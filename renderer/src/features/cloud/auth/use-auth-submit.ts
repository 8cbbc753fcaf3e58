import { useState } from 'react';
import type { CloudAuthState } from '../../../../../shared/ipc/cloud';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { invalidate } from '../../../app/query';
import { qk } from '../../../app/query-keys';
import { explainAuthError } from './auth-validation';

/**
 * Submit state shared by the sign-in and sign-up forms: errors appear once a field was left
 * or a submit was tried (not while the first characters are typed), and a form with errors
 * is never sent.
 */
export function useAuthSubmit<K extends string>(errors: Partial<Record<K, string>>, form: 'login' | 'register') {
  const [touched, setTouched] = useState<Partial<Record<K, boolean>>>({});
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const shown = (k: K): string | undefined =>
    tried || touched[k] ? (errors[k] ?? (error?.field === k ? error.message : undefined)) : undefined;
  const blur = (k: K) => () => setTouched((t) => ({ ...t, [k]: true }));

  const submit = async (send: () => Promise<CloudAuthState>): Promise<void> => {
    setTried(true);
    if (Object.values(errors).some(Boolean)) return;
    setBusy(true);
    setError(null);
    try {
      await send();
      invalidate(qk.cloud.all);
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };
  /** The server's answer when it is not about one of this form's fields. */
  const formError = error && !(error.field && error.field in errors) ? explainAuthError(error, form) : null;
  return { shown, blur, submit, busy, formError, clearError: () => setError(null) };
}
