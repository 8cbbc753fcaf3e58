import type { RouteWarning } from '../../../../shared/models';
import { useState } from 'react';
import type { Mock } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate } from '../../app/query';
import { mockKeys } from '../../app/query-keys';
import { useAppStore } from '../../app/store';
import { useFormSave } from '../../app/use-form-save';
import { emptyMockForm, mockFormToPayload, mockToForm, validateMockForm, type MockForm } from './mock-form';

/** Form state, dirty tracking and save for one mock; a failed save leaves the form as typed. */
export function useMockForm(projectId: string, mock: Mock | null) {
  const [baseline, setBaseline] = useState<MockForm>(() => (mock ? mockToForm(mock) : emptyMockForm()));
  const [form, setForm] = useState<MockForm>(baseline);
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);

  const errors = validateMockForm(form);
  const dirty = mock === null || JSON.stringify(form) !== JSON.stringify(baseline);
  // A brand-new mock only counts as unsaved once something was typed into it.
  const guardDirty = mock === null ? JSON.stringify(form) !== JSON.stringify(emptyMockForm()) : dirty;
  const saver = useFormSave('mock', guardDirty);
  const { attempted, serverError } = saver;

  const save = (): Promise<boolean> =>
    saver.save(Object.keys(errors).length > 0, async () => {
      const payload = mockFormToPayload(form);
      const saved = mock
        ? await call('mocks.update', { id: mock.id, patch: payload })
        : await call('mocks.create', { projectId, mock: payload });
      const next = mockToForm(saved);
      setBaseline(next);
      setForm(next);
      saver.saved();
      invalidate(...mockKeys(projectId, saved.id));
      if (!mock) {
        saver.markClean();
        navigate({ mockId: saved.id });
        notify({
          kind: 'info',
          message:
            saved.kind === 'crud'
              ? `CRUD route ${saved.path} created on bucket ${saved.bucket ?? '(none)'}`
              : `Mock ${saved.method} ${saved.path} created: add its first response`,
        });
      } else {
        notify({ kind: 'info', message: 'Mock saved' });
      }
      warnShadowing(notify, saved.warnings);
    });

  const update = (p: Partial<MockForm>) => setForm((f) => ({ ...f, ...p }));
  const revert = () => {
    setForm(baseline);
    saver.reset();
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
    serverError && !serverError.field?.match(/(^|\.)(name|path|method|responseDelay|description|bucket|crudKey|kind)$/)
      ? serverError
      : null;

  return {
    form,
    update,
    save,
    revert,
    dirty,
    saving: saver.saving,
    attempted,
    problemCount: Object.keys(errors).length,
    fieldError,
    generalError,
    clearError: saver.clearError,
  };
}

/** A route two active mocks share (docs/routes.md): said until one of them is deactivated from the mock list. */
export function warnShadowing(
  notify: (t: { kind: 'info' | 'error'; message: string; hint?: string }) => void,
  warnings: readonly RouteWarning[] | undefined,
): void {
  for (const w of warnings ?? []) {
    notify({
      kind: 'error',
      message: w.message,
      hint: 'the mock list marks the shadowed mock: “Deactivate the other” there',
    });
  }
}
