import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/store';
import { useCloudStatus } from './cloud-queries';

/** The sidebar's way into the Cloud screens, with who is signed in at a glance. */
export function CloudNavButton() {
  const { cloudOpen, openCloud, closeCloud } = useAppStore(
    useShallow((s) => ({ cloudOpen: s.cloudOpen, openCloud: s.openCloud, closeCloud: s.closeCloud })),
  );
  const { data: status } = useCloudStatus();
  const signedIn = status?.signedIn ?? false;
  return (
    <div className="cloud-nav">
      <button
        type="button"
        className={`project-item cloud-nav-btn ${cloudOpen ? 'active' : ''}`}
        aria-current={cloudOpen ? 'page' : undefined}
        aria-describedby="cloud-nav-status"
        onClick={() => (cloudOpen ? closeCloud() : openCloud())}
      >
        <span className="project-name">
          <span className={`dot ${signedIn ? 'dot-on' : 'dot-off'}`} aria-hidden="true" />
          Cloud
        </span>
      </button>
      {/* Beside the button, not in it: its name stays the visible "Cloud" (WCAG 2.5.3). */}
      <span id="cloud-nav-status" className="project-meta cloud-nav-status" data-testid="cloud-nav-status">
        {status
          ? signedIn
            ? `Signed in${status.user ? ` as ${status.user.username}` : ''}`
            : 'Not signed in: sync and deploy'
          : 'Checking sign-in…'}
      </span>
    </div>
  );
}
