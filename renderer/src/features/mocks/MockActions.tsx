import { useState } from 'react';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import type { Mock } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate } from '../../app/query';
import { mockKeys } from '../../app/query-keys';
import { warnShadowing } from './use-mock-form';
import { useAppStore } from '../../app/store';
import { ConfirmDialog } from '../../ui/Dialog';

export function MockActions({ projectId, mock }: { projectId: string; mock: Mock }) {
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const [confirming, setConfirming] = useState(false);

  const fail = (e: unknown) => {
    const err = e as AppErrorShape;
    notify({ kind: 'error', message: err.message, hint: err.hint });
  };
  const duplicate = async () => {
    try {
      const copy = await call('mocks.duplicate', { id: mock.id });
      invalidate(...mockKeys(projectId, copy.id));
      navigate({ mockId: copy.id });
      warnShadowing(notify, copy.warnings);
    } catch (e) {
      fail(e);
    }
  };
  const remove = async () => {
    setConfirming(false);
    try {
      await call('mocks.delete', { id: mock.id });
      invalidate(...mockKeys(projectId, mock.id));
      notify({ kind: 'info', message: `Mock ${mock.method} ${mock.path} deleted` });
      // Its editors are gone with it: nothing left to guard.
      useAppStore.setState({ dirty: {} });
      navigate({ mockId: null });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => void duplicate()}>
        Duplicate mock
      </button>
      <button type="button" className="btn btn-small btn-danger-ghost" onClick={() => setConfirming(true)}>
        Delete mock
      </button>
      {confirming && (
        <ConfirmDialog
          title="Delete mock?"
          danger
          confirmLabel="Delete mock"
          message={
            <p>
              <code>
                {mock.method} {mock.path}
              </code>{' '}
              and all its responses and logs will be deleted. Requests to it will get 404.
            </p>
          }
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}
