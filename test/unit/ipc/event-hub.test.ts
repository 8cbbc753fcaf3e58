import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import { EventHub } from '../../../main/core/events/event-hub';
import { Batcher } from '../../../main/core/events/log-batcher';
import { fakeCore, makeLog } from './fake-server';

type Msg = { name: EventName; payload: unknown };

describe('EventHub', () => {
  let core: ReturnType<typeof fakeCore>;
  let hub: EventHub;
  let messages: Msg[];

  beforeEach(() => {
    core = fakeCore();
    // Only the timers the batcher uses: faking everything (setImmediate included) makes
    // better-sqlite3 abort the worker on exit.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    hub = new EventHub(core, { logger: { error: () => {}, warn: () => {} } });
    messages = [];
    hub.subscribe(<K extends EventName>(name: K, payload: EventPayload<K>) => messages.push({ name, payload }));
  });
  afterEach(() => {
    hub.close();
    core.close();
    vi.useRealTimers();
  });

  const appended = () =>
    messages.filter((m) => m.name === 'requestLogs.appended').map((m) => m.payload as { id: string }[]);

  it('listens to request logs only while a transport is subscribed (no rows made for no page)', () => {
    const quiet = new EventHub(core, { logger: { error: () => {}, warn: () => {} } });
    const before = core.server.logListenerCount; // the hub of beforeEach has a sink
    expect(before).toBe(1);
    const got: Msg[] = [];
    const off = quiet.subscribe(<K extends EventName>(name: K, payload: EventPayload<K>) =>
      got.push({ name, payload }),
    );
    expect(core.server.logListenerCount).toBe(2);
    core.server.emitLog(makeLog());
    vi.advanceTimersByTime(100);
    expect(got.filter((m) => m.name === 'requestLogs.appended')).toHaveLength(1);
    off();
    expect(core.server.logListenerCount).toBe(1);
    quiet.close();
    expect(core.server.logListenerCount).toBe(1);
  });

  it('turns a flood of 5,000 logs in one second into a handful of capped messages', () => {
    for (let i = 0; i < 5000; i++) {
      core.server.emitLog(makeLog());
      if (i % 500 === 499) vi.advanceTimersByTime(100); // 5,000 logs spread over one second
    }
    vi.advanceTimersByTime(1000);
    const batches = appended();
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.length).toBeLessThanOrEqual(11);
    for (const b of batches) expect(b.length).toBeLessThanOrEqual(2000);
    expect(batches.flat()).toHaveLength(5000);
  });

  it('caps a message at 2,000 rows, keeps the newest, and counts what it drops', () => {
    const logs = Array.from({ length: 5000 }, () => makeLog());
    for (const l of logs) core.server.emitLog(l);
    expect(appended()).toHaveLength(0); // nothing before the interval: a flood costs one message
    vi.advanceTimersByTime(100);
    const batches = appended();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(2000);
    expect(batches[0]![0]!.id).toBe(logs[3000]!.id);
    expect(batches[0]![1999]!.id).toBe(logs[4999]!.id);
    expect(hub.droppedLogs).toBe(3000);
  });

  it('sends at most one appended message per 100 ms', () => {
    const times: number[] = [];
    hub.subscribe((name) => {
      if (name === 'requestLogs.appended') times.push(Date.now());
    });
    for (let t = 0; t < 1000; t += 10) {
      core.server.emitLog(makeLog());
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(200);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(100);
    expect(times.length).toBeLessThanOrEqual(11);
  });

  it('pushes summaries without bodies or headers, with mock and response names', () => {
    const p = core.catalog.projects.create({ name: 'Shop' });
    const m = core.catalog.mocks.create(p.id, { name: 'List items', path: '/items', method: 'GET' });
    const r = core.catalog.responses.create(m.id, { name: 'Happy path' });
    messages.length = 0;
    core.server.emitLog(makeLog({ projectId: p.id, mockId: m.id, responseId: r.id }));
    vi.advanceTimersByTime(100);
    const row = appended()[0]![0] as Record<string, unknown>;
    expect(row).toMatchObject({ mockName: 'List items', responseName: 'Happy path', projectId: p.id });
    for (const k of ['requestBody', 'responseBody', 'requestHeaders', 'responseHeaders'])
      expect(row).not.toHaveProperty(k);
  });

  it('forwards server state and catalog changes immediately', () => {
    core.server.setState({ ...core.server.current, running: true });
    const p = core.catalog.projects.create({ name: 'A' });
    expect(messages.map((m) => m.name)).toEqual(['server.stateChanged', 'catalog.changed']);
    expect(messages[1]!.payload).toEqual({ projectId: p.id, kind: 'project' });
  });

  it('keeps delivering to other transports when one throws', () => {
    const seen: string[] = [];
    hub.subscribe(() => {
      throw new Error('window destroyed');
    });
    hub.subscribe((name) => seen.push(name));
    core.catalog.projects.create({ name: 'B' });
    expect(seen).toEqual(['catalog.changed']);
  });

  it('flushes pending rows and detaches from Core on close', () => {
    core.server.emitLog(makeLog());
    hub.close();
    expect(appended()).toHaveLength(1);
    expect(core.server.listenerCount()).toBe(0);
  });
});

describe('Batcher', () => {
  it('refuses a zero cap', () => {
    expect(() => new Batcher({ intervalMs: 100, maxBatch: 0, flush: () => {} })).toThrow();
  });
});

describe('EventHub sources', () => {
  it('forwards events from an added source until closed', () => {
    const core = fakeCore();
    const hub = new EventHub(core);
    const seen: string[] = [];
    hub.subscribe((name) => seen.push(name));
    let emitFromSource: ((kind: 'project') => void) | null = null;
    let stopped = false;
    hub.addSource((emit) => {
      emitFromSource = (kind) => emit('catalog.changed', { projectId: 'x', kind });
      return () => (stopped = true);
    });
    emitFromSource!('project');
    expect(seen).toEqual(['catalog.changed']);
    hub.close();
    expect(stopped).toBe(true);
    core.close();
  });
});
