import { describe, expect, it, vi } from 'vitest';
import { Lifecycle, type Service } from '../../../main/core/lifecycle';

const quiet = () => ({ error: vi.fn(), warn: vi.fn() });

function recorder() {
  const log: string[] = [];
  const service = (name: string, fail?: 'start' | 'close'): Service => ({
    name,
    start: () => {
      if (fail === 'start') throw new Error(`${name} cannot start`);
      log.push(`start ${name}`);
    },
    close: async () => {
      log.push(`close ${name}`);
      if (fail === 'close') throw new Error(`${name} cannot close`);
    },
  });
  return { log, service };
}

describe('Lifecycle', () => {
  it('starts services in order and closes them in reverse', async () => {
    const { log, service } = recorder();
    const life = new Lifecycle(quiet());
    await life.add(service('store'));
    life.own('hub', { close: () => void log.push('close hub') });
    await life.add(service('bridge'));
    await life.close();
    expect(log).toEqual(['start store', 'start bridge', 'close bridge', 'close hub', 'close store']);
  });

  it('closes every member even when one fails, then rejects naming it', async () => {
    const { log, service } = recorder();
    const logger = quiet();
    const life = new Lifecycle(logger);
    await life.add(service('a'));
    await life.add(service('b', 'close'));
    await life.add(service('c'));
    await expect(life.close()).rejects.toThrow('closing failed for: b');
    expect(log.filter((l) => l.startsWith('close'))).toEqual(['close c', 'close b', 'close a']);
    expect(logger.error).toHaveBeenCalledWith('closing b failed', expect.any(Error));
  });

  it('is idempotent: a second close() closes nothing twice', async () => {
    const close = vi.fn();
    const life = new Lifecycle(quiet());
    life.own('x', { close });
    const first = life.close();
    expect(life.close()).toBe(first);
    await first;
    await life.close();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('does not own a service that failed to start, and refuses new ones once closing', async () => {
    const { log, service } = recorder();
    const life = new Lifecycle(quiet());
    await expect(life.add(service('broken', 'start'))).rejects.toThrow('broken cannot start');
    expect(life.names()).toEqual([]);
    await life.close();
    await expect(life.add(service('late'))).rejects.toThrow(/closing/);
    expect(() => life.own('late', { close: () => {} })).toThrow(/closing/);
    expect(log).toEqual([]);
  });

  it('closes a service whose start finished after close() began', async () => {
    const life = new Lifecycle(quiet());
    let finishStart!: () => void;
    const close = vi.fn();
    const adding = life.add({ name: 'slow', start: () => new Promise<void>((r) => (finishStart = r)), close });
    const closing = life.close();
    finishStart();
    await expect(adding).rejects.toThrow(/closing/);
    await closing;
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('open() owns what it opens', async () => {
    const close = vi.fn();
    const life = new Lifecycle(quiet());
    const res = await life.open('server', () => ({ url: 'x', close }));
    expect(res.url).toBe('x');
    expect(life.names()).toEqual(['server']);
    await life.close();
    expect(close).toHaveBeenCalledTimes(1);
  });
});
