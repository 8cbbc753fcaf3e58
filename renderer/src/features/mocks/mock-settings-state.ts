import { useCallback, useState } from 'react';

/**
 * Which mocks' settings the user opened or folded by hand, for this session (the renderer's
 * life). Kept per mock: opening one mock's settings to change its delay should not push every
 * other mock's body editor below the fold.
 */
/**
 * An existing mock's settings fold to one line (the route and what differs from a new mock's
 * defaults) so the response body below stays in view (docs/ui.md). The mock editor's own
 * fields are `<id>-fields`; `controls` lists every part that folds (the chaos section too).
 */
export interface SettingsFold {
  id: string;
  controls: string;
  open: boolean;
  setOpen: (open: boolean) => void;
  /** The mock's chaos in words, or null when it has none of its own. */
  chaos: string | null;
}

const chosen = new Map<string, boolean>();

/**
 * Whether a mock's settings are shown. Until the user says otherwise they are folded while a
 * response is open under them (the body editor must be in view, issue 17) and shown when the
 * mock has nothing else to edit yet.
 */
export function useMockSettingsOpen(mockId: string, responseInView: boolean): [boolean, (open: boolean) => void] {
  const [, rerender] = useState(0);
  const open = chosen.get(mockId) ?? !responseInView;
  const setOpen = useCallback(
    (next: boolean) => {
      chosen.set(mockId, next);
      rerender((n) => n + 1);
    },
    [mockId],
  );
  return [open, setOpen];
}
