import { useState } from 'react';
import type { MockResponse, ResponseType } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate } from '../../app/query';
import { mockKeys } from '../../app/query-keys';
import { useAppStore } from '../../app/store';
import { useFormSave } from '../../app/use-form-save';
import {
  emptyResponseForm,
  hasErrors,
  isTemplated,
  bodylessWarning,
  jsonProblem,
  responseFormKey,
  responseFormToPayload,
  responseToForm,
  validateResponseForm,
  type ResponseForm,
  type ResponseFormErrors,
} from './response-form';

const countProblems = (e: ResponseFormErrors): number =>
  [e.name, e.statusCode, e.weight, e.body].filter(Boolean).length +
  Object.values(e.headers).reduce((n, h) => n + (h.name ? 1 : 0) + (h.value ? 1 : 0), 0) +
  Object.values(e.conditions).reduce((n, c) => n + (c.field ? 1 : 0) + (c.value ? 1 : 0), 0);

interface Args {
  projectId: string;
  mockId: string;
  response: MockResponse | null;
  responseType: ResponseType;
  isFirst: boolean;
}

/** Form state, dirty tracking and save for one response; a failed save keeps the form as typed. */
export function useResponseForm({ projectId, mockId, response, responseType, isFirst }: Args) {
  const [form, setForm] = useState<ResponseForm>(() =>
    response ? responseToForm(response) : emptyResponseForm(isFirst),
  );
  const [baselineKey, setBaselineKey] = useState(() => responseFormKey(form));
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);

  const errors = validateResponseForm(form, responseType);
  const dirty = response === null || responseFormKey(form) !== baselineKey;
  const guardDirty = responseFormKey(form) !== baselineKey;
  const saver = useFormSave('response', guardDirty);
  const { attempted, serverError } = saver;

  const save = (): Promise<boolean> =>
    saver.save(hasErrors(errors), async () => {
      const payload = responseFormToPayload(form);
      const saved = response
        ? await call('responses.update', { mockId, id: response.id, patch: payload })
        : await call('responses.create', { mockId, response: payload });
      setBaselineKey(responseFormKey(form));
      saver.saved();
      invalidate(...mockKeys(projectId, mockId));
      if (!response) {
        saver.markClean();
        navigate({ responseId: saved.id });
      }
      notify({ kind: 'info', message: `Response "${saved.name}" saved` });
    });

  const update = (p: Partial<ResponseForm>) => setForm((f) => ({ ...f, ...p }));
  const revert = () => {
    setForm(response ? responseToForm(response) : emptyResponseForm(isFirst));
    saver.reset();
  };

  // Bad JSON, a bad regex or a broken header show as typed; "required"-style errors wait for a save.
  const shown = attempted
    ? errors
    : {
        ...errors,
        name: undefined,
        statusCode: form.statusCode.trim() ? errors.statusCode : undefined,
        weight: form.weight.trim() ? errors.weight : undefined,
      };
  const bodyWarning =
    bodylessWarning(form.statusCode, form.body) ??
    (responseType === 'json' && !form.disableTemplating && isTemplated(form.body) && jsonProblem(form.body)
      ? 'Templated body: it is checked as JSON once rendered (Preview), not here.'
      : undefined);
  const serverFieldError = (field: string) =>
    serverError?.field && serverError.field.split('.').includes(field) ? serverError.message : undefined;

  return {
    form,
    update,
    save,
    revert,
    dirty,
    saving: saver.saving,
    attempted,
    errors: shown,
    problemCount: countProblems(errors),
    invalid: hasErrors(errors),
    serverError,
    serverFieldError,
    bodyWarning,
    clearError: saver.clearError,
  };
}
