import { describe, expect, it } from 'vitest';
import { InstallProgressFeed, PROGRESS_INTERVAL_MS } from '../../../main/core/marketplace/progress-feed';
import type { InstallProgress } from '../../../shared/models';

const p = (
  phase: InstallProgress['phase'],
  received = 0,
  total: number | null = 1000,
  name = 'a',
): InstallProgress => ({
  kind: 'scenarios',
  name,
  phase,
  received,
  total,
});

describe('InstallProgressFeed', () => {
  it('thins byte counts within a step, but passes every new step, the last chunk and other packages', () => {
    let now = 0;
    const feed = new InstallProgressFeed(() => now);
    const out: string[] = [];
    feed.on((x) => out.push(`${x.name}:${x.phase}:${x.received}`));
    feed.report(p('resolving'));
    feed.report(p('downloading', 0));
    for (let r = 100; r < 1000; r += 100) {
      now += PROGRESS_INTERVAL_MS / 4;
      feed.report(p('downloading', r));
    }
    feed.report(p('downloading', 10, 1000, 'b'));
    feed.report(p('downloading', 1000));
    feed.report(p('verifying', 1000));
    feed.report(p('done', 1000));
    expect(out).toEqual([
      'a:resolving:0',
      'a:downloading:0',
      'a:downloading:400',
      'a:downloading:800',
      'b:downloading:10',
      'a:downloading:1000',
      'a:verifying:1000',
      'a:done:1000',
    ]);
  });

  it('starts afresh after a failed install is forgotten, and stops telling a removed listener', () => {
    const feed = new InstallProgressFeed(() => 0);
    const out: string[] = [];
    const off = feed.on((x) => out.push(`${x.phase}:${x.received}`));
    feed.report(p('downloading', 10));
    feed.report(p('downloading', 20));
    feed.forget('scenarios', 'a');
    feed.report(p('downloading', 0));
    off();
    feed.report(p('verifying'));
    expect(out).toEqual(['downloading:10', 'downloading:0']);
  });
});
