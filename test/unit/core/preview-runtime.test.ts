import { describe, expect, it } from 'vitest';
import { createMemoryRuntime } from '../../../main/core/engine';
import { previewRuntime } from '../../../main/core/handlers/template-preview';

describe("previewRuntime: a preview's read-only snapshot of the served runtime", () => {
  it('reads buckets, globals and scenario states as the served runtime holds them', () => {
    const served = createMemoryRuntime({ users: [{ id: 1, name: 'Ada' }] });
    served.globals.set('n', 3);
    served.scenarios.set('cart', 'Filled');
    const p = previewRuntime(served);
    expect(p.bucket('users')).toEqual([{ id: 1, name: 'Ada' }]);
    expect(p.bucket('nope')).toBeUndefined();
    expect(p.globals.get('n')).toBe(3);
    expect(p.scenarios.get('cart')).toBe('Filled');
  });

  it('changes nothing of the served runtime, whatever the preview writes or mutates', () => {
    const served = createMemoryRuntime({ users: [{ id: 1, name: 'Ada' }] });
    served.globals.set('n', 3);
    const p = previewRuntime(served);
    (p.bucket('users') as { name: string }[])[0]!.name = 'Mallory';
    expect(p.setBucket('users', [])).toBe(true);
    expect(p.bucket('users')).toEqual([]);
    expect(p.setBucket('nope', 1)).toBe(false);
    p.globals.set('n', 4);
    p.scenarios.set('cart', 'Paid');
    expect(served.bucket('users')).toEqual([{ id: 1, name: 'Ada' }]);
    expect(served.globals.get('n')).toBe(3);
    expect(served.scenarios.has('cart')).toBe(false);
  });

  it('works without a served runtime: no buckets, no globals', () => {
    const p = previewRuntime(undefined);
    expect(p.bucket('users')).toBeUndefined();
    expect(p.globals.size).toBe(0);
  });
});
