import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import type { RequestLogSummary } from '../../../../shared/ipc/contract';
import { chaosTag, describeChaosApplied } from '../../../../shared/models';
import { MethodBadge } from '../../ui/MethodBadge';
import type { LogFeed } from './log-feed';
import { statusTone } from '../../ui/status-class';

export const ROW_HEIGHT = 28;
/**
 * The virtualizer positions chunks of rows, not rows: it rebuilds its measurement table on
 * every count change (each live paint), which is O(count) — 12 ms at 100,000 rows, 0.6 ms
 * at 5,000 chunks. A chunk is a few rows, so the DOM still holds about a screenful.
 */
export const CHUNK_ROWS = 20;

interface Props {
  feed: LogFeed;
  selectedId: string | null;
  onSelect: (row: RequestLogSummary) => void;
}

const timeFmt = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
function time(iso: string): string {
  const d = new Date(iso);
  return `${timeFmt.format(d)}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

/** Only the visible rows exist in the DOM, so 100,000 rows cost what a hundred do. */
export function LogList({ feed, selectedId, onSelect }: Props) {
  useSyncExternalStore(feed.subscribe, feed.getVersion);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = feed.count;
  const chunks = Math.ceil(count / CHUNK_ROWS);
  const rowsIn = (chunk: number) => Math.min(CHUNK_ROWS, count - chunk * CHUNK_ROWS);
  // TanStack Virtual returns functions the React compiler cannot memoize; this app does not
  // use the compiler, and the virtualizer manages its own updates.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: chunks,
    getScrollElement: () => scrollRef.current,
    estimateSize: (chunk) => rowsIn(chunk) * ROW_HEIGHT,
    overscan: 1,
  });
  const items = virtualizer.getVirtualItems();
  const first = (items[0]?.index ?? 0) * CHUNK_ROWS;
  const lastChunk = items[items.length - 1]?.index ?? 0;
  const last = Math.max(0, lastChunk * CHUNK_ROWS + rowsIn(lastChunk) - 1);

  useEffect(() => {
    feed.ensureRange(first, last);
  }, [feed, first, last, feed.version]);

  // New rows land on top; a reader scrolled down keeps looking at the same rows. The scroll
  // position comes from scroll events: reading scrollTop here would force a layout per batch.
  const liveBefore = useRef(feed.liveCount);
  const scrolledDown = useRef(false);
  useLayoutEffect(() => {
    const added = feed.liveCount - liveBefore.current;
    liveBefore.current = feed.liveCount;
    const el = scrollRef.current;
    if (el && added > 0 && scrolledDown.current) el.scrollTop += added * ROW_HEIGHT;
  });

  const move = (delta: number) => {
    const idx = selectedId ? findIndex(feed, selectedId, first, last) : -1;
    const next = Math.min(Math.max(idx + delta, 0), count - 1);
    const row = feed.row(next);
    const el = scrollRef.current;
    if (!row || !el) return;
    onSelect(row);
    const top = next * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  };

  return (
    <div
      ref={scrollRef}
      className="log-scroll"
      role="listbox"
      aria-label="Request log"
      aria-activedescendant={selectedId ? `log-${selectedId}` : undefined}
      tabIndex={0}
      onScroll={(e) => {
        scrolledDown.current = e.currentTarget.scrollTop > 0;
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown') move(1);
        else if (e.key === 'ArrowUp') move(-1);
        else return;
        e.preventDefault();
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((v) => (
          <div key={v.key} className="log-row-slot" style={{ transform: `translateY(${v.start}px)`, height: v.size }}>
            {Array.from({ length: rowsIn(v.index) }, (_, k) => {
              const row = feed.row(v.index * CHUNK_ROWS + k);
              return row ? (
                <LogRow key={k} row={row} selected={row.id === selectedId} onSelect={onSelect} />
              ) : (
                <div key={k} className="log-row placeholder" aria-hidden="true" />
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}

function findIndex(feed: LogFeed, id: string, from: number, to: number): number {
  for (let i = Math.max(0, from - 50); i <= to + 50; i++) if (feed.row(i)?.id === id) return i;
  return -1;
}

function LogRow({
  row,
  selected,
  onSelect,
}: {
  row: RequestLogSummary;
  selected: boolean;
  onSelect: (row: RequestLogSummary) => void;
}) {
  const proxied = row.proxied ?? null;
  const matched = row.mockName
    ? `${row.mockName}${row.responseName ? ` → ${row.responseName}` : ''}`
    : proxied
      ? proxied.upstreamStatus === null
        ? `upstream: ${row.errorCode ?? 'no answer'}`
        : `upstream ${proxied.upstreamStatus} in ${proxied.upstreamMs.toFixed(0)} ms`
      : (row.errorCode ?? 'no mock');
  return (
    <div
      role="option"
      id={`log-${row.id}`}
      aria-selected={selected}
      className={`log-row ${selected ? 'selected' : ''}`}
      onClick={() => onSelect(row)}
      data-log-id={row.id}
    >
      <span className="log-time">{time(row.createdAt)}</span>
      <MethodBadge method={row.requestMethod} />
      <span className={`status status-${statusTone(row.responseStatus)}`}>{row.responseStatus || '—'}</span>
      <span className="log-path">{row.requestPath}</span>
      <span className={`log-match ${row.mockName || proxied ? '' : 'muted'}`}>
        {proxied && (
          <span className="log-proxied" title={`Proxied to ${proxied.upstream}`} data-testid="log-proxied">
            proxied
          </span>
        )}
        {row.federation && (
          <span
            className="log-federation"
            title={`Through federation ${row.federation.name}: service ${row.federation.service} (${row.federation.realityLevel})`}
            data-testid="log-federation"
          >
            ⇄ {row.federation.name}/{row.federation.service}{' '}
          </span>
        )}
        {row.chaos && (
          <span
            className={`chaos-tag ${row.chaos.fault || row.chaos.errorStatus ? 'chaos-tag-hit' : ''}`}
            title={describeChaosApplied(row.chaos)}
            data-testid="chaos-tag"
          >
            ⚡ {chaosTag(row.chaos)}
          </span>
        )}{' '}
        {matched}
      </span>
      <span className="log-ms">{row.responseTimeMs.toFixed(1)} ms</span>
    </div>
  );
}
