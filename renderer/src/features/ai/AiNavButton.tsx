import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/store';
import { useByok } from './ai-queries';

/** The sidebar's way into the AI settings, with the provider at a glance. */
export function AiNavButton() {
  const { aiOpen, openAi, closeAi } = useAppStore(
    useShallow((s) => ({ aiOpen: s.aiOpen, openAi: s.openAi, closeAi: s.closeAi })),
  );
  const { data: view } = useByok();
  return (
    <div className="cloud-nav">
      <button
        type="button"
        className={`project-item cloud-nav-btn ${aiOpen ? 'active' : ''}`}
        aria-current={aiOpen ? 'page' : undefined}
        aria-describedby="ai-nav-status"
        onClick={() => (aiOpen ? closeAi() : openAi())}
      >
        <span className="project-name">
          <span className={`dot ${view?.enabled ? 'dot-on' : 'dot-off'}`} aria-hidden="true" /> AI
        </span>
      </button>
      {/* Beside the button, not in it: its name stays the visible "AI" (WCAG 2.5.3), as Cloud's. */}
      <span id="ai-nav-status" className="project-meta cloud-nav-status">
        {view ? (view.enabled ? `${view.model} · your key` : 'Not set up: bring your own key') : 'Checking…'}
      </span>
    </div>
  );
}
