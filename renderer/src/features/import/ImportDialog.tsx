import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { IMPORT_FORMATS, type ImportFormat, type ImportPreview } from '../../../../shared/models';
import { call, toAppError } from '../../app/api';
import { invalidate } from '../../app/query';
import { qk } from '../../app/query-keys';
import { useAppStore } from '../../app/store';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { MethodBadge } from '../../ui/MethodBadge';
import { ACCEPTED_FILES, FORMAT_LABELS, formatBytes, readFileText, type ImportText } from './import-source';

/** Rows of the mock list drawn at once: a 10,000-mock preview stays quick to open. */
const LISTED_MOCKS = 300;

type Stage =
  | { kind: 'source' }
  | { kind: 'reading'; what: string; loaded: number; total: number | null }
  | { kind: 'preview'; doc: ImportText; preview: ImportPreview; refreshing: boolean }
  | { kind: 'importing'; doc: ImportText; mocks: number };

type FormatChoice = ImportFormat | 'auto';

/**
 * Import a document as a new project: from a file (picker or dropped on the window) or a URL
 * (downloaded by main: projects.fetchImport). Everything is read first (projects.previewImport)
 * and shown — the mocks to create, what is skipped and why, warnings — before projects.import
 * writes anything; the new project then opens.
 */
export function ImportDialog() {
  const { dialog, setImportDialog } = useAppStore(
    useShallow((s) => ({ dialog: s.importDialog, setImportDialog: s.setImportDialog })),
  );
  if (!dialog) return null;
  // A new drop while open starts over with that file.
  return <ImportFlow key={fileKey(dialog.file)} file={dialog.file} onClose={() => setImportDialog(null)} />;
}

const fileKey = (f: File | null) => (f ? `${f.name}:${f.size}:${f.lastModified}` : 'empty');

function ImportFlow({ file, onClose }: { file: File | null; onClose: () => void }) {
  const { navigate, notify } = useAppStore(useShallow((s) => ({ navigate: s.navigate, notify: s.notify })));
  const [stage, setStage] = useState<Stage>({ kind: 'source' });
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [format, setFormat] = useState<FormatChoice>('auto');
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [basePath, setBasePath] = useState<'keep' | 'drop'>('keep');
  const alive = useRef(true);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const preview = async (doc: ImportText, opts: { format: FormatChoice; basePath: 'keep' | 'drop' }) => {
    const p = await call('projects.previewImport', {
      text: doc.text,
      source: doc.source,
      format: opts.format,
      basePath: opts.basePath,
    });
    if (!alive.current) return;
    setName((n) => (n && stage.kind === 'preview' ? n : p.project.name));
    setStage({ kind: 'preview', doc, preview: p, refreshing: false });
  };

  const fail = (e: unknown, back: Stage) => {
    if (!alive.current) return;
    setError(toAppError(e));
    setStage(back);
  };

  const fromFile = async (f: File) => {
    setError(null);
    setStage({ kind: 'reading', what: f.name, loaded: 0, total: f.size });
    try {
      const doc = await readFileText(f, (loaded) => {
        if (alive.current) setStage({ kind: 'reading', what: f.name, loaded, total: f.size });
      });
      await preview(doc, { format, basePath });
    } catch (e) {
      fail(e, { kind: 'source' });
    }
  };

  const fromUrl = async () => {
    setError(null);
    setStage({ kind: 'reading', what: url.trim(), loaded: 0, total: null });
    try {
      const doc = await call('projects.fetchImport', { url });
      await preview(doc, { format, basePath });
    } catch (e) {
      fail(e, { kind: 'source' });
    }
  };

  // A file dropped on the window is read at once.
  const started = useRef(false);
  useEffect(() => {
    if (file && !started.current) {
      started.current = true;
      void fromFile(file);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the dropped file
  }, [file]);

  const reread = async (opts: { format: FormatChoice; basePath: 'keep' | 'drop' }) => {
    if (stage.kind !== 'preview') return;
    setError(null);
    setStage({ ...stage, refreshing: true });
    try {
      await preview(stage.doc, opts);
    } catch (e) {
      fail(e, { ...stage, refreshing: false });
    }
  };

  const runImport = async () => {
    if (stage.kind !== 'preview') return;
    const { doc, preview: p } = stage;
    setError(null);
    setStage({ kind: 'importing', doc, mocks: p.mocks.length });
    try {
      const result = await call('projects.import', {
        text: doc.text,
        source: doc.source,
        format: p.format,
        basePath,
        ...(name.trim() && name.trim() !== p.project.name ? { name: name.trim() } : {}),
      });
      invalidate(qk.projects.lists, qk.server);
      onClose();
      notify({
        kind: 'info',
        message: `Imported "${result.project.name}": ${result.mockCount} ${result.mockCount === 1 ? 'mock' : 'mocks'}`,
      });
      navigate({ projectId: result.project.id, view: 'mocks' });
    } catch (e) {
      fail(e, { kind: 'preview', doc, preview: p, refreshing: false });
    }
  };

  const busy = stage.kind === 'reading' || stage.kind === 'importing' || (stage.kind === 'preview' && stage.refreshing);
  const footer = (
    <>
      {stage.kind === 'preview' && (
        <button
          type="button"
          className="btn import-back"
          onClick={() => {
            setError(null);
            setStage({ kind: 'source' });
          }}
          disabled={busy}
        >
          Back
        </button>
      )}
      <button type="button" className="btn" onClick={onClose}>
        Cancel
      </button>
      {stage.kind === 'preview' && (
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void runImport()}
          disabled={busy || !name.trim() || stage.preview.mocks.length + stage.preview.buckets.length === 0}
        >
          {`Import ${stage.preview.mocks.length} ${stage.preview.mocks.length === 1 ? 'mock' : 'mocks'}`}
        </button>
      )}
    </>
  );

  return (
    <Dialog title="Import a project" onClose={onClose} footer={footer} className="import-dialog">
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
      {stage.kind === 'source' && (
        <div className="import-source">
          <p className="muted">
            An OpenAPI, Mockoon, Postman, HAR or Markdown API reference document, or a MockDeck project file, becomes a
            new project. You can also drop a file anywhere on the window.
          </p>
          <div className="import-pick">
            <button type="button" className="btn btn-primary" onClick={() => fileInput.current?.click()}>
              Choose file…
            </button>
            <input
              ref={fileInput}
              type="file"
              hidden
              aria-label="Document file"
              accept={ACCEPTED_FILES}
              onChange={(e) => {
                const f = e.target.files?.[0];
                e.target.value = '';
                if (f) void fromFile(f);
              }}
            />
          </div>
          <form
            className="import-url"
            onSubmit={(e) => {
              e.preventDefault();
              if (url.trim()) void fromUrl();
            }}
          >
            <Field label="Or download it from a URL" help="http or https, at most 64 MB; MockDeck sends no credentials">
              {(ids) => (
                <input
                  {...ids}
                  type="url"
                  value={url}
                  placeholder="https://example.com/openapi.yaml"
                  onChange={(e) => setUrl(e.target.value)}
                />
              )}
            </Field>
            <button type="submit" className="btn" disabled={!url.trim()}>
              Download
            </button>
          </form>
          <FormatSelect value={format} onChange={setFormat} />
        </div>
      )}
      {stage.kind === 'reading' && (
        <Progress
          label={stage.total === null ? `Downloading ${stage.what}…` : `Reading ${stage.what}…`}
          detail={stage.total === null ? undefined : `${formatBytes(stage.loaded)} of ${formatBytes(stage.total)}`}
          value={stage.total ? stage.loaded / stage.total : undefined}
        />
      )}
      {stage.kind === 'importing' && (
        <Progress
          label={`Importing ${stage.mocks} ${stage.mocks === 1 ? 'mock' : 'mocks'}…`}
          detail={`${stage.doc.source}, ${formatBytes(stage.doc.bytes)}`}
        />
      )}
      {stage.kind === 'preview' && (
        <PreviewPane
          preview={stage.preview}
          doc={stage.doc}
          name={name}
          onName={setName}
          basePath={basePath}
          onBasePath={(b) => {
            setBasePath(b);
            void reread({ format, basePath: b });
          }}
          format={format}
          onFormat={(f) => {
            setFormat(f);
            void reread({ format: f, basePath });
          }}
          refreshing={stage.refreshing}
        />
      )}
    </Dialog>
  );
}

function FormatSelect({ value, onChange }: { value: FormatChoice; onChange: (f: FormatChoice) => void }) {
  return (
    <Field label="Format" help="Detected from the content; choose one when detection is wrong">
      {(ids) => (
        <select {...ids} value={value} onChange={(e) => onChange(e.target.value as FormatChoice)}>
          <option value="auto">Detect automatically</option>
          {IMPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function Progress({ label, detail, value }: { label: string; detail?: string; value?: number }) {
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <div>{label}</div>
      <progress aria-label={label} {...(value === undefined ? {} : { value, max: 1 })} />
      {detail && <div className="muted">{detail}</div>}
    </div>
  );
}

interface PreviewProps {
  preview: ImportPreview;
  doc: ImportText;
  name: string;
  onName: (n: string) => void;
  basePath: 'keep' | 'drop';
  onBasePath: (b: 'keep' | 'drop') => void;
  format: FormatChoice;
  onFormat: (f: FormatChoice) => void;
  refreshing: boolean;
}

function PreviewPane({ preview, doc, name, onName, basePath, onBasePath, format, onFormat, refreshing }: PreviewProps) {
  const { report, mocks } = preview;
  const declared = report.basePath?.path;
  return (
    <div className="import-preview" aria-busy={refreshing}>
      <p className="import-summary" data-testid="import-summary">
        <strong>{FORMAT_LABELS[preview.format]}</strong>
        <span className="muted">
          {' '}
          · {doc.source} · {report.created.mocks} {report.created.mocks === 1 ? 'mock' : 'mocks'},{' '}
          {report.created.responses} {report.created.responses === 1 ? 'response' : 'responses'}
          {report.created.buckets > 0 && `, ${report.created.buckets} data buckets`}
        </span>
      </p>
      <div className="import-settings">
        <Field label="Project name" error={name.trim() ? undefined : 'the project needs a name'}>
          {(ids) => <input {...ids} value={name} onChange={(e) => onName(e.target.value)} />}
        </Field>
        <FormatSelect value={format} onChange={onFormat} />
      </div>
      {declared && (
        <fieldset className="import-base">
          <legend>Base path {declared}</legend>
          <label className="proxy-mode">
            <input
              type="radio"
              name="import-base"
              checked={basePath === 'keep'}
              disabled={refreshing}
              onChange={() => onBasePath('keep')}
            />
            <span>
              Keep it: mocks answer at <code>{declared}/…</code>, where the real API does
            </span>
          </label>
          <label className="proxy-mode">
            <input
              type="radio"
              name="import-base"
              checked={basePath === 'drop'}
              disabled={refreshing}
              onChange={() => onBasePath('drop')}
            />
            <span>Drop it: paths as the document writes them</span>
          </label>
        </fieldset>
      )}
      <section aria-label="Mocks to create" className="import-section">
        <h3>Mocks to create ({mocks.length})</h3>
        {mocks.length === 0 ? (
          <p className="muted">The document describes no endpoint MockDeck can create.</p>
        ) : (
          <ul className="import-mocks">
            {mocks.slice(0, LISTED_MOCKS).map((m, i) => (
              <li key={i}>
                <MethodBadge method={m.method} />
                <span className="import-path">{m.path}</span>
                <span className="import-name muted">{m.name.startsWith(`${m.method} `) ? '' : m.name}</span>
                <span className="import-statuses muted">{m.statuses.join(' · ')}</span>
              </li>
            ))}
            {mocks.length > LISTED_MOCKS && <li className="muted">…and {mocks.length - LISTED_MOCKS} more</li>}
          </ul>
        )}
      </section>
      {report.skipped.length > 0 && (
        <section aria-label="Skipped" className="import-section">
          <h3>Skipped ({report.skipped.length})</h3>
          <ul className="import-notes">
            {report.skipped.slice(0, LISTED_MOCKS).map((s, i) => (
              <li key={i}>
                <strong>{s.what}</strong> — {s.reason} <span className="muted">({s.where})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.warnings.length > 0 && (
        <section aria-label="Warnings" className="import-section">
          <h3>Warnings ({report.warnings.length})</h3>
          <ul className="import-notes">
            {report.warnings.slice(0, LISTED_MOCKS).map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
