import type { ServerState } from '../../../../shared/ipc/contract';
import type { Chaos } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate, keys, setQueryData, useQuery } from '../../app/query';

/** The server's state (the kill switch is part of it), under the same key the server panel reads. */
export const useServerStateForChaos = () => useQuery<ServerState>(keys.server, () => call('server.status', {}));

export async function saveMockChaos(projectId: string, mockId: string, chaos: Chaos | null): Promise<void> {
  await call('mocks.update', { id: mockId, patch: { chaos } });
  invalidate(keys.mock(mockId), keys.mocks(projectId));
}

export async function saveProjectChaos(projectId: string, chaos: Chaos | null): Promise<void> {
  await call('projects.update', { id: projectId, patch: { chaos } });
  invalidate(keys.project(projectId), keys.projectsAll);
}

export async function setChaosEnabled(enabled: boolean): Promise<void> {
  setQueryData(keys.server, await call('chaos.setEnabled', { enabled }));
}
