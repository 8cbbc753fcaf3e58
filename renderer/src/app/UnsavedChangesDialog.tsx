import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ConfirmDialog } from '../ui/Dialog';
import { anyDirty } from './slices/dirty-slice';
import { useAppStore } from './store';

/** Asks before a navigation drops an edit, and before the window closes on one. */
export function UnsavedChangesDialog() {
  const { pending, confirm, cancel } = useAppStore(
    useShallow((s) => ({ pending: s.pendingNav, confirm: s.confirmPendingNav, cancel: s.cancelPendingNav })),
  );
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (anyDirty(useAppStore.getState())) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
  if (!pending) return null;
  return (
    <ConfirmDialog
      title="Discard unsaved changes?"
      danger
      confirmLabel="Discard changes"
      message={<p>You have edits that are not saved. Leave and lose them, or stay and save with Ctrl+S.</p>}
      onConfirm={confirm}
      onCancel={cancel}
    />
  );
}
