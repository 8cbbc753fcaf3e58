import type { Condition, Mock, MockResponse, Project } from '../../../shared/models';
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
  isActive: true,
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

/** Deterministic PRNG (mulberry32) so weighted draws are reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
