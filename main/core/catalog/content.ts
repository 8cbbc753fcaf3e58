import type { Mock, MockResponse } from '../../../shared/models';

/**
 * What a mock or a response *is*, apart from where it is stored: the fields a user edits,
 * without ids, timestamps or order. Sync fingerprints this, project files carry it, so the
 * two always agree on what counts as a change; a field added here reaches both.
 */
export type MockContentFields = Pick<
  Mock,
  'name' | 'path' | 'method' | 'description' | 'responseType' | 'responseDelay' | 'responseMode' | 'isActive'
>;
export type ResponseContentFields = Pick<
  MockResponse,
  'name' | 'statusCode' | 'headers' | 'body' | 'isDefault' | 'weight' | 'conditions'
>;

// Fields are copied one by one, not spread: anything later added to the stored rows (ids,
// cloud links) must not leak into a fingerprint or a file users commit to git.
export const mockContent = (m: MockContentFields): MockContentFields => ({
  name: m.name,
  path: m.path,
  method: m.method,
  description: m.description,
  responseType: m.responseType,
  responseDelay: m.responseDelay,
  responseMode: m.responseMode,
  isActive: m.isActive,
});

export const responseContent = (r: ResponseContentFields): ResponseContentFields => ({
  name: r.name,
  statusCode: r.statusCode,
  headers: { ...r.headers },
  body: r.body,
  isDefault: r.isDefault,
  weight: r.weight,
  conditions: r.conditions.map((c) => ({ type: c.type, field: c.field, operator: c.operator, value: c.value })),
});
