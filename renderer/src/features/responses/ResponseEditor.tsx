import { useState } from 'react';
import { CONTENT_TYPES, type MockResponse, type ResponseType } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate } from '../../app/query';
import { mockKeys } from '../../app/query-keys';
import { useSaveShortcut } from '../../app/save-event';
import { useAppStore } from '../../app/store';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { problemsSummary, useFocusFirstField, useFocusFirstInvalid } from '../../ui/focus-invalid';
import { Field } from '../../ui/Field';
import { GenerateBody } from '../ai/GenerateBody';
import { ConditionsEditor } from '../conditions/ConditionsEditor';
import { ScenarioFields } from '../scenarios/ScenarioFields';
import { BodyEditor } from './BodyEditor';
import { HeadersEditor } from './HeadersEditor';
import { headersOf } from './response-form';
import { TemplatePreview } from './TemplatePreview';
import { COMMON_STATUSES, reasonPhrase, statusLabel } from '../../ui/reason-phrases';
import { useResponseForm } from './use-response-form';

interface Props {
  projectId: string;
  mockId: string;
  /** The mock's method and path: the preview's sample request starts from them. */
  mockMethod: string;
  mockPath: string;
  response: MockResponse | null;
  responseType: ResponseType;
  isFirst: boolean;
  /** Random mode with a choice to make: elsewhere the weight decides nothing, so it is not shown. */
  weightApplies: boolean;
}

export function ResponseEditor(props: Props) {
  const { projectId, mockId, mockMethod, mockPath, response, responseType } = props;
  const r = useResponseForm(props);
  const { ref: formRef, refused } = useFocusFirstInvalid<HTMLFormElement>();
  useFocusFirstField(formRef, response === null);
  const save = () => void r.save().then((ok) => ok || refused());
  const [confirming, setConfirming] = useState(false);
  const [errorLine, setErrorLine] = useState<number | null>(null);
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  useSaveShortcut(() => {
    if (r.dirty) save();
  });
  const phrase = reasonPhrase(Number(r.form.statusCode));

  const remove = async () => {
    if (!response) return;
    setConfirming(false);
    try {
      await call('responses.delete', { mockId, id: response.id });
      invalidate(...mockKeys(projectId, mockId));
      useAppStore.getState().setDirty('response', false);
      navigate({ responseId: null });
    } catch (e) {
      const err = e as AppErrorShape;
      notify({ kind: 'error', message: err.message, hint: err.hint });
    }
  };

  return (
    <form
      ref={formRef}
      className="editor response-editor"
      aria-label={response ? `Response ${response.name}` : 'New response'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="editor-head">
        <h3>{response ? 'Response' : 'New response'}</h3>
        <div className="toolbar">
          {r.dirty && response && <span className="dirty-dot">Unsaved</span>}
          {response && r.dirty && (
            <button type="button" className="btn btn-small" onClick={r.revert}>
              Revert
            </button>
          )}
          <button type="submit" className="btn btn-small btn-primary" disabled={r.saving || !r.dirty}>
            {response ? 'Save response' : 'Create response'}
          </button>
          {response && (
            <button type="button" className="btn btn-small btn-danger-ghost" onClick={() => setConfirming(true)}>
              Delete response
            </button>
          )}
        </div>
      </div>
      <ErrorNotice error={r.serverError} onDismiss={r.clearError} />
      {r.attempted && r.problemCount > 0 && (
        <div role="alert" className="notice notice-error">
          {problemsSummary(r.problemCount)}
        </div>
      )}
      <div className="grid-4">
        <Field label="Response name" error={r.errors.name ?? r.serverFieldError('name')}>
          {(ids) => <input {...ids} value={r.form.name} onChange={(e) => r.update({ name: e.target.value })} />}
        </Field>
        <Field
          label="Status"
          error={r.errors.statusCode ?? r.serverFieldError('statusCode')}
          help={phrase ? statusLabel(Number(r.form.statusCode)) : 'Unregistered status code'}
        >
          {(ids) => (
            <>
              <input
                {...ids}
                list="status-codes"
                inputMode="numeric"
                className="mono"
                value={r.form.statusCode}
                onChange={(e) => r.update({ statusCode: e.target.value })}
              />
              <datalist id="status-codes">
                {COMMON_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {statusLabel(s)}
                  </option>
                ))}
              </datalist>
            </>
          )}
        </Field>
        {props.weightApplies && (
          <Field label="Weight" error={r.errors.weight ?? r.serverFieldError('weight')} help="Relative chance">
            {(ids) => (
              <input
                {...ids}
                inputMode="decimal"
                value={r.form.weight}
                onChange={(e) => r.update({ weight: e.target.value })}
              />
            )}
          </Field>
        )}
        <div className="field field-check">
          <label title="Answered when nothing else applies">
            <input
              type="checkbox"
              checked={r.form.isDefault}
              onChange={(e) => r.update({ isDefault: e.target.checked })}
            />{' '}
            Default response
          </label>
          <label title="Send {{…}} in the body and headers as it is, without rendering it">
            <input
              type="checkbox"
              checked={r.form.disableTemplating}
              onChange={(e) => r.update({ disableTemplating: e.target.checked })}
            />{' '}
            Disable templating
          </label>
        </div>
      </div>
      {/* The body right under name and status: in view without scrolling at 1000×650 (issue 17). */}
      <BodyEditor
        value={r.form.body}
        type={responseType}
        error={r.errors.body ?? r.serverFieldError('body')}
        warning={r.bodyWarning}
        templating={!r.form.disableTemplating}
        errorLine={errorLine}
        onChange={(body) => r.update({ body })}
      />
      {responseType === 'json' && <GenerateBody onGenerated={(body) => r.update({ body })} />}
      <TemplatePreview
        mockId={mockId}
        mockMethod={mockMethod}
        mockPath={mockPath}
        responseId={response?.id ?? null}
        body={r.form.body}
        headers={headersOf(r.form.headers)}
        disableTemplating={r.form.disableTemplating}
        responseType={responseType}
        onErrorLine={setErrorLine}
      />
      <ConditionsEditor
        rows={r.form.conditions}
        errors={r.errors.conditions}
        onChange={(conditions) => r.update({ conditions })}
        logic={r.form.conditionLogic}
        onLogicChange={(conditionLogic) => r.update({ conditionLogic })}
        showAll={r.attempted}
      />
      <ScenarioFields
        projectId={projectId}
        name={r.form.scenarioName}
        required={r.form.requiredScenarioState}
        next={r.form.newScenarioState}
        error={r.errors.scenario ?? r.serverFieldError('scenarioName')}
        onChange={(p) => r.update(p)}
      />
      <HeadersEditor
        rows={r.form.headers}
        errors={r.errors.headers}
        onChange={(headers) => r.update({ headers })}
        contentType={CONTENT_TYPES[responseType]}
      />
      {confirming && response && (
        <ConfirmDialog
          title="Delete response?"
          danger
          confirmLabel="Delete response"
          message={<p>Response “{response.name}” will be deleted.</p>}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </form>
  );
}
