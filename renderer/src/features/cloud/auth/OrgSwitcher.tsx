import { useState } from 'react';
import type { AppErrorShape } from '../../../../../shared/ipc/result';
import { call } from '../../../app/api';
import { invalidate } from '../../../app/query';
import { qk } from '../../../app/query-keys';
import { CloudErrorNotice } from '../CloudErrorNotice';
import { useOrgs } from '../cloud-queries';

/** Everything in the cloud (tokens, deployments, usage, sync) belongs to the selected organization. */
export function OrgSwitcher() {
  const { data: orgs, error: loadError } = useOrgs(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const selected = orgs?.find((o) => o.selected)?.id ?? '';

  const select = async (id: string) => {
    setBusy(true);
    setError(null);
    try {
      await call('orgs.select', { id: id || null });
      invalidate(qk.cloud.all);
    } catch (e) {
      setError(e as AppErrorShape);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="org-switcher">
      <label className="inline-label">
        Organization
        <select
          aria-label="Organization"
          value={selected}
          disabled={busy || !orgs}
          onChange={(e) => void select(e.target.value)}
        >
          <option value="">{orgs ? 'Personal org (default)' : 'Loading…'}</option>
          {orgs?.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} · {o.plan}
            </option>
          ))}
        </select>
      </label>
      <CloudErrorNotice error={error ?? loadError} {...(error ? { onDismiss: () => setError(null) } : {})} />
    </div>
  );
}
