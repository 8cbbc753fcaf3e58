import type { ServerState } from '../../../../shared/ipc/contract';
import type { Chaos } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate, setQueryData, useQuery } from '../../app/query';
import { qk } from '../../app/query-keys';

/** The server's state (the kill switch is part of it), under the same key the server panel reads. */
export const useServerStateForChaos = () => useQuery<ServerState>(qk.server, () => call('server.status', {}));

export async function saveMockChaos(projectId: string, mockId: string, chaos: Chaos | null): Promise<void> {
  await call('mocks.update', { id: mockId, patch: { chaos } });
  invalidate(qk.mocks.detail(mockId), qk.mocks.list(projectId));
}

export async function saveProjectChaos(projectId: string, chaos: Chaos | null): Promise<void> {
  await call('projects.update', { id: projectId, patch: { chaos } });
  invalidate(qk.projects.detail(projectId), qk.projects.lists);
}

export async function setChaosEnabled(enabled: boolean): Promise<void> {
  setQueryData(qk.server, await call('chaos.setEnabled', { enabled }));
}
