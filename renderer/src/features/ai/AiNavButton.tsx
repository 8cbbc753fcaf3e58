import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/store';
import { SideNavEntry } from '../../ui/SideNavEntry';
import { useByok } from './ai-queries';

/** The sidebar's way into the AI settings, with the provider at a glance. */
export function AiNavButton() {
  const { aiOpen, openAi, closeAi } = useAppStore(
    useShallow((s) => ({ aiOpen: s.aiOpen, openAi: s.openAi, closeAi: s.closeAi })),
  );
  const { data: view } = useByok();
  return (
    <SideNavEntry
      label="AI"
      icon={<span className={`dot ${view?.enabled ? 'dot-on' : 'dot-off'}`} />}
      status={view ? (view.enabled ? `${view.model} · your key` : 'Not set up: bring your own key') : 'Checking…'}
      open={aiOpen}
      onOpen={openAi}
      onClose={closeAi}
    />
  );
}
