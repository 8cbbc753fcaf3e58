import { describe, expect, it } from 'vitest';
import { toIsoCached } from '../../../main/core/util/clock';
import { newTimeOrderedId } from '../../../main/core/util/ids';

describe('newTimeOrderedId', () => {
  it('is a version 7, variant 10 UUID', () => {
    expect(newTimeOrderedId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sorts in creation order, within one millisecond and across many', () => {
    const sameMs = Array.from({ length: 5000 }, () => newTimeOrderedId(4_000_000_000_000));
    expect([...sameMs].sort()).toEqual(sameMs);
    expect(new Set(sameMs).size).toBe(sameMs.length);
    const later = newTimeOrderedId(4_000_000_000_100);
    expect(later > sameMs.at(-1)!).toBe(true);
  });

  it('carries the timestamp in its first 48 bits', () => {
    const id = newTimeOrderedId(4_100_000_000_000);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(4_100_000_000_000);
  });
});

describe('toIsoCached', () => {
  it('formats each millisecond correctly, reusing the text only for the same instant', () => {
    const a = new Date('2026-11-22T10:00:00.123Z');
    expect(toIsoCached(a)).toBe('2026-11-22T10:00:00.123Z');
    expect(toIsoCached(new Date(a.getTime()))).toBe('2026-11-22T10:00:00.123Z');
    expect(toIsoCached(new Date(a.getTime() + 1))).toBe('2026-11-22T10:00:00.124Z');
    expect(toIsoCached(new Date('1999-01-01T00:00:00.000Z'))).toBe('1999-01-01T00:00:00.000Z');
  });
});
