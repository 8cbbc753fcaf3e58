import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { useAppStore } from './store';

/**
 * What an editor form with a Save button shares: the unsaved-changes guard for `editor`, whether a save
 * was tried (so "required"-style errors show), the save in flight and the core's error from the last save.
 */
export function useFormSave(editor: string, guardDirty: boolean) {
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<AppErrorShape | null>(null);
  const [saving, setSaving] = useState(false);
  const setDirty = useAppStore((s) => s.setDirty);

  useEffect(() => {
    setDirty(editor, guardDirty);
  }, [editor, guardDirty, setDirty]);
  useEffect(() => () => setDirty(editor, false), [editor, setDirty]);

  /**
   * Marks a save as tried; false when the form has errors. Otherwise runs `write` unless a save is already
   * in flight, and keeps what it throws as the server error; a failed save leaves the form as typed.
   */
  const save = async (invalid: boolean, write: () => Promise<void>): Promise<boolean> => {
    setAttempted(true);
    if (invalid) return false;
    if (saving) return true;
    setSaving(true);
    setServerError(null);
    try {
      await write();
    } catch (e) {
      setServerError(e as AppErrorShape);
    } finally {
      setSaving(false);
    }
    return true;
  };

  return {
    attempted,
    saving,
    serverError,
    save,
    /** After a successful save: errors wait for the next one again. */
    saved: () => setAttempted(false),
    /** Forget the tried save and the server error (revert). */
    reset: () => {
      setAttempted(false);
      setServerError(null);
    },
    clearError: () => setServerError(null),
    /** A new record was created and the editor moves to it: nothing is unsaved. */
    markClean: () => setDirty(editor, false),
  };
}
