// @vitest-environment jsdom
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useMockSettingsOpen } from '../../../renderer/src/features/mocks/mock-settings-state';

afterEach(cleanup);

describe('mock settings fold', () => {
  it('folds while a response is open under the settings, unfolds when the mock has none', () => {
    expect(renderHook(() => useMockSettingsOpen('m-a', true)).result.current[0]).toBe(false);
    expect(renderHook(() => useMockSettingsOpen('m-b', false)).result.current[0]).toBe(true);
  });

  it('remembers a choice made by hand for that mock only, over the default, across remounts', () => {
    const first = renderHook(({ inView }) => useMockSettingsOpen('m-c', inView), { initialProps: { inView: true } });
    act(() => first.result.current[1](true));
    expect(first.result.current[0]).toBe(true);
    // Adding a response would fold it by default: the hand-made choice wins.
    first.rerender({ inView: true });
    expect(first.result.current[0]).toBe(true);
    first.unmount();
    expect(renderHook(() => useMockSettingsOpen('m-c', true)).result.current[0]).toBe(true);
    expect(renderHook(() => useMockSettingsOpen('m-d', true)).result.current[0]).toBe(false);
  });
});
