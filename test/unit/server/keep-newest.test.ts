import { describe, expect, it } from 'vitest';
import { keepNewest } from '../../../main/core/server/keep-newest';

const queue = (ids: string[]) => ids.map((id) => ({ id, projectId: id[0]! }));

describe('keepNewest', () => {
  it("drops only what retention would delete on arrival: all but each project's newest, in order", () => {
    const q = queue(['a0', 'b0', 'a1', 'a2', 'b1', 'a3']);
    expect(keepNewest(q, 3)).toBe(1);
    expect(q.map((x) => x.id)).toEqual(['b0', 'a1', 'a2', 'b1', 'a3']);
    expect(keepNewest(q, 1)).toBe(3);
    expect(q.map((x) => x.id)).toEqual(['b1', 'a3']);
    expect(keepNewest(q, 1)).toBe(0);
    expect(q.map((x) => x.id)).toEqual(['b1', 'a3']);
  });

  it('keeps the same objects, not copies', () => {
    const q = queue(['a0', 'a1']);
    const newest = q[1];
    keepNewest(q, 1);
    expect(q).toHaveLength(1);
    expect(q[0]).toBe(newest);
  });
});
