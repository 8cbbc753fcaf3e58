import { useEffect, useEffectEvent } from 'react';

/**
 * Ctrl/Cmd+S is global but saving belongs to whichever editors are open; they listen for
 * this event rather than registering functions in the store (which would not serialize and
 * would go stale on every render).
 */
export const SAVE_EVENT = 'mockdeck:save';

export function requestSave(): void {
  window.dispatchEvent(new Event(SAVE_EVENT));
}

export function useSaveShortcut(onSave: () => void): void {
  // Always the latest onSave, without re-subscribing on every render.
  const save = useEffectEvent(onSave);
  useEffect(() => {
    const handler = () => save();
    window.addEventListener(SAVE_EVENT, handler);
    return () => window.removeEventListener(SAVE_EVENT, handler);
  }, []);
}
