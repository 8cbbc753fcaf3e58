import { useState } from 'react';
import { useAppStore } from '../../../app/store';
import { Dialog } from '../../../ui/Dialog';
import { useCloudStatus } from '../cloud-queries';
import { DeployDialog, type DeployTarget } from './DeployDialog';
// The project header renders this outside the Cloud screens, so it brings its own styles.
import '../cloud.css';
import '../cloud-screens.css';

/** One-click deploy from the project header; signed out, it says how to get there instead. */
export function DeployButton({ project }: { project: DeployTarget }) {
  const { data: status } = useCloudStatus();
  const openCloud = useAppStore((s) => s.openCloud);
  const [open, setOpen] = useState(false);
  const signedIn = status?.signedIn ?? false;
  return (
    <>
      <button
        type="button"
        className="btn btn-small btn-primary"
        title={signedIn ? 'Sync this project and deploy it to a public URL' : 'Sign in to the cloud to deploy'}
        onClick={() => setOpen(true)}
      >
        Deploy
      </button>
      {open && signedIn && <DeployDialog project={project} onClose={() => setOpen(false)} />}
      {open && !signedIn && (
        <Dialog
          title="Sign in to deploy"
          onClose={() => setOpen(false)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setOpen(false)}>
                Cancel
              </button>
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => {
                  setOpen(false);
                  openCloud('account');
                }}
              >
                Open Cloud sign-in
              </button>
            </>
          }
        >
          <p>
            Deploying puts “{project.name}” on a public URL in MockForge Cloud, so your team and CI can call it. Sign in
            (or create a free account) first; the project stays on this machine either way.
          </p>
        </Dialog>
      )}
    </>
  );
}
