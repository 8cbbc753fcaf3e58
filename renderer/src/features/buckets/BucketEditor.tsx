import { useState } from 'react';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import type { DataBucket } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate } from '../../app/query';
import { bucketKeys } from '../../app/query-keys';
import { useSaveShortcut } from '../../app/save-event';
import { useAppStore } from '../../app/store';
import { useFormSave } from '../../app/use-form-save';
import { ConfirmDialog } from '../../ui/Dialog';
import { ErrorNotice, sentence } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { useBucket } from './bucket-queries';
import {
  bucketFormToPayload,
  bucketToForm,
  emptyBucketForm,
  formatJson,
  validateBucketForm,
  type BucketForm,
} from './bucket-form';
import { JsonEditor } from './JsonEditor';

/** Edits a bucket's name, description, templated flag and content (JSON, validated as typed); shows its current value. */
export function BucketEditor({
  projectId,
  bucket,
  onSaved,
}: {
  projectId: string;
  bucket: DataBucket | null;
  onSaved: (id: string | null) => void;
}) {
  const notify = useAppStore((s) => s.notify);
  const [baseline, setBaseline] = useState<BucketForm>(() => (bucket ? bucketToForm(bucket) : emptyBucketForm()));
  const [form, setForm] = useState<BucketForm>(baseline);
  const [confirming, setConfirming] = useState(false);
  const [actionError, setActionError] = useState<AppErrorShape | null>(null);
  const errors = validateBucketForm(form);
  const dirty = bucket === null || JSON.stringify(form) !== JSON.stringify(baseline);
  const saver = useFormSave(
    'bucket',
    bucket === null ? JSON.stringify(form) !== JSON.stringify(emptyBucketForm()) : dirty,
  );
  const update = (p: Partial<BucketForm>) => setForm((f) => ({ ...f, ...p }));

  const save = () =>
    void saver.save(Object.keys(errors).length > 0, async () => {
      const payload = bucketFormToPayload(form);
      const saved = bucket
        ? await call('buckets.update', { id: bucket.id, patch: payload })
        : await call('buckets.create', { projectId, bucket: payload });
      const next = bucketToForm(saved);
      setBaseline(next);
      setForm(next);
      saver.saved();
      invalidate(...bucketKeys(projectId, saved.id));
      if (!bucket) {
        saver.markClean();
        onSaved(saved.id);
      }
      notify({ kind: 'info', message: bucket ? 'Bucket saved' : `Bucket "${saved.name}" created` });
    });
  useSaveShortcut(() => {
    if (dirty) save();
  });

  const act = async (what: () => Promise<void>) => {
    setActionError(null);
    try {
      await what();
    } catch (e) {
      setActionError(e as AppErrorShape);
    }
  };
  const reset = () =>
    act(async () => {
      await call('buckets.reset', { id: bucket!.id });
      invalidate(...bucketKeys(projectId, bucket!.id));
      notify({ kind: 'info', message: `Bucket "${bucket!.name}" reset to its content` });
    });
  const remove = () =>
    act(async () => {
      setConfirming(false);
      await call('buckets.delete', { id: bucket!.id });
      invalidate(...bucketKeys(projectId, bucket!.id));
      saver.markClean();
      onSaved(null);
      notify({ kind: 'info', message: `Bucket "${bucket!.name}" deleted` });
    });

  const fieldError = (f: keyof BucketForm): string | undefined => {
    const server = saver.serverError;
    if (server?.field === f || server?.field === `bucket.${f}` || server?.field === `patch.${f}`) return server.message;
    return f === 'content' || saver.attempted ? errors[f] : undefined;
  };
  const generalError =
    saver.serverError && !saver.serverError.field?.match(/(^|\.)(name|description|content)$/)
      ? saver.serverError
      : actionError;

  return (
    <form
      className="editor bucket-editor"
      aria-label={bucket ? `Bucket ${bucket.name}` : 'New bucket'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="editor-head">
        <h2>{bucket ? 'Data bucket' : 'New data bucket'}</h2>
        <div className="toolbar">
          {dirty && bucket && (
            <span className="dirty-dot" title="Unsaved changes">
              Unsaved
            </span>
          )}
          <button
            type="submit"
            className="btn btn-small btn-primary"
            disabled={saver.saving || (!dirty && bucket !== null)}
          >
            {bucket ? 'Save bucket' : 'Create bucket'}
          </button>
          {bucket && (
            <>
              <button type="button" className="btn btn-small" onClick={() => void reset()}>
                Reset value
              </button>
              <button type="button" className="btn btn-small btn-danger-ghost" onClick={() => setConfirming(true)}>
                Delete bucket
              </button>
            </>
          )}
        </div>
      </div>
      <ErrorNotice error={generalError} onDismiss={() => (actionError ? setActionError(null) : saver.clearError())} />
      <div className="grid-2">
        <Field
          label="Name"
          error={fieldError('name')}
          help={
            <>
              CRUD routes choose it by name; templates read it as <code>{`{{data '${form.name || 'users'}'}}`}</code>
            </>
          }
        >
          {(ids) => (
            <input {...ids} value={form.name} placeholder="users" onChange={(e) => update({ name: e.target.value })} />
          )}
        </Field>
        <Field label="Description" error={fieldError('description')}>
          {(ids) => (
            <input
              {...ids}
              value={form.description}
              placeholder="What the bucket holds"
              onChange={(e) => update({ description: e.target.value })}
            />
          )}
        </Field>
      </div>
      <div className="body-head">
        <span className="label">Initial content (JSON)</span>
        <label className="bucket-templated">
          <input type="checkbox" checked={form.templated} onChange={(e) => update({ templated: e.target.checked })} />{' '}
          Templated (rendered when the project starts)
        </label>
        <button
          type="button"
          className="btn btn-small"
          disabled={errors.content !== undefined}
          onClick={() => update({ content: formatJson(form.content) })}
        >
          Format JSON
        </button>
      </div>
      <JsonEditor
        value={form.content}
        label="Bucket content"
        height="170px"
        invalid={fieldError('content') !== undefined}
        onChange={(content) => update({ content })}
      />
      {fieldError('content') ? (
        <div className="field-error" role="alert">
          {sentence(fieldError('content')!)}
        </div>
      ) : (
        <div className="field-help">Saving a new content also resets the current value to it.</div>
      )}
      {bucket && <CurrentValue bucketId={bucket.id} />}
      {confirming && bucket && (
        <ConfirmDialog
          title="Delete bucket?"
          danger
          confirmLabel="Delete bucket"
          message={
            <p>
              <code>{bucket.name}</code> and its current value will be deleted. CRUD routes on it will answer 404.
            </p>
          }
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </form>
  );
}

/** The value requests have made; refreshed at most once a second while requests arrive (live-events). */
function CurrentValue({ bucketId }: { bucketId: string }) {
  const { data, error, refetch } = useBucket(bucketId);
  return (
    <section className="bucket-value" aria-label="Current value">
      <div className="body-head">
        <span className="label">
          Current value
          {data && (
            <span className="muted">
              {' '}
              ·{' '}
              {data.valueUpdatedAt
                ? `changed by requests, ${new Date(data.valueUpdatedAt).toLocaleString()}`
                : 'its content'}
            </span>
          )}
        </span>
        <button type="button" className="btn btn-small" onClick={refetch}>
          Refresh
        </button>
      </div>
      <ErrorNotice error={error} />
      {data && <JsonEditor value={formatJson(data.value)} label="Bucket current value" height="150px" readOnly />}
    </section>
  );
}
