import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DeploymentView } from '../../../../../shared/ipc/cloud';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call, subscribe } from '../../../app/api';
import { invalidate } from '../../../app/query';
import { useAppStore } from '../../../app/store';
import { CopyButton } from '../../../ui/CopyButton';
import { Dialog } from '../../../ui/Dialog';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { cloudKeys } from '../cloud-queries';

type Phase = 'syncing' | 'starting' | 'done' | 'failed';
const STEPS: { phase: Phase; label: string }[] = [
  { phase: 'syncing', label: 'Sync the project to the cloud' },
  { phase: 'starting', label: 'Create the deployment and wait until it serves' },
];

/**
 * Runs deployments.deploy as soon as it opens (one click). The core syncs, creates and
 * polls in one call; sync.progress events tell the two halves apart.
 */
export function DeployDialog({ project, onClose }: { project: { id: string; name: string }; onClose: () => void }) {
  const { openCloud, selectDeployment } = useAppStore(
    useShallow((s) => ({ openCloud: s.openCloud, selectDeployment: s.selectDeployment })),
  );
  const [phase, setPhase] = useState<Phase>('syncing');
  const [detail, setDetail] = useState('Starting…');
  const [deployment, setDeployment] = useState<DeploymentView | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const started = useRef(false);

  useEffect(() => {
    const off = subscribe('sync.progress', (p) => {
      if (p.phase === 'finished') {
        setPhase((ph) => (ph === 'syncing' ? 'starting' : ph));
        setDetail('Waiting for the cloud to start it…');
      } else if (p.phase !== 'failed') setDetail(p.project ? `${p.message} (${p.project})` : p.message);
    });
    // StrictMode mounts twice in development; a deploy must start once.
    if (!started.current) {
      started.current = true;
      call('deployments.deploy', { projectId: project.id })
        .then((d) => {
          setDeployment(d);
          setPhase('done');
        })
        .catch((e: unknown) => {
          setError(e as AppErrorShape);
          setPhase('failed');
        })
        .finally(() => invalidate(cloudKeys.all));
    }
    return off;
  }, [project.id]);

  const showDeployments = () => {
    if (deployment) selectDeployment(deployment.id);
    openCloud('deployments');
    onClose();
  };
  const busy = phase === 'syncing' || phase === 'starting';

  return (
    <Dialog
      title={`Deploy “${project.name}”`}
      onClose={onClose}
      footer={
        <>
          {phase === 'done' && (
            <button type="button" className="btn" onClick={showDeployments}>
              Open deployments
            </button>
          )}
          <button type="button" className={`btn ${busy ? '' : 'btn-primary'}`} onClick={onClose}>
            {busy ? 'Hide (keeps deploying)' : 'Close'}
          </button>
        </>
      }
    >
      <ol className="deploy-steps" aria-label="Deploy progress">
        {STEPS.map((s, i) => {
          const index = STEPS.findIndex((x) => x.phase === phase);
          const state =
            phase === 'done' || (index > i && index >= 0)
              ? 'done'
              : s.phase === phase
                ? 'current'
                : phase === 'failed'
                  ? 'stopped'
                  : 'todo';
          return (
            <li key={s.phase} className={`step step-${state}`}>
              <span className="step-mark" aria-hidden="true">
                {state === 'done' ? '✓' : state === 'current' ? '…' : '○'}
              </span>{' '}
              {s.label}
              {state === 'current' && <div className="muted small">{detail}</div>}
            </li>
          );
        })}
      </ol>
      {busy && (
        <div role="status" className="muted small">
          <span className="spinner" aria-hidden="true" /> Deploying…
        </div>
      )}
      {deployment && (
        <div className="deploy-done" role="status">
          <strong>Live at</strong>
          <div className="token-reveal">
            <code data-testid="deployed-url">{deployment.url}</code>
            <CopyButton text={deployment.url} label="Copy deployment URL" />
          </div>
          <p className="muted small">
            Call your mocks under this URL, e.g. <code>{deployment.url}/your/path</code>. Deploy again after editing to
            update it.
          </p>
        </div>
      )}
      <CloudErrorNotice error={error} />
    </Dialog>
  );
}
