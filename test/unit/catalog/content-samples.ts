import type { MockContent, ProjectContent, ResponseContent } from '../../../shared/models';

/**
 * One value for every content field of a project, a mock and a response, none of them the
 * field's default: the round-trip tests check each survives every mapping. A field added to
 * a model must be added here too (the type below, and content-round-trip.test.ts, insist).
 */
export const project = {
  name: 'Round Trip API',
  description: 'every field, none at its default',
  isPublic: true,
  templatingSeed: 42,
} satisfies Required<ProjectContent>;

export const mock = {
  name: 'Patch an item',
  path: '/items/{id}',
  method: 'PATCH',
  description: 'updates one item',
  responseType: 'xml',
  responseDelay: 250,
  responseMode: 'sequential',
  isActive: false,
} satisfies Required<MockContent>;

export const response = {
  name: 'Teapot',
  statusCode: 418,
  headers: { 'X-Trace': 'abc', 'Content-Language': 'fr' },
  body: '<teapot short="true"/>',
  isDefault: true,
  weight: 7.5,
  conditions: [{ type: 'query', field: 'q', operator: 'regex', value: '^a+$' }],
  disableTemplating: true,
} satisfies Required<ResponseContent>;

export const placement = { slug: 'round-trip-placed', port: 4567 };
