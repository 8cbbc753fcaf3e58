import type { MockWithResponses } from '../../../../shared/ipc/contract';
import type { MockSummary } from '../../../../shared/models';
import { call } from '../../app/api';
import { keys, useQuery } from '../../app/query';

export const useMocks = (projectId: string) =>
  useQuery<MockSummary[]>(keys.mocks(projectId), () => call('mocks.list', { projectId }));

export const useMock = (id: string | null) =>
  useQuery<MockWithResponses>(id ? keys.mock(id) : null, () => call('mocks.get', { id: id! }));
