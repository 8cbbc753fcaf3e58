import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/store';
import { SideNavEntry } from '../../ui/SideNavEntry';
import { useCloudStatus } from './cloud-queries';

/** The sidebar's way into the Cloud screens, with who is signed in at a glance. */
export function CloudNavButton() {
  const { cloudOpen, openCloud, closeCloud } = useAppStore(
    useShallow((s) => ({ cloudOpen: s.cloudOpen, openCloud: s.openCloud, closeCloud: s.closeCloud })),
  );
  const { data: status } = useCloudStatus();
  const signedIn = status?.signedIn ?? false;
  return (
    <SideNavEntry
      label="Cloud"
      icon={<span className={`dot ${signedIn ? 'dot-on' : 'dot-off'}`} />}
      status={
        status
          ? signedIn
            ? `Signed in${status.user ? ` as ${status.user.username}` : ''}`
            : 'Not signed in: sync and deploy'
          : 'Checking sign-in…'
      }
      statusTestId="cloud-nav-status"
      open={cloudOpen}
      onOpen={openCloud}
      onClose={closeCloud}
    />
  );
}
