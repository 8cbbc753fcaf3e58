import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DeploymentView } from '../../../../../shared/ipc/cloud';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call } from '../../../app/api';
import { invalidate } from '../../../app/query';
import { qk } from '../../../app/query-keys';
import { useAppStore } from '../../../app/store';
import { CopyButton } from '../../../ui/CopyButton';
import { ConfirmDialog } from '../../../ui/Dialog';
import { EmptyState } from '../../../ui/EmptyState';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { useDeployments } from '../cloud-queries';
import { ago } from '../format';
import { DeploymentDetail } from './DeploymentDetail';
import { StatusBadge } from './StatusBadge';

export function DeploymentsScreen() {
  const { data: list, error: loadError, refetch } = useDeployments(true);
  const { selectedId, select, closeCloud } = useAppStore(
    useShallow((s) => ({ selectedId: s.cloudDeploymentId, select: s.selectDeployment, closeCloud: s.closeCloud })),
  );
  const [deleting, setDeleting] = useState<DeploymentView | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const selected = list?.find((d) => d.id === selectedId) ?? list?.[0] ?? null;

  const act = async (d: DeploymentView, action: () => Promise<unknown>) => {
    setBusyId(d.id);
    setError(null);
    try {
      await action();
      invalidate(qk.cloud.deployments, qk.cloud.deployment(d.id), qk.cloud.account);
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      setBusyId(null);
    }
  };
  const setStatus = (d: DeploymentView, status: 'active' | 'stopped') =>
    act(d, () => call('deployments.setStatus', { id: d.id, status }));
  const remove = async (d: DeploymentView) => {
    await act(d, () => call('deployments.delete', { id: d.id }));
    setDeleting(null);
    if (selectedId === d.id) select(null);
  };

  return (
    <div className="cloud-screen">
      <div className="cloud-screen-head">
        <div>
          <h2>Deployments</h2>
          <p className="muted">
            Hosted copies of your projects at a public URL. Deploy a project with the <strong>Deploy</strong> button in
            its header; redeploying updates the same URL.
          </p>
        </div>
        <button type="button" className="btn btn-small" onClick={refetch}>
          Refresh
        </button>
      </div>
      <CloudErrorNotice error={error ?? loadError} {...(error ? { onDismiss: () => setError(null) } : {})} />
      {!list && !loadError && <div className="loading">Loading deployments…</div>}
      {list && list.length === 0 && (
        <EmptyState
          title="Nothing deployed yet"
          action={
            <button type="button" className="btn btn-primary" onClick={closeCloud}>
              Go to a project
            </button>
          }
        >
          Open a project and press <strong>Deploy</strong>: MockDeck syncs it, deploys it and gives you a URL your team
          and CI can call.
        </EmptyState>
      )}
      {list && list.length > 0 && (
        <table className="cloud-table" aria-label="Deployments">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">URL</th>
              <th scope="col">Updated</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.id} className={selected?.id === d.id ? 'row-selected' : ''}>
                <td>
                  <button
                    type="button"
                    className="link-btn"
                    aria-label={`Show metrics and logs of ${d.name}`}
                    aria-pressed={selected?.id === d.id}
                    onClick={() => select(d.id)}
                  >
                    {d.name}
                  </button>
                </td>
                <td>
                  <StatusBadge status={d.status} health={d.health} />
                </td>
                <td className="url-cell">
                  <code data-testid="deployment-url">{d.url}</code>
                  <CopyButton text={d.url} label={`Copy URL of ${d.name}`} />
                </td>
                <td>{ago(d.updatedAt ?? d.createdAt)}</td>
                <td className="row-actions">
                  {d.status === 'stopped' || d.status === 'failed' ? (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={busyId === d.id}
                      aria-label={`Start ${d.name}`}
                      onClick={() => void setStatus(d, 'active')}
                    >
                      Start
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={busyId === d.id}
                      aria-label={`Stop ${d.name}`}
                      onClick={() => void setStatus(d, 'stopped')}
                    >
                      Stop
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn btn-small btn-danger-ghost"
                    aria-label={`Delete ${d.name}`}
                    onClick={() => setDeleting(d)}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && <DeploymentDetail key={selected.id} deployment={selected} />}
      {deleting && (
        <ConfirmDialog
          title={`Delete deployment “${deleting.name}”?`}
          danger
          busy={busyId === deleting.id}
          confirmLabel="Delete deployment"
          message={
            <p>
              <code>{deleting.url}</code> stops answering and its logs and metrics are deleted. The project itself
              stays, here and in the cloud; you can deploy it again later.
            </p>
          }
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      )}
    </div>
  );
}
