import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountApi } from '../../../main/core/cloud/account/account-api';
import { MockForgeApi } from '../../../main/core/cloud/api';
import { ProjectsApi } from '../../../main/core/cloud/projects-api';
import { openLocal, type Local } from './harness';

/**
 * The client is a tolerant reader: for EVERY cloud call, an answer that lacks a documented
 * field the caller does not use and carries a field MockDeck has never heard of still
 * succeeds. Answers are the spec's examples (mockforge-cloud-api.md, mockbird-api.md) served
 * by a fake fetch; each case names the field it removes. A call added to an API class
 * without a case here fails the coverage test at the bottom.
 */
const BASE = 'http://cloud.test';
const EXTRA = { x_added_later: { nested: [1, 2, 3] } };
const NOW = '2025-01-20T12:00:00Z';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEiLCJ1c2VybmFtZSI6ImpvaG5kb2UifQ.sig';

const org = { id: 'org-1', name: 'Acme', slug: 'acme', plan: 'pro', owner_id: 'u-1', created_at: NOW };
const token = {
  id: 't-1',
  name: 'CI',
  token_prefix: 'mfx_abc',
  scopes: ['read'],
  last_used_at: NOW,
  expires_at: null,
  created_at: NOW,
  age_days: 3,
  needs_rotation: false,
};
const deployment = {
  id: 'd-1',
  org_id: 'org-1',
  project_id: 'p-1',
  name: 'API',
  slug: 'api',
  description: 'd',
  status: 'active',
  health_status: 'healthy',
  url: 'https://acme.mockforge.dev/api',
  config_json: {},
  created_at: NOW,
  updated_at: NOW,
};
const project = {
  project_id: 'p-1',
  name: 'P',
  description: '',
  slug: 'p',
  is_public: 0,
  org_id: 'org-1',
  mock_count: 1,
  created_at: NOW,
  updated_at: NOW,
};
const mock = {
  mock_id: 'm-1',
  project_id: 'p-1',
  name: 'M',
  path: '/a',
  method: 'GET',
  description: '',
  response_type: 'json',
  response_delay_ms: 0,
  response_mode: 'random',
  is_active: 1,
  response_count: 1,
  created_at: NOW,
  updated_at: NOW,
};
const response = {
  response_id: 'r-1',
  mock_id: 'm-1',
  name: 'OK',
  status_code: 200,
  headers: '{}',
  body: '{}',
  is_default: 1,
  weight: 100,
  conditions: '[]',
  created_at: NOW,
  updated_at: NOW,
};
const usage = {
  requests: 1,
  requests_limit: 10,
  storage_bytes: 1,
  storage_limit_bytes: 10,
  ai_tokens_used: 0,
  ai_tokens_limit: 10,
  period_start: NOW,
  period_end: NOW,
};
const subscription = {
  org_id: 'org-1',
  plan: 'pro',
  status: 'active',
  current_period_end: NOW,
  usage,
  limits: {
    max_projects: 10,
    max_collaborators: 5,
    requests_per_30d: 250000,
    storage_gb: 20,
    ai_tokens_per_month: 100000,
    hosted_mocks: true,
  },
};

interface Case {
  /** `Class.method` */
  call: string;
  answer: unknown;
  /** Dotted path of the field removed; `[]` steps into the first array item. */
  drop: string;
  run: (a: { mf: MockForgeApi; pj: ProjectsApi; ac: AccountApi }) => Promise<unknown>;
  envelope?: boolean;
}

const CASES: Case[] = [
  {
    call: 'MockForgeApi.health',
    answer: { status: 'ok', version: '1.0.0' },
    drop: 'version',
    run: ({ mf }) => mf.health(),
  },
  {
    call: 'MockForgeApi.register',
    answer: { token: JWT, user_id: 'u-1', username: 'johndoe' },
    drop: 'username',
    run: ({ mf }) => mf.register({ username: 'johndoe', email: 'j@x.io', password: 'password1' }),
  },
  {
    call: 'MockForgeApi.login',
    answer: { token: JWT, user_id: 'u-1', username: 'johndoe' },
    drop: 'user_id',
    run: ({ mf }) => mf.login({ email: 'j@x.io', password: 'p' }),
  },
  {
    call: 'MockForgeApi.refresh',
    answer: { token: JWT, user_id: 'u-1', username: 'johndoe' },
    drop: 'username',
    run: ({ mf }) => mf.refresh(JWT),
  },
  { call: 'MockForgeApi.organizations', answer: [org], drop: '[].owner_id', run: ({ mf }) => mf.organizations() },
  { call: 'MockForgeApi.organization', answer: org, drop: 'created_at', run: ({ mf }) => mf.organization('org-1') },
  {
    call: 'MockForgeApi.createToken',
    answer: { ...token, token: 'mfx_abcdefgh' },
    drop: 'expires_at',
    run: ({ mf }) => mf.createToken({ name: 'CI', scopes: ['read'] }),
  },
  { call: 'MockForgeApi.listTokens', answer: [token], drop: '[].needs_rotation', run: ({ mf }) => mf.listTokens() },
  {
    call: 'MockForgeApi.deleteToken',
    answer: { success: true, message: 'ok' },
    drop: 'message',
    run: ({ mf }) => mf.deleteToken('t-1'),
  },
  {
    call: 'MockForgeApi.rotateToken',
    answer: {
      new_token: 'mfx_new12345',
      new_token_id: 't-2',
      new_token_name: 'CI',
      old_token_id: 't-1',
      old_token_deleted: true,
    },
    drop: 'old_token_deleted',
    run: ({ mf }) => mf.rotateToken('t-1', {}),
  },
  {
    call: 'MockForgeApi.rotationStatus',
    answer: [{ ...token, needs_rotation: true }],
    drop: '[].scopes',
    run: ({ mf }) => mf.rotationStatus(),
  },
  {
    call: 'MockForgeApi.createDeployment',
    answer: deployment,
    drop: 'org_id',
    run: ({ mf }) => mf.createDeployment({ name: 'API', slug: 'api', project_id: 'p-1' }),
  },
  {
    call: 'MockForgeApi.listDeployments',
    answer: [deployment],
    drop: '[].description',
    run: ({ mf }) => mf.listDeployments(),
  },
  {
    call: 'MockForgeApi.getDeployment',
    answer: deployment,
    drop: 'config_json',
    run: ({ mf }) => mf.getDeployment('d-1'),
  },
  {
    call: 'MockForgeApi.setDeploymentStatus',
    answer: { id: 'd-1', status: 'stopped', updated_at: NOW },
    drop: 'status',
    run: ({ mf }) => mf.setDeploymentStatus('d-1', 'stopped'),
  },
  {
    call: 'MockForgeApi.deleteDeployment',
    answer: { success: true, message: 'ok' },
    drop: 'success',
    run: ({ mf }) => mf.deleteDeployment('d-1'),
  },
  {
    call: 'MockForgeApi.deploymentLogs',
    answer: [{ id: 'l-1', level: 'info', message: 'started', created_at: NOW }],
    drop: '[].id',
    run: ({ mf }) => mf.deploymentLogs('d-1'),
  },
  {
    call: 'MockForgeApi.deploymentMetrics',
    answer: {
      requests_total: 1,
      requests_per_minute: 1,
      average_response_time_ms: 1,
      error_rate: 0,
      status_codes: { '200': 1 },
      period_start: NOW,
      period_end: NOW,
    },
    drop: 'period_start',
    run: ({ mf }) => mf.deploymentMetrics('d-1'),
  },
  { call: 'MockForgeApi.usage', answer: usage, drop: 'period_end', run: ({ mf }) => mf.usage() },
  // The case of issue 19: sync and deploy failed on this.
  {
    call: 'MockForgeApi.subscription',
    answer: subscription,
    drop: 'limits.max_collaborators',
    run: ({ mf }) => mf.subscription(),
  },
  {
    call: 'MockForgeApi.raw',
    answer: { anything: true },
    drop: 'anything',
    run: ({ mf }) => mf.raw('GET', '/api/v1/anything'),
  },

  {
    call: 'ProjectsApi.listProjects',
    answer: [project],
    drop: '[].mock_count',
    run: ({ pj }) => pj.listProjects(),
    envelope: true,
  },
  {
    call: 'ProjectsApi.getProject',
    answer: { ...project, mocks: [mock] },
    drop: 'org_id',
    run: ({ pj }) => pj.getProject('p-1'),
    envelope: true,
  },
  {
    call: 'ProjectsApi.createProject',
    answer: project,
    drop: 'mock_count',
    run: ({ pj }) => pj.createProject({ name: 'P', description: '', isPublic: false } as never),
    envelope: true,
  },
  {
    call: 'ProjectsApi.batchCreate',
    answer: project,
    drop: 'org_id',
    run: ({ pj }) => pj.batchCreate({} as never),
    envelope: true,
  },
  {
    call: 'ProjectsApi.updateProject',
    answer: project,
    drop: 'mock_count',
    run: ({ pj }) => pj.updateProject('p-1', {}),
    envelope: true,
  },
  {
    call: 'ProjectsApi.deleteProject',
    answer: { project_id: 'p-1', deleted: true },
    drop: 'project_id',
    run: ({ pj }) => pj.deleteProject('p-1'),
    envelope: true,
  },
  {
    call: 'ProjectsApi.listMocks',
    answer: [mock],
    drop: '[].response_count',
    run: ({ pj }) => pj.listMocks('p-1'),
    envelope: true,
  },
  {
    call: 'ProjectsApi.createMock',
    answer: mock,
    drop: 'response_count',
    run: ({ pj }) => pj.createMock('p-1', {} as never),
    envelope: true,
  },
  {
    call: 'ProjectsApi.updateMock',
    answer: mock,
    drop: 'response_count',
    run: ({ pj }) => pj.updateMock('m-1', {}),
    envelope: true,
  },
  {
    call: 'ProjectsApi.deleteMock',
    answer: { mock_id: 'm-1', deleted: true },
    drop: 'mock_id',
    run: ({ pj }) => pj.deleteMock('m-1'),
    envelope: true,
  },
  {
    call: 'ProjectsApi.listResponses',
    answer: [response],
    drop: '[].updated_at',
    run: ({ pj }) => pj.listResponses('m-1'),
    envelope: true,
  },
  {
    call: 'ProjectsApi.createResponse',
    answer: response,
    drop: 'updated_at',
    run: ({ pj }) => pj.createResponse('m-1', {} as never),
    envelope: true,
  },
  {
    call: 'ProjectsApi.updateResponse',
    answer: response,
    drop: 'updated_at',
    run: ({ pj }) => pj.updateResponse('m-1', 'r-1', {}),
    envelope: true,
  },
  {
    call: 'ProjectsApi.deleteResponse',
    answer: { response_id: 'r-1', deleted: true },
    drop: 'response_id',
    run: ({ pj }) => pj.deleteResponse('m-1', 'r-1'),
    envelope: true,
  },

  {
    call: 'AccountApi.usageHistory',
    answer: [{ period_start: NOW, period_end: NOW, requests: 5, storage_bytes: 1, ai_tokens_used: 0 }],
    drop: '[].ai_tokens_used',
    run: ({ ac }) => ac.usageHistory(6),
  },
  {
    call: 'AccountApi.checkout',
    answer: { checkout_url: 'https://checkout.stripe.com/c/pay/cs_1', session_id: 'cs_1' },
    drop: 'session_id',
    run: ({ ac }) => ac.checkout({ plan: 'pro', success_url: 'http://127.0.0.1/s', cancel_url: 'http://127.0.0.1/c' }),
  },
  {
    call: 'AccountApi.gdprExport',
    answer: {
      user_data: { id: 'u-1', email: 'j@x.io' },
      organizations: [],
      deployments: [],
      api_tokens: [],
      exported_at: NOW,
    },
    drop: 'deployments',
    run: ({ ac }) => ac.gdprExport(),
  },
  {
    call: 'AccountApi.gdprDelete',
    answer: { message: 'Data deletion initiated.', deletion_scheduled_at: NOW },
    drop: 'deletion_scheduled_at',
    run: ({ ac }) => ac.gdprDelete(),
  },
  {
    call: 'AccountApi.legal',
    answer: { title: 'Terms of Service', content: '# Terms', last_updated: '2024-07-20' },
    drop: 'last_updated',
    run: ({ ac }) => ac.legal('terms'),
  },
  {
    call: 'AccountApi.faq',
    answer: { categories: ['Billing'], items: [{ id: 'f-1', question: 'Q?', answer: 'A.', category: 'Billing' }] },
    drop: 'categories',
    run: ({ ac }) => ac.faq(),
  },
  {
    call: 'AccountApi.contactSupport',
    answer: { ticket_id: 'TKT-123456', message: 'received' },
    drop: 'message',
    run: ({ ac }) => ac.contactSupport({ category: 'technical', priority: 'high', subject: 's', message: 'm' }, true),
  },
  {
    call: 'AccountApi.detailedHealth',
    answer: { status: 'ok', version: '1.0.0', timestamp: NOW, checks: { database: 'ok' } },
    drop: 'timestamp',
    run: ({ ac }) => ac.detailedHealth(),
  },
  {
    call: 'AccountApi.systemStatus',
    answer: {
      overall: 'operational',
      services: [{ name: 'Database', status: 'operational', message: null }],
      timestamp: NOW,
    },
    drop: 'services.[].message',
    run: ({ ac }) => ac.systemStatus(),
  },
];

/** A deep copy of `value` without the field at `path`, plus EXTRA at the top and in the first nested object. */
function tolerantAnswer(value: unknown, path: string): unknown {
  const copy = structuredClone(value) as Record<string, unknown> | Record<string, unknown>[];
  const steps = path.split('.');
  let at: unknown = copy;
  for (const step of steps.slice(0, -1))
    at = step === '[]' ? (at as unknown[])[0] : (at as Record<string, unknown>)[step];
  const last = steps.at(-1)!.replace(/^\[\]/, '');
  const holder = (steps.at(-1)!.startsWith('[]') ? (at as unknown[])[0] : at) as Record<string, unknown>;
  if (!(last in holder)) throw new Error(`case drops ${path}, which the example does not have`);
  delete holder[last];
  Object.assign(holder, EXTRA);
  if (!Array.isArray(copy)) Object.assign(copy, EXTRA);
  return copy;
}

describe('tolerant reader: every cloud call accepts a missing unused field and an extra one', () => {
  let local: Local;
  let answer: { body: unknown } = { body: null };
  beforeAll(async () => {
    local = openLocal(BASE, {
      fetch: async () =>
        new Response(JSON.stringify(answer.body), { status: 200, headers: { 'content-type': 'application/json' } }),
    });
    await local.secrets.set(`cloud-jwt@${BASE}`, JWT);
  });
  afterAll(() => local.close());

  const apis = () => ({ mf: local.cloud.api, pj: local.cloud.projectsApi, ac: new AccountApi(local.cloud.http) });

  it.each(CASES)('$call without $drop, with an extra field', async (c) => {
    const body = tolerantAnswer(c.answer, c.drop);
    answer = { body: c.envelope ? { data: body } : body };
    await expect(c.run(apis())).resolves.toBeDefined();
  });

  it('a subscription without limits.max_collaborators still lets sync and the account screen work', async () => {
    answer = { body: tolerantAnswer(subscription, 'limits.max_collaborators') };
    local.cloud.settings.setDefaultOrgId(null);
    // What sync's prepare step does: learn the organization from the subscription.
    const sub = await local.cloud.api.subscription();
    expect(sub.org_id).toBe('org-1');
    expect(sub.limits.max_collaborators).toBeNull();
    expect(sub.limits.max_projects).toBe(10);
  });

  it('covers every method of every cloud API class', () => {
    const methods = (name: string, proto: object) =>
      Object.getOwnPropertyNames(proto)
        .filter((m) => m !== 'constructor' && m !== 'isUncertain')
        .map((m) => `${name}.${m}`);
    const all = [
      ...methods('MockForgeApi', MockForgeApi.prototype),
      ...methods('ProjectsApi', ProjectsApi.prototype),
      ...methods('AccountApi', AccountApi.prototype),
    ];
    expect(all.filter((m) => !CASES.some((c) => c.call === m))).toEqual([]);
  });
});
