import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MarketPublishPreviewView } from '../../../../shared/ipc/marketplace';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { packageNameSchema, packageVersionSchema } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate } from '../../app/query';
import { qk } from '../../app/query-keys';
import { useAppStore } from '../../app/store';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { useCloudStatus, useOrgs } from '../cloud/cloud-queries';
import { useProject } from '../projects/project-queries';
import { formatBytes } from './format';
import { explainPublishError, type PublishErrorView } from './publish-errors';

type Kind = 'scenario' | 'template';
interface Form {
  kind: Kind;
  name: string;
  version: string;
  description: string;
  category: string;
}
type Problems = Partial<Record<'name' | 'version', string>>;

function problemsOf(f: Form): Problems {
  const out: Problems = {};
  const n = packageNameSchema.safeParse(f.name.trim());
  if (!n.success) out.name = n.error.issues[0]?.message ?? 'invalid name';
  const v = packageVersionSchema.safeParse(f.version.trim());
  if (!v.success) out.version = v.error.issues[0]?.message ?? 'invalid version';
  return out;
}

/** The open "Publish to marketplace" dialog of the project the slice names, if any. */
export function PublishDialogHost() {
  const projectId = useAppStore((s) => s.publishProjectId);
  const setPublishProject = useAppStore((s) => s.setPublishProject);
  if (!projectId) return null;
  return <PublishDialog key={projectId} projectId={projectId} onClose={() => setPublishProject(null)} />;
}

/**
 * Publish a project as a scenario or template: preview first (market.previewPublish shows
 * exactly the manifest and project file that will be sent, secrets masked), then publish.
 * Editing the form drops the preview, so what is published is always what was shown.
 */
function PublishDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { data: project } = useProject(projectId);
  const { data: status } = useCloudStatus();
  const { data: orgs } = useOrgs(Boolean(status?.signedIn));
  const { openCloud, openMarket, notify } = useAppStore(
    useShallow((s) => ({ openCloud: s.openCloud, openMarket: s.openMarket, notify: s.notify })),
  );
  const [form, setForm] = useState<Form | null>(null);
  const [shown, setShown] = useState<Problems>({});
  const [preview, setPreview] = useState<MarketPublishPreviewView | null>(null);
  const [failure, setFailure] = useState<PublishErrorView | null>(null);
  const [busy, setBusy] = useState<'preview' | 'publish' | null>(null);
  const [published, setPublished] = useState<{ name: string; version: string } | null>(null);

  const f: Form | null =
    form ??
    (project
      ? { kind: 'scenario', name: project.slug, version: '1.0.0', description: project.description ?? '', category: '' }
      : null);
  const org = orgs?.find((o) => o.selected);
  const update = (patch: Partial<Form>) => {
    if (!f) return;
    setForm({ ...f, ...patch });
    setPreview(null);
    setFailure(null);
  };
  const input = (x: Form) => ({
    project: projectId,
    kind: x.kind,
    version: x.version.trim(),
    name: x.name.trim(),
    ...(x.description.trim() ? { description: x.description.trim() } : {}),
    ...(x.category.trim() ? { category: x.category.trim() } : {}),
  });
  const fail = (e: unknown, x: Form) => setFailure(explainPublishError(e as AppErrorShape, x.kind));

  const doPreview = async () => {
    if (!f) return;
    const p = problemsOf(f);
    setShown(p);
    if (Object.keys(p).length > 0) return;
    setBusy('preview');
    setFailure(null);
    try {
      setPreview(await call('market.previewPublish', input(f)));
    } catch (e) {
      fail(e, f);
    } finally {
      setBusy(null);
    }
  };
  const doPublish = async () => {
    if (!f || !preview) return;
    setBusy('publish');
    setFailure(null);
    try {
      const r = await call('market.publish', input(f));
      setPublished({ name: r.name, version: r.version });
      invalidate(qk.market.all);
      notify({ kind: 'info', message: `Published ${r.name} ${r.version}` });
    } catch (e) {
      fail(e, f);
    } finally {
      setBusy(null);
    }
  };
  const fieldError = (k: 'name' | 'version' | 'description' | 'category') =>
    (k === 'name' || k === 'version' ? shown[k] : undefined) ?? (failure?.field === k ? failure.message : undefined);
  const plural = f?.kind === 'template' ? 'templates' : 'scenarios';

  return (
    <Dialog
      title="Publish to the marketplace"
      onClose={onClose}
      className="market-publish-dialog"
      footer={
        published ? (
          <>
            <button type="button" className="btn" onClick={onClose}>
              Close
            </button>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                onClose();
                openMarket(plural, { kind: plural, name: published.name });
              }}
            >
              Show in the marketplace
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="btn" disabled={!f || busy !== null} onClick={() => void doPreview()}>
              {busy === 'preview' ? 'Preparing…' : preview ? 'Preview again' : 'Preview'}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={!preview || busy !== null || !status?.signedIn}
              title={preview ? undefined : 'Preview first: you publish what you have seen'}
              onClick={() => void doPublish()}
            >
              {busy === 'publish' ? 'Publishing…' : 'Publish'}
            </button>
          </>
        )
      }
    >
      {!f && <div className="loading">Loading the project…</div>}
      {published && (
        <p role="status" className="market-result">
          Published {f?.kind} <strong>{published.name}</strong> {published.version}
          {org ? ` in ${org.name}` : ''}.
        </p>
      )}
      {f && !published && (
        <>
          {status && !status.signedIn ? (
            <p className="market-signin" role="note">
              Publishing needs sign-in: you can preview now, then{' '}
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  onClose();
                  openCloud('account');
                }}
              >
                Sign in…
              </button>
            </p>
          ) : (
            org && <p className="muted">Publishes in the organization {org.name} (change it in the Cloud screens).</p>
          )}
          <fieldset className="market-kind">
            <legend>Publish as</legend>
            {(['scenario', 'template'] as const).map((k) => (
              <label key={k}>
                <input
                  type="radio"
                  name="market-publish-kind"
                  checked={f.kind === k}
                  onChange={() => update({ kind: k })}
                />{' '}
                {k === 'scenario' ? 'Scenario' : 'Template'}
              </label>
            ))}
          </fieldset>
          <div className="market-publish-grid">
            <Field label="Name" error={fieldError('name')} help="Letters, digits, “.”, “_” and “-”.">
              {(ids) => <input {...ids} value={f.name} onChange={(e) => update({ name: e.target.value })} />}
            </Field>
            <Field label="Version" error={fieldError('version')} help="Semantic, e.g. 1.0.0.">
              {(ids) => <input {...ids} value={f.version} onChange={(e) => update({ version: e.target.value })} />}
            </Field>
            <Field label="Category" error={fieldError('category')} help="Optional, e.g. ecommerce.">
              {(ids) => <input {...ids} value={f.category} onChange={(e) => update({ category: e.target.value })} />}
            </Field>
          </div>
          <Field label="Description" error={fieldError('description')}>
            {(ids) => (
              <textarea
                {...ids}
                rows={2}
                value={f.description}
                onChange={(e) => update({ description: e.target.value })}
              />
            )}
          </Field>
          {failure && (
            <div role="alert" className="notice notice-error">
              <div>
                {failure.field === null && <strong className="notice-message">{failure.message}</strong>}
                <div className="notice-hint">{failure.hint}</div>
                {failure.signIn && (
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => {
                      onClose();
                      openCloud('account');
                    }}
                  >
                    Sign in…
                  </button>
                )}
              </div>
            </div>
          )}
          {preview && <PublishPreview preview={preview} />}
        </>
      )}
    </Dialog>
  );
}

function PublishPreview({ preview }: { preview: MarketPublishPreviewView }) {
  return (
    <section className="market-preview" aria-label="What will be sent">
      <h3>What will be sent</h3>
      <dl className="market-facts">
        <dt>Package</dt>
        <dd>
          {preview.kind} <code>{preview.manifest.name}</code> {preview.manifest.version} · {preview.mocks}{' '}
          {preview.mocks === 1 ? 'mock' : 'mocks'} · {formatBytes(preview.size)} tar.gz
        </dd>
        <dt>Category</dt>
        <dd>{preview.category}</dd>
        <dt>SHA-256</dt>
        <dd>
          <code className="market-hash">{preview.sha256}</code>
        </dd>
        <dt>Secrets</dt>
        <dd>
          {preview.removedSecrets === 0
            ? 'none found'
            : `${preview.removedSecrets} ${preview.removedSecrets === 1 ? 'value' : 'values'} that look like credentials masked`}
        </dd>
      </dl>
      <details>
        <summary>manifest.json</summary>
        <pre className="market-json">{JSON.stringify(preview.manifest, null, 2)}</pre>
      </details>
      <details>
        <summary>project.json ({preview.projectFileJson.length.toLocaleString()} characters)</summary>
        <pre className="market-json" data-testid="publish-project-json">
          {preview.projectFileJson}
        </pre>
      </details>
    </section>
  );
}
