import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPath, stringifyDeep } from '../../../main/core/engine/body';

describe('stringifyDeep', () => {
  it('writes what JSON.stringify writes for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(stringifyDeep(v)).toBe(JSON.stringify(v));
      }),
      { seed: 18, numRuns: 300 },
    );
  });

  it('writes a value nested far deeper than JSON.stringify can', () => {
    const depth = 100_000;
    const text = `{"a":${'[{"k":'.repeat(depth)}"x"${'}]'.repeat(depth)}}`;
    const value = JSON.parse(text) as unknown;
    expect(() => JSON.stringify(value)).toThrow(RangeError);
    expect(stringifyDeep(value)).toBe(text);
    // A body condition on the deep field reads all of it.
    expect(jsonPath(value, 'a')).toBe(text.slice('{"a":'.length, -1));
  });
});
