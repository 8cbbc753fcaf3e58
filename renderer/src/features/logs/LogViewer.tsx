import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ProjectWithMocks, RequestLogFilter, RequestLogSummary } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { call, subscribe } from '../../app/api';
import { useAppStore } from '../../app/store';
import { ConfirmDialog } from '../../ui/Dialog';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { projectBaseUrl } from '../projects/project-url';
import { useServerState } from '../projects/project-queries';
import { LogDetail } from './LogDetail';
import { LogFeed } from './log-feed';
import { LogFilters } from './LogFilters';
import { LogList } from './LogList';
import { RetentionControl } from './RetentionControl';

const fetchPage = (filter: Parameters<typeof call<'requestLogs.list'>>[1], offset: number, limit: number) =>
  call('requestLogs.list', { ...filter, offset, limit });

export function LogViewer({ project }: { project: ProjectWithMocks }) {
  const { filters, setFilters, selectedId, selectLog, notify } = useAppStore(
    useShallow((s) => ({
      filters: s.logFilters,
      setFilters: s.setLogFilters,
      selectedId: s.selectedLogId,
      selectLog: s.selectLog,
      notify: s.notify,
    })),
  );
  const { data: server } = useServerState();
  const feed = useMemo(() => new LogFeed((f, offset, limit) => fetchPage(f, offset, limit)), []);
  const [selected, setSelected] = useState<RequestLogSummary | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);

  useEffect(() => subscribe('requestLogs.appended', (rows) => feed.append(rows)), [feed]);
  useEffect(() => {
    void feed.setFilter({ projectId: project.id, ...filters });
  }, [feed, project.id, filters]);

  const onSelect = (row: RequestLogSummary) => {
    selectLog(row.id);
    setSelected(row);
  };

  const clear = async () => {
    setConfirmClear(false);
    try {
      await call('requestLogs.clear', { projectId: project.id });
      selectLog(null);
      feed.reset();
    } catch (e) {
      const err = e as AppErrorShape;
      notify({ kind: 'error', message: err.message, hint: err.hint });
    }
  };

  const filtered = Object.keys(filters).length > 0;
  return (
    <div className="log-view">
      <div className="log-toolbar">
        <LogFilters filters={filters} mocks={project.mocks} onChange={setFilters} />
        <FeedStatus feed={feed} running={server?.running ?? false} onClear={() => setConfirmClear(true)} />
        <ExportButtons projectId={project.id} slug={project.slug} filters={filters} />
        <RetentionControl projectId={project.id} />
      </div>
      <div className="log-split">
        <div className="log-list-pane">
          <div className="log-header-row" aria-hidden="true">
            <span>Time</span>
            <span>Method</span>
            <span>Status</span>
            <span>Path</span>
            <span>Matched</span>
            <span className="log-ms">Took</span>
          </div>
          <FeedBody
            feed={feed}
            empty={
              <EmptyState title={filtered ? 'No request matches these filters' : 'No requests yet'}>
                {filtered ? (
                  'Clear a filter to see more.'
                ) : (
                  <>
                    Call <code>{projectBaseUrl(project, server)}/…</code> and requests appear here live
                    {server?.running ? '' : ' (start the server first)'}.
                  </>
                )}
              </EmptyState>
            }
          >
            <LogList feed={feed} selectedId={selectedId} onSelect={onSelect} />
          </FeedBody>
        </div>
        <div className="log-detail-pane">
          {selectedId ? (
            <LogDetail
              key={selectedId}
              logId={selectedId}
              project={project}
              server={server}
              summary={selected?.id === selectedId ? selected : null}
            />
          ) : (
            <EmptyState title="Select a request">
              See its headers and bodies, which response matched and why the others did not.
            </EmptyState>
          )}
        </div>
      </div>
      {confirmClear && (
        <ConfirmDialog
          title="Clear request log?"
          danger
          confirmLabel="Clear log"
          message={<p>All logged requests of “{project.name}” will be deleted. Stats counters are kept.</p>}
          onConfirm={() => void clear()}
          onCancel={() => setConfirmClear(false)}
        />
      )}
    </div>
  );
}

/* The parts that change with every live batch subscribe to the feed themselves, so the
   viewer around them (filters, detail pane) does not re-render at the log's rate. */

function FeedStatus({ feed, running, onClear }: { feed: LogFeed; running: boolean; onClear: () => void }) {
  useSyncExternalStore(feed.subscribe, feed.getVersion);
  return (
    <>
      <span className="log-count" data-testid="log-count" aria-live="off">
        {feed.count.toLocaleString('en-US')}
        {feed.capped ? '+' : ''} {feed.count === 1 && !feed.capped ? 'request' : 'requests'}
      </span>
      <span className={`live ${running ? 'on' : ''}`}>{running ? '● Live' : 'Server stopped'}</span>
      <button type="button" className="btn btn-small btn-danger-ghost" disabled={feed.count === 0} onClick={onClear}>
        Clear log
      </button>
    </>
  );
}

function FeedBody({ feed, empty, children }: { feed: LogFeed; empty: ReactNode; children: ReactNode }) {
  useSyncExternalStore(feed.subscribe, feed.getVersion);
  return (
    <>
      <ErrorNotice error={feed.error} />
      {feed.loaded && feed.count === 0 ? empty : children}
    </>
  );
}

/** Rows the UI exports at most (the CLI streams any number: `mockdeck logs export`). */
const UI_EXPORT_MAX = 200_000;

/** Downloads the filtered log as HAR 1.2 or NDJSON, read chunk by chunk (requestLogs.export). */
function ExportButtons({
  projectId,
  slug,
  filters,
}: {
  projectId: string;
  slug: string;
  filters: Omit<RequestLogFilter, 'projectId'>;
}) {
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const run = async (format: 'har' | 'ndjson') => {
    setBusy(true);
    try {
      const parts: string[] = [];
      let after: string | undefined;
      let rows = 0;
      for (;;) {
        const chunk = await call('requestLogs.export', { projectId, ...filters, format, limit: 2000, after });
        parts.push(chunk.text);
        rows += chunk.count;
        if (chunk.next === null) break;
        if (rows >= UI_EXPORT_MAX) {
          if (format === 'har') parts.push(']}}\n');
          notify({
            kind: 'error',
            message: `Exported the first ${rows.toLocaleString('en-US')} requests`,
            hint: `use \`mockdeck logs export --project ${slug}\` for the whole log`,
          });
          break;
        }
        after = chunk.next;
      }
      const url = URL.createObjectURL(
        new Blob(parts, { type: format === 'har' ? 'application/json' : 'application/x-ndjson' }),
      );
      const a = document.createElement('a');
      a.href = url;
      a.download = `${slug}-requests.${format === 'har' ? 'har' : 'ndjson'}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      const err = e as AppErrorShape;
      notify({ kind: 'error', message: err.message, hint: err.hint });
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="log-export" role="group" aria-label="Export the filtered log">
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void run('har')}>
        Export HAR
      </button>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void run('ndjson')}>
        Export NDJSON
      </button>
    </span>
  );
}
