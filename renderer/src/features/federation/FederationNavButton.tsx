import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/store';

/** The sidebar's way into the federation screen (projects composed under /f/<name>/). */
export function FederationNavButton() {
  const { open, openFederations, closeFederations } = useAppStore(
    useShallow((s) => ({
      open: s.federationsOpen,
      openFederations: s.openFederations,
      closeFederations: s.closeFederations,
    })),
  );
  return (
    <div className="cloud-nav">
      <button
        type="button"
        className={`project-item cloud-nav-btn ${open ? 'active' : ''}`}
        aria-current={open ? 'page' : undefined}
        aria-label="Federations"
        onClick={() => (open ? closeFederations() : openFederations())}
      >
        <span className="project-name">⇄ Federations</span>
        <span className="project-meta">Projects together under /f/&lt;name&gt;/</span>
      </button>
    </div>
  );
}
