import { useEffect } from 'react';
import { useAppStore } from './store';
import { requestSave } from './save-event';

export type ShortcutAction = 'new-mock' | 'save' | 'palette' | 'search' | null;

const isTyping = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** Maps a key event to an action; pure so the mapping is unit-tested without a DOM. */
export function shortcutFor(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
  typing: boolean,
): ShortcutAction {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && !e.altKey && key === 's') return 'save';
  if (mod && !e.altKey && !e.shiftKey && key === 'n') return 'new-mock';
  if (mod && !e.altKey && (key === 'k' || (e.shiftKey && key === 'p'))) return 'palette';
  if (!mod && !e.altKey && e.key === '/' && !typing) return 'search';
  return null;
}

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(e, isTyping(e.target));
      if (!action) return;
      e.preventDefault();
      const s = useAppStore.getState();
      if (action === 'save') requestSave();
      else if (action === 'new-mock') {
        if (s.projectId) s.navigate({ view: 'mocks', mockId: 'new' });
        else s.setProjectDialog({ mode: 'create' });
      } else if (action === 'palette') s.setPaletteOpen(!s.paletteOpen);
      else s.focusSearch();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
