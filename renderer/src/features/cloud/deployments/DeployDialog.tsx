import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AccountView, DeploymentView } from '../../../../../shared/ipc/cloud';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call, subscribe } from '../../../app/api';
import { invalidate } from '../../../app/query';
import { qk } from '../../../app/query-keys';
import { useAppStore } from '../../../app/store';
import { CopyButton } from '../../../ui/CopyButton';
import { Dialog } from '../../../ui/Dialog';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { exampleUrl } from './deploy-example';

export interface DeployTarget {
  id: string;
  name: string;
  mocks?: readonly { path: string; method?: string }[];
}

type Step = 'syncing' | 'starting';
type Outcome = 'running' | 'done' | 'failed';
const STEPS: { phase: Step; label: string }[] = [
  { phase: 'syncing', label: 'Sync the project to the cloud' },
  { phase: 'starting', label: 'Create the deployment and wait until it serves' },
];

/**
 * Runs deployments.deploy as soon as it opens (one click). The core syncs, creates and
 * polls in one call; sync.progress events tell the two halves apart.
 */
export function DeployDialog({ project, onClose }: { project: DeployTarget; onClose: () => void }) {
  const { openCloud, selectDeployment } = useAppStore(
    useShallow((s) => ({ openCloud: s.openCloud, selectDeployment: s.selectDeployment })),
  );
  // The step reached so far; on failure it names where the deploy stopped.
  const [phase, setPhase] = useState<Step>('syncing');
  const [outcome, setOutcome] = useState<Outcome>('running');
  const [detail, setDetail] = useState('Starting…');
  const [deployment, setDeployment] = useState<DeploymentView | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const started = useRef(false);
  const cancelRef = useRef<AbortController | null>(null);
  // The plan is read first: without hosted mocks the deploy would sync the project and then be
  // refused, so it is explained before anything is sent. Unknown (the call failed): try anyway.
  // Asked afresh, not from the cache: a plan changed since the account screen was open counts.
  const [account, setAccount] = useState<AccountView | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    call('account.get', {})
      .then((a) => live && setAccount(a))
      .catch(() => live && setAccount(null));
    return () => {
      live = false;
    };
  }, []);
  const planKnown = account !== undefined;
  const noHosting = account?.limits.hostedMocks === false;

  useEffect(() => {
    if (!planKnown || noHosting) return;
    const off = subscribe('sync.progress', (p) => {
      if (p.phase === 'finished') {
        setPhase('starting');
        setDetail('Waiting for the cloud to start it…');
      } else if (p.phase !== 'failed') setDetail(p.project ? `${p.message} (${p.project})` : p.message);
    });
    // StrictMode mounts twice in development; a deploy must start once.
    if (!started.current) {
      started.current = true;
      const controller = new AbortController();
      cancelRef.current = controller;
      call('deployments.deploy', { projectId: project.id }, { signal: controller.signal })
        .then((d) => {
          setDeployment(d);
          setOutcome('done');
        })
        .catch((e: unknown) => {
          setError(e as AppErrorShape);
          setOutcome('failed');
        })
        .finally(() => {
          cancelRef.current = null;
          invalidate(qk.cloud.all);
        });
    }
    return off;
  }, [project.id, planKnown, noHosting]);

  const showDeployments = () => {
    if (deployment) selectDeployment(deployment.id);
    openCloud('deployments');
    onClose();
  };
  const busy = outcome === 'running' && !noHosting;

  return (
    <Dialog
      title={`Deploy “${project.name}”`}
      onClose={onClose}
      footer={
        <>
          {outcome === 'done' && (
            <button type="button" className="btn" onClick={showDeployments}>
              Open deployments
            </button>
          )}
          {busy && (
            <button type="button" className="btn" onClick={() => cancelRef.current?.abort()}>
              Cancel deploy
            </button>
          )}
          <button type="button" className={`btn ${busy ? '' : 'btn-primary'}`} onClick={onClose}>
            {busy ? 'Hide (keeps deploying)' : 'Close'}
          </button>
        </>
      }
    >
      {noHosting && (
        <div className="notice notice-info" role="note">
          <p>
            Your plan ({account?.plan}) does not include hosted mocks. Deploying would sync “{project.name}” to the
            cloud and then be refused, so nothing was sent. Sync keeps working on this plan; upgrade to Pro or Team to
            deploy it to a public URL.
          </p>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              openCloud('account');
              onClose();
            }}
          >
            See plan and usage
          </button>
        </div>
      )}
      {!noHosting && (
        <ol className="deploy-steps" aria-label="Deploy progress">
          {STEPS.map((s, i) => {
            const reached = STEPS.findIndex((x) => x.phase === phase);
            const state =
              outcome === 'done' || reached > i
                ? 'done'
                : reached < i
                  ? 'todo'
                  : outcome === 'failed'
                    ? 'failed'
                    : 'current';
            return (
              <li key={s.phase} className={`step step-${state}`}>
                <span className="step-mark" aria-hidden="true">
                  {state === 'done' ? '✓' : state === 'failed' ? '✗' : state === 'current' ? '…' : '○'}
                </span>{' '}
                {s.label}
                {state === 'current' && <div className="muted small">{detail}</div>}
              </li>
            );
          })}
        </ol>
      )}
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
            Try it: <code className="example-url">{exampleUrl(deployment.url, project.mocks)}</code>. Deploy again after
            editing to update what this URL serves.
          </p>
        </div>
      )}
      <CloudErrorNotice error={error} />
    </Dialog>
  );
}
