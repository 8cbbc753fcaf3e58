import type { RequestLogSummary } from '../../../shared/ipc/contract';

/** A plausible log row; tests override what they care about. */
export const summary = (p: Partial<RequestLogSummary> = {}): RequestLogSummary => ({
  id: 'l1',
  projectId: 'p1',
  mockId: 'm1',
  responseId: 'r1',
  requestPath: '/users/42',
  requestMethod: 'GET',
  requestQuery: {},
  responseStatus: 200,
  responseBodyTruncated: false,
  responseTimeMs: 1.2,
  ipAddress: '127.0.0.1',
  userAgent: 'node',
  errorCode: null,
  conditionFailures: [],
  createdAt: '2026-11-22T10:00:00.000Z',
  mockName: 'Get user',
  responseName: 'OK',
  ...p,
});
