import type { MockWithResponses } from '../../../../shared/ipc/contract';
import type { MockSummary } from '../../../../shared/models';
import { call } from '../../app/api';
import { useQuery } from '../../app/query';
import { qk } from '../../app/query-keys';

export const useMocks = (projectId: string) =>
  useQuery<MockSummary[]>(qk.mocks.list(projectId), () => call('mocks.list', { projectId }));

export const useMock = (id: string | null) =>
  useQuery<MockWithResponses>(id ? qk.mocks.detail(id) : null, () => call('mocks.get', { id: id! }));
