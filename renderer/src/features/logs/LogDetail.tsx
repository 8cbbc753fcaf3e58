import type { RequestLogSummary, ServerState } from '../../../../shared/ipc/contract';
import { describeChaosApplied, type BodyEncoding, type Project, type RequestLog } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate, useQuery } from '../../app/query';
import { mockKeys, qk } from '../../app/query-keys';
import { useShallow } from 'zustand/react/shallow';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { useAppStore } from '../../app/store';
import { CopyButton } from '../../ui/CopyButton';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { MethodBadge } from '../../ui/MethodBadge';
import { describeCondition } from '../conditions/condition-form';
import { projectBaseUrl } from '../projects/project-url';
import { statusLabel } from '../../ui/reason-phrases';
import { toCurl } from './curl';
import { statusTone } from '../../ui/status-class';

interface Props {
  logId: string;
  project: Project & { mocks: { id: string; method: string; path: string; name: string }[] };
  server: ServerState | undefined;
  /** The row as listed: it carries the names the mock and response had when logged. */
  summary: RequestLogSummary | null;
}

export function LogDetail({ logId, project, server, summary }: Props) {
  const navigate = useAppStore((s) => s.navigate);
  const { data: log, error } = useQuery<RequestLog>(qk.logs.detail(logId), () =>
    call('requestLogs.get', { id: logId }),
  );
  if (error) return <ErrorNotice error={error} />;
  if (!log || log.id !== logId) return <div className="loading">Loading request…</div>;
  const mock = project.mocks.find((m) => m.id === log.mockId);
  const mockLabel = mock ? `${mock.name} (${mock.method} ${mock.path})` : summary?.mockName;
  const curl = toCurl(log, projectBaseUrl(project, server));

  return (
    <article className="log-detail" aria-label="Request detail">
      <div className="detail-head">
        <MethodBadge method={log.requestMethod} />
        <code className="detail-path">{log.requestPath}</code>
        <span className={`status status-${statusTone(log.responseStatus)}`}>{statusLabel(log.responseStatus)}</span>
        <span className="muted">{log.responseTimeMs.toFixed(1)} ms</span>
        <CopyButton text={curl} label="Copy as curl" visibleLabel="Copy as curl" className="push-right" />
        <CreateMockButton logId={log.id} />
      </div>
      <section className="match-box" aria-label="Match">
        {log.mockId ? (
          <div>
            Matched mock <strong data-testid="matched-mock">{mockLabel ?? log.mockId}</strong>
            {log.responseId && (
              <>
                {' '}
                → response <strong data-testid="matched-response">{summary?.responseName ?? log.responseId}</strong>
              </>
            )}
            {mock && (
              <button
                type="button"
                className="btn btn-small match-open"
                onClick={() => navigate({ view: 'mocks', mockId: mock.id, responseId: log.responseId })}
              >
                Open mock
              </button>
            )}
          </div>
        ) : log.proxied ? (
          <div data-testid="proxied-detail">
            <span className="log-proxied">proxied</span> to <code>{log.proxied.upstream}</code>:{' '}
            {log.proxied.upstreamStatus === null ? (
              <>
                no answer (<code>{log.errorCode ?? 'unknown'}</code>) after {log.proxied.upstreamMs.toFixed(1)} ms
              </>
            ) : (
              <>
                the upstream answered <strong>{log.proxied.upstreamStatus}</strong> in{' '}
                {log.proxied.upstreamMs.toFixed(1)} ms
                {log.errorCode && (
                  <>
                    {' '}
                    (<code>{log.errorCode}</code>)
                  </>
                )}
              </>
            )}
          </div>
        ) : (
          <div>
            No mock answered: <code>{log.errorCode ?? 'unknown'}</code>
          </div>
        )}
        {log.federation && (
          <div data-testid="federation-detail">
            Through federation <strong>{log.federation.name}</strong>: service <strong>{log.federation.service}</strong>{' '}
            at reality level <code>{log.federation.realityLevel}</code>
          </div>
        )}
        {log.chaos && (
          <div className="chaos-applied" data-testid="chaos-applied">
            Chaos: <strong>{describeChaosApplied(log.chaos)}</strong>
            {log.chaos.fault && ' — the client got a broken connection, not this status and body'}
          </div>
        )}
        {log.alsoMatched && log.alsoMatched.length > 0 && (
          <ul className="failures also-matched" aria-label="Also matched" data-testid="also-matched">
            {log.alsoMatched.map((a) => (
              <li key={a.responseId}>
                <strong>{a.responseName}</strong> also matched, not chosen:{' '}
                {a.rule === 'first'
                  ? 'the first matching response wins (this mock’s rule)'
                  : a.rule === 'sequential'
                    ? 'sequential mode picked the next one in turn'
                    : 'the weighted draw picked another'}
              </li>
            ))}
          </ul>
        )}
        {log.conditionFailures.length > 0 && (
          <ul className="failures" aria-label="Responses not chosen">
            {log.conditionFailures.map((f) => (
              <li key={f.responseId}>
                <strong>{f.responseName}</strong> not chosen: {describeCondition(f.condition)} failed, got{' '}
                <code>{f.actual === null ? '(missing)' : JSON.stringify(f.actual)}</code>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="detail-cols">
        <section aria-label="Request">
          <h4>Request</h4>
          <Headers headers={log.requestHeaders} />
          {Object.keys(log.requestQuery).length > 0 && <Headers title="Query" headers={flatQuery(log.requestQuery)} />}
          <Body text={log.requestBody} encoding={log.requestBodyEncoding} title="Request body" />
        </section>
        <section aria-label="Response">
          <h4>Response</h4>
          <Headers headers={log.responseHeaders} />
          <Body
            text={log.responseBody}
            encoding={log.responseBodyEncoding}
            title="Response body"
            truncated={log.responseBodyTruncated}
          />
        </section>
      </div>
    </article>
  );
}

function flatQuery(q: RequestLog['requestQuery']): Record<string, string> {
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
}

function Headers({ headers, title = 'Headers' }: { headers: Record<string, string | string[]>; title?: string }) {
  // A repeated header (two Set-Cookie) shows one row per line, as it was sent.
  const entries = Object.entries(headers).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((line) => [k, line]));
  return (
    <details open className="kv-block">
      <summary>
        {title} ({entries.length})
      </summary>
      <table className="kv-table">
        <tbody>
          {entries.map(([k, v], i) => (
            <tr key={`${k}#${i}`}>
              <th scope="row">{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Body({
  text,
  encoding,
  title,
  truncated,
}: {
  text: string;
  encoding: BodyEncoding | undefined;
  title: string;
  truncated?: boolean;
}) {
  const binary = encoding === 'base64';
  return (
    <div className="kv-block">
      <div className="body-title">
        {title}
        {binary && <span className="pill">binary, {base64Bytes(text)} bytes, shown as base64</span>}
        {truncated && <span className="pill">truncated in the log</span>}
      </div>
      {text ? (
        <pre aria-label={title} className="body-pre">
          {binary ? text : pretty(text)}
        </pre>
      ) : (
        <div className="muted small">(empty)</div>
      )}
    </div>
  );
}

/** How many bytes a base64 text stands for. */
const base64Bytes = (b64: string): number => Math.floor((b64.length * 3) / 4) - (b64.match(/=*$/)?.[0].length ?? 0);

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** "Create a mock from this request": a mock for its method and path answering what it got (or 200 {} for a 404). */
function CreateMockButton({ logId }: { logId: string }) {
  const { navigate, notify } = useAppStore(useShallow((s) => ({ navigate: s.navigate, notify: s.notify })));
  const create = async () => {
    try {
      const mock = await call('requestLogs.createMock', { id: logId });
      invalidate(...mockKeys(mock.projectId, mock.id));
      for (const w of mock.warnings ?? []) notify({ kind: 'error', message: w.message });
      navigate({ view: 'mocks', mockId: mock.id });
    } catch (e) {
      const err = e as AppErrorShape;
      notify({ kind: 'error', message: err.message, hint: err.hint });
    }
  };
  return (
    <button type="button" className="btn btn-small" onClick={() => void create()}>
      Create mock from this request
    </button>
  );
}
