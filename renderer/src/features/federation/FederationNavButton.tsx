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
        aria-describedby="federation-nav-status"
        onClick={() => (open ? closeFederations() : openFederations())}
      >
        <span className="project-name">
          <span aria-hidden="true">⇄ </span>Federations
        </span>
      </button>
      <span id="federation-nav-status" className="project-meta cloud-nav-status">
        Projects together under /f/&lt;name&gt;/
      </span>
    </div>
  );
}
