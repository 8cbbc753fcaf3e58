import { HTTP_METHODS, RESPONSE_MODES, RESPONSE_TYPES, type Mock } from '../../../../shared/models';
import { useSaveShortcut } from '../../app/save-event';
import { CopyButton } from '../../ui/CopyButton';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { problemsSummary, useFocusFirstField, useFocusFirstInvalid } from '../../ui/focus-invalid';
import { Field } from '../../ui/Field';
import { useBuckets } from '../buckets/bucket-queries';
import { defaultMockName, MOCK_MODE_LABELS as MODE_LABELS, pathParams } from './mock-form';
import { PluginBindings } from '../plugins/PluginBindings';
import { MockActions } from './MockActions';
import { MockSettingsHead } from './MockSettingsHead';
import type { SettingsFold } from './mock-settings-state';
import { useMockForm } from './use-mock-form';

/** What each mode does, under the select (docs/rules.md). */
const MODE_HELP = {
  random: 'Among the responses whose conditions hold, one drawn by weight.',
  sequential: 'Among the responses whose conditions hold, one after the other, in order.',
  disable_rules: 'Conditions are ignored: the default response always answers.',
  fallback: 'When no response’s conditions hold, the next mock with this route answers.',
} as const;

export function MockEditor({
  projectId,
  mock,
  baseUrl,
  fold,
}: {
  projectId: string;
  mock: Mock | null;
  baseUrl: string;
  /** Absent for a new mock: its fields are all there is to edit, so they never fold. */
  fold?: SettingsFold;
}) {
  const m = useMockForm(projectId, mock);
  const { ref: formRef, refused } = useFocusFirstInvalid<HTMLFormElement>();
  useFocusFirstField(formRef, mock === null);
  const save = () =>
    void m.save().then((ok) => {
      if (ok) return;
      // The refused field must be in view: unfold in the same render as the focus moves to it.
      fold?.setOpen(true);
      refused();
    });
  useSaveShortcut(() => {
    if (m.dirty) save();
  });
  const params = pathParams(m.form.path);
  const pathError = m.fieldError('path');
  const crud = m.form.kind === 'crud';
  const { data: buckets } = useBuckets(projectId);

  return (
    <form
      ref={formRef}
      className="editor mock-editor"
      aria-label={mock ? `Mock ${mock.method} ${mock.path}` : 'New mock'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="editor-head">
        {fold && mock ? (
          <MockSettingsHead fold={fold} projectId={projectId} mockId={mock.id} form={m.form} />
        ) : (
          <h2>{mock ? 'Mock' : 'New mock'}</h2>
        )}
        <div className="toolbar">
          {m.dirty && mock && (
            <span className="dirty-dot" title="Unsaved changes">
              Unsaved
            </span>
          )}
          {mock && m.dirty && (
            <button type="button" className="btn btn-small" onClick={m.revert}>
              Revert
            </button>
          )}
          {/* Folded and unchanged there is nothing to save: the summary gets the room. */}
          {!(fold && !fold.open && !m.dirty) && (
            <button
              type="submit"
              className="btn btn-small btn-primary"
              disabled={m.saving || (!m.dirty && mock !== null)}
              title="Save (Ctrl+S)"
            >
              {mock ? 'Save mock' : 'Create mock'}
            </button>
          )}
          {mock && <MockActions projectId={projectId} mock={mock} />}
        </div>
      </div>
      <ErrorNotice error={m.generalError} onDismiss={m.clearError} />
      {m.attempted && m.problemCount > 0 && (
        <div role="alert" className="notice notice-error">
          {problemsSummary(m.problemCount)}
        </div>
      )}
      <div id={fold ? `${fold.id}-fields` : undefined} hidden={fold ? !fold.open : undefined}>
        <div className="crud-row">
          <Field
            label="Route type"
            error={m.fieldError('kind')}
            help={crud ? 'Every method, from a data bucket' : undefined}
          >
            {(ids) => (
              <select {...ids} value={m.form.kind} onChange={(e) => m.update({ kind: e.target.value as Mock['kind'] })}>
                <option value="http">HTTP route (responses)</option>
                <option value="crud">CRUD route (data bucket)</option>
              </select>
            )}
          </Field>
          {crud && (
            <>
              <Field
                label="Data bucket"
                error={m.fieldError('bucket')}
                help={buckets && buckets.length === 0 ? 'Create one under “Data buckets” first' : undefined}
              >
                {(ids) => (
                  <select {...ids} value={m.form.bucket} onChange={(e) => m.update({ bucket: e.target.value })}>
                    <option value="">Choose a bucket…</option>
                    {m.form.bucket && !buckets?.some((b) => b.name === m.form.bucket) && (
                      <option value={m.form.bucket}>{m.form.bucket} (missing)</option>
                    )}
                    {buckets?.map((b) => (
                      <option key={b.id} value={b.name}>
                        {b.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Key field" error={m.fieldError('crudKey')} help="Finds items, e.g. id or data.id">
                {(ids) => (
                  <input
                    {...ids}
                    className="mono"
                    value={m.form.crudKey}
                    spellCheck={false}
                    onChange={(e) => m.update({ crudKey: e.target.value })}
                  />
                )}
              </Field>
            </>
          )}
        </div>
        <div className="grid-2">
          <Field label="Name" error={m.fieldError('name')}>
            {(ids) => (
              <input
                {...ids}
                value={m.form.name}
                placeholder={defaultMockName(m.form)}
                onChange={(e) => m.update({ name: e.target.value })}
              />
            )}
          </Field>
          <div className="method-path">
            <Field label="Method" error={m.fieldError('method')} className="field-method">
              {(ids) => (
                <select
                  {...ids}
                  disabled={crud}
                  title={crud ? 'A CRUD route answers every method' : undefined}
                  value={m.form.method}
                  onChange={(e) => m.update({ method: e.target.value as Mock['method'] })}
                >
                  {HTTP_METHODS.map((x) => (
                    <option key={x}>{x}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label="Path"
              error={pathError}
              className="field-path"
              help={
                <>
                  Use <code>{'{name}'}</code> for a path parameter, e.g. <code>/users/{'{id}'}</code>
                  {params.length > 0 && (
                    <>
                      {' '}
                      · parameters:{' '}
                      {params.map((p) => (
                        <code key={p}>{p}</code>
                      ))}
                    </>
                  )}
                  <div className="url-preview">
                    <span>
                      {m.form.method} {baseUrl}
                      {m.form.path}
                    </span>
                    <CopyButton
                      text={`${baseUrl}${m.form.path}`}
                      label="Copy URL of this mock"
                      visibleLabel="Copy URL"
                    />
                  </div>
                </>
              }
            >
              {(ids) => (
                <input
                  {...ids}
                  className="mono"
                  value={m.form.path}
                  spellCheck={false}
                  onChange={(e) => m.update({ path: e.target.value })}
                />
              )}
            </Field>
          </div>
        </div>
        <Field label="Description" error={m.fieldError('description')}>
          {(ids) => (
            <textarea
              {...ids}
              rows={1}
              value={m.form.description}
              placeholder="When and why clients call this"
              onChange={(e) => m.update({ description: e.target.value })}
            />
          )}
        </Field>
        <div className="grid-4">
          <Field label="Response type" error={m.fieldError('responseType')}>
            {(ids) => (
              <select
                {...ids}
                value={m.form.responseType}
                onChange={(e) => m.update({ responseType: e.target.value as Mock['responseType'] })}
              >
                {RESPONSE_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t.toUpperCase()}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Delay (ms)" error={m.fieldError('responseDelay')}>
            {(ids) => (
              <input
                {...ids}
                inputMode="numeric"
                value={m.form.responseDelay}
                onChange={(e) => m.update({ responseDelay: e.target.value })}
              />
            )}
          </Field>
          <Field label="Response mode" error={m.fieldError('responseMode')} help={MODE_HELP[m.form.responseMode]}>
            {(ids) => (
              <select
                {...ids}
                disabled={crud}
                value={m.form.responseMode}
                onChange={(e) => m.update({ responseMode: e.target.value as Mock['responseMode'] })}
              >
                {RESPONSE_MODES.map((x) => (
                  <option key={x} value={x}>
                    {MODE_LABELS[x]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="When several responses match"
            error={m.fieldError('responseSelection')}
            help={
              m.form.responseSelection === 'first'
                ? 'the first matching response in order answers (Mockoon’s rule)'
                : 'a draw by weight among the matching responses (the spec’s rule)'
            }
          >
            {(ids) => (
              <select
                {...ids}
                disabled={crud}
                value={m.form.responseSelection}
                onChange={(e) => m.update({ responseSelection: e.target.value as Mock['responseSelection'] })}
              >
                <option value="weighted">Weighted draw</option>
                <option value="first">First match wins</option>
              </select>
            )}
          </Field>
          <div className="field field-check">
            <label>
              <input
                type="checkbox"
                checked={m.form.isActive}
                onChange={(e) => m.update({ isActive: e.target.checked })}
              />{' '}
              Active
            </label>
          </div>
        </div>
        {mock && <PluginBindings projectId={projectId} mockId={mock.id} label="This mock's plugins" />}
      </div>
    </form>
  );
}
