import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import type { Mock } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate } from '../../app/query';
import { useAppStore } from '../../app/store';
import { emptyMockForm, mockFormToPayload, mockToForm, validateMockForm, type MockForm } from './mock-form';
import { mockKeys } from './mock-queries';

/** Form state, dirty tracking and save for one mock; a failed save leaves the form as typed. */
export function useMockForm(projectId: string, mock: Mock | null) {
  const [baseline, setBaseline] = useState<MockForm>(() => (mock ? mockToForm(mock) : emptyMockForm()));
  const [form, setForm] = useState<MockForm>(baseline);
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<AppErrorShape | null>(null);
  const [saving, setSaving] = useState(false);
  const setDirty = useAppStore((s) => s.setDirty);
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);

  const errors = validateMockForm(form);
  const dirty = mock === null || JSON.stringify(form) !== JSON.stringify(baseline);
  // A brand-new mock only counts as unsaved once something was typed into it.
  const guardDirty = mock === null ? JSON.stringify(form) !== JSON.stringify(emptyMockForm()) : dirty;

  useEffect(() => {
    setDirty('mock', guardDirty);
  }, [guardDirty, setDirty]);
  useEffect(() => () => setDirty('mock', false), [setDirty]);

  const save = async (): Promise<boolean> => {
    setAttempted(true);
    if (Object.keys(errors).length > 0) return false;
    if (saving) return true;
    setSaving(true);
    setServerError(null);
    try {
      const payload = mockFormToPayload(form);
      const saved = mock
        ? await call('mocks.update', { id: mock.id, patch: payload })
        : await call('mocks.create', { projectId, mock: payload });
      const next = mockToForm(saved);
      setBaseline(next);
      setForm(next);
      setAttempted(false);
      invalidate(...mockKeys(projectId, saved.id));
      if (!mock) {
        setDirty('mock', false);
        navigate({ mockId: saved.id });
        notify({ kind: 'info', message: `Mock ${saved.method} ${saved.path} created: add its first response` });
      } else {
        notify({ kind: 'info', message: 'Mock saved' });
      }
    } catch (e) {
      setServerError(e as AppErrorShape);
    } finally {
      setSaving(false);
    }
    return true;
  };

  const update = (p: Partial<MockForm>) => setForm((f) => ({ ...f, ...p }));
  const revert = () => {
    setForm(baseline);
    setAttempted(false);
    setServerError(null);
  };

  /** Shown errors: the path live as typed, the rest once a save was tried, plus the core's own. */
  const fieldError = (field: keyof MockForm): string | undefined => {
    if (
      serverError?.field === field ||
      serverError?.field === `mock.${field}` ||
      serverError?.field === `patch.${field}`
    )
      return serverError.message;
    if (field === 'path' || attempted) return errors[field];
    return undefined;
  };
  const generalError =
    serverError && !serverError.field?.match(/(^|\.)(name|path|method|responseDelay|description)$/)
      ? serverError
      : null;

  return {
    form,
    update,
    save,
    revert,
    dirty,
    saving,
    attempted,
    problemCount: Object.keys(errors).length,
    fieldError,
    generalError,
    clearError: () => setServerError(null),
  };
}
