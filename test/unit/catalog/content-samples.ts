import type { BucketContent, MockContent, ProjectContent, ResponseContent } from '../../../shared/models';

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
  kind: 'crud',
  bucket: 'items',
  crudKey: 'data.id',
  responseSelection: 'first',
} satisfies Required<MockContent>;

export const response = {
  name: 'Teapot',
  statusCode: 418,
  // A repeated header (a list: two Set-Cookie lines) beside single values: every mapping keeps both shapes.
  headers: { 'X-Trace': 'abc', 'Content-Language': 'fr', 'Set-Cookie': ['a=1; Path=/', 'b=2; HttpOnly'] },
  body: '<teapot short="true"/>',
  isDefault: true,
  weight: 7.5,
  conditions: [
    { type: 'query', field: 'q', operator: 'regex', value: '^a+$' },
    { type: 'cookie', field: 'session', operator: 'regex', value: '^ab', flags: 'i', invert: true },
    { type: 'method', field: '', operator: 'equals', value: 'PATCH' },
    { type: 'body', field: '$.items[0]', operator: 'valid_json_schema', value: '{"type":"object"}' },
  ],
  conditionLogic: 'or',
  scenarioName: 'checkout',
  requiredScenarioState: 'Started',
  newScenarioState: 'Paid',
  disableTemplating: true,
} satisfies Required<ResponseContent>;

/** A data bucket: project content that travels in project files (the cloud has no place for it). */
export const bucket = {
  name: 'items',
  description: 'seed data for the CRUD route',
  content: '[{"data": {"id": 1}, "label": "one"}]',
  templated: true,
} satisfies Required<BucketContent>;

export const placement = { slug: 'round-trip-placed', port: 4567 };
