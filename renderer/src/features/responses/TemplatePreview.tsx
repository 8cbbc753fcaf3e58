import { useEffect, useState } from 'react';
import type { TemplatePreview as Preview } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { headerLines, type HeaderMap, type ResponseType } from '../../../../shared/models';
import { call, toAppError } from '../../app/api';
import { ErrorNotice, sentence } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { jsonProblem } from './response-form';
import { defaultSample, sampleToRequest, type SampleForm } from './sample-request';

interface Props {
  mockId: string;
  mockMethod: string;
  mockPath: string;
  /** The stored response, when there is one; the preview renders the form's unsaved body anyway. */
  responseId: string | null;
  body: string;
  headers: HeaderMap;
  disableTemplating: boolean;
  responseType: ResponseType;
  /** Told the body line a template error names (null once it renders, or when closed), so the editor can mark it. */
  onErrorLine?: (line: number | null) => void;
}

/** The title says the line already: "body: line 3: x" reads "body: x" under it. */
const withoutLine = (message: string): string => message.replace(/^((?:body|header [^:]+): )?line \d+: /, '$1');

/** Waits for typing to pause before asking main to render again. */
const DEBOUNCE_MS = 350;

/**
 * Renders the response as the server would for an editable sample request, while the body is
 * edited: the template's error names its line. Main renders it (`responses.preview`), with
 * the engine's own helpers and limits, on a snapshot of the served project's buckets and globals.
 */
export function TemplatePreview(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <section className="template-preview" aria-label="Template preview">
      <div className="body-head">
        <button
          type="button"
          className="btn btn-small"
          aria-expanded={open}
          aria-controls="template-preview-panel"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide preview' : 'Preview'}
        </button>
        {!open && <span className="field-help">Render this body against a sample request.</span>}
      </div>
      {open && <PreviewPanel {...props} />}
    </section>
  );
}

function PreviewPanel({
  mockId,
  mockMethod,
  mockPath,
  responseId,
  body,
  headers,
  disableTemplating,
  responseType,
  onErrorLine,
}: Props) {
  const [sample, setSample] = useState<SampleForm>(() => defaultSample(mockPath));
  const [result, setResult] = useState<Preview | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = sampleToRequest(sample);
  const sampleError = 'error' in parsed ? parsed.error : undefined;
  const requestKey = JSON.stringify(parsed);
  const headersKey = JSON.stringify(headers);

  useEffect(() => {
    if (!('request' in parsed)) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setBusy(true);
      call(
        'responses.preview',
        {
          mockId,
          ...(responseId ? { responseId } : {}),
          body,
          headers,
          disableTemplating,
          request: parsed.request,
        },
        { signal: abort.signal },
      )
        .then((r) => {
          setResult(r);
          setFailure(null);
          // Only a body error has a line in the body; a header's line is the header value's.
          onErrorLine?.(!r.ok && r.error.line !== null && r.error.message.startsWith('body') ? r.error.line : null);
        })
        .catch((e: unknown) => {
          if (!abort.signal.aborted) setFailure(toAppError(e));
        })
        .finally(() => {
          if (!abort.signal.aborted) setBusy(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
    // The keys stand for the objects: a re-render with equal values does not render again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mockId, responseId, body, headersKey, disableTemplating, requestKey]);

  // Closing the panel takes its error mark away.
  useEffect(() => () => onErrorLine?.(null), [onErrorLine]);

  const set = (p: Partial<SampleForm>) => setSample((s) => ({ ...s, ...p }));
  const rendered = result?.ok ? result : null;
  const jsonNote =
    rendered && responseType === 'json' && rendered.body.trim() !== '' ? jsonProblem(rendered.body) : undefined;

  return (
    <div id="template-preview-panel" className="preview-panel">
      <div className="preview-sample">
        <Field
          label="Sample path"
          error={sampleError?.includes('path') ? sampleError : undefined}
          help={`${mockMethod} request; query after "?"`}
        >
          {(ids) => (
            <input
              {...ids}
              className="mono"
              value={sample.path}
              spellCheck={false}
              onChange={(e) => set({ path: e.target.value })}
            />
          )}
        </Field>
        <Field
          label="Sample headers"
          error={sampleError?.includes('header') ? sampleError : undefined}
          help="One per line: Name: value"
        >
          {(ids) => (
            <textarea
              {...ids}
              className="mono"
              rows={2}
              value={sample.headers}
              spellCheck={false}
              placeholder="X-Role: admin"
              onChange={(e) => set({ headers: e.target.value })}
            />
          )}
        </Field>
        <Field label="Sample body">
          {(ids) => (
            <textarea
              {...ids}
              className="mono"
              rows={2}
              value={sample.body}
              spellCheck={false}
              placeholder='{"name": "Ada"}'
              onChange={(e) => set({ body: e.target.value })}
            />
          )}
        </Field>
      </div>
      <ErrorNotice error={failure} />
      <div className="preview-result" aria-busy={busy}>
        {result && !result.ok && (
          <div role="alert" className="notice notice-error" data-testid="template-error">
            <div>
              <strong className="notice-message">
                {result.error.line === null ? 'Template error' : `Template error on line ${result.error.line}`}
              </strong>
              <div className="notice-hint">{sentence(withoutLine(result.error.message))}</div>
            </div>
          </div>
        )}
        {rendered && (
          <>
            <div className="body-head">
              <span className="label">
                Rendered for {rendered.request.method} {rendered.request.path}
              </span>
              {jsonNote && <span className="field-help warn-text">Not valid JSON once rendered</span>}
            </div>
            {Object.keys(rendered.headers).length > 0 && (
              <dl className="preview-headers" aria-label="Rendered headers">
                {Object.entries(rendered.headers).flatMap(([k, v]) =>
                  headerLines(v).map((line, i) => (
                    <div key={`${k}#${i}`}>
                      <dt>{k}</dt>
                      <dd>{line}</dd>
                    </div>
                  )),
                )}
              </dl>
            )}
            <pre className="preview-body" aria-label="Rendered body" tabIndex={0}>
              {rendered.body}
            </pre>
          </>
        )}
        {!result && !failure && <div className="field-help">{busy ? 'Rendering…' : ' '}</div>}
      </div>
    </div>
  );
}
