import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * After a refused save, moves focus (and so the scroll position) to the first field marked
 * invalid: the reason may be below the fold, and a button that "does nothing" is the worst
 * answer a form can give.
 */
export function useFocusFirstInvalid<T extends HTMLElement>(): { ref: RefObject<T | null>; refused: () => void } {
  const ref = useRef<T>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (tick === 0) return;
    const el = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"], .code.invalid .cm-content');
    el?.focus();
  }, [tick]);
  return { ref, refused: () => setTick((t) => t + 1) };
}

/** "Fix the 2 problems marked below" */
export function problemsSummary(n: number): string {
  return n === 1
    ? 'Fix the problem marked below, then save again.'
    : `Fix the ${n} problems marked below, then save again.`;
}

/**
 * On mount of a form just opened by "New mock" or "Add response", puts the cursor in its first
 * field, so keyboard users type straight away instead of hunting for it (issue 17).
 */
export function useFocusFirstField<T extends HTMLElement>(ref: RefObject<T | null>, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const el = ref.current?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea');
    el?.focus();
    // A prefilled name ("Success") is replaced by typing, not appended to.
    if (el instanceof HTMLInputElement) el.select();
    // Once, when the form appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
