import { seededRandom, type Condition, type Mock, type MockResponse, type Project } from '../../../shared/models';
import type { EngineRequest } from '../../../main/core/engine';

const T = '2026-01-01T00:00:00.000Z';
let n = 0;
const nextId = (prefix: string): string => `${prefix}-${++n}`;

export const project = (over: Partial<Project> = {}): Project => ({
  id: 'p1',
  name: 'Shop',
  description: '',
  slug: 'shop',
  isPublic: false,
  templatingSeed: null,
  port: null,
  logSecrets: false,
  logRetention: null,
  chaos: null,
  upstreamUrl: null,
  proxyMode: 'off',
  proxyConnectTimeoutMs: 5000,
  proxyResponseTimeoutMs: 15000,
  recordGeneralizeIds: false,
  createdAt: T,
  updatedAt: T,
  ...over,
});

export const mock = (over: Partial<Mock> = {}): Mock => ({
  id: nextId('m'),
  projectId: 'p1',
  name: 'mock',
  path: '/users',
  method: 'GET',
  description: '',
  responseType: 'json',
  responseDelay: 0,
  responseMode: 'random',
  responseSelection: 'weighted',
  isActive: true,
  chaos: null,
  kind: 'http',
  bucket: null,
  crudKey: 'id',
  createdAt: T,
  updatedAt: T,
  ...over,
});

export const response = (mockId: string, over: Partial<MockResponse> = {}): MockResponse => ({
  id: nextId('r'),
  mockId,
  name: 'resp',
  statusCode: 200,
  headers: {},
  body: '',
  isDefault: false,
  weight: 100,
  disableTemplating: false,
  conditions: [],
  conditionLogic: 'and',
  scenarioName: '',
  requiredScenarioState: '',
  newScenarioState: '',
  sortOrder: 0,
  createdAt: T,
  updatedAt: T,
  ...over,
});

export const cond = (
  type: Condition['type'],
  field: string,
  operator: Condition['operator'],
  value = '',
): Condition => ({
  type,
  field,
  operator,
  value,
});

export const request = (over: Partial<EngineRequest> = {}): EngineRequest => ({
  method: 'GET',
  path: '/users',
  headers: {},
  query: {},
  rawBody: Buffer.alloc(0),
  ...over,
});

/** Deterministic PRNG (mulberry32) so weighted draws are reproducible: the one chaos seeds with. */
export const seeded = seededRandom;
