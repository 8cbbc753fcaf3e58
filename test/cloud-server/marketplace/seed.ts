import { stringify } from 'yaml';
import { tarGz, zip } from './archive';
import type { MarketState } from './state';

/** A native project file (what `mockdeck export` writes) with the given mocks. */
export function projectFile(
  name: string,
  mocks: { method: string; path: string; status: number; body: unknown }[],
): string {
  return JSON.stringify(
    {
      mockdeck: 'project',
      version: 1,
      exportedAt: '2025-01-01T00:00:00.000Z',
      project: {
        name,
        description: `${name} from the marketplace`,
        isPublic: false,
        templatingSeed: null,
        slug: name,
        port: null,
        chaos: null,
      },
      mocks: mocks.map((m, i) => ({
        name: `${m.method} ${m.path}`,
        path: m.path,
        method: m.method,
        description: '',
        responseType: 'json',
        responseDelay: 0,
        responseMode: 'random',
        isActive: true,
        sortOrder: i,
        responses: [
          {
            name: 'OK',
            statusCode: m.status,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(m.body),
            isDefault: true,
          },
        ],
      })),
      buckets: [],
    },
    null,
    2,
  );
}

const manifest = (name: string, version: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    name,
    version,
    description: `${name} ${version}`,
    author: 'mockforge',
    license: 'MIT',
    kind: 'scenario',
    ...extra,
  });

const PAYMENT_MOCKS = [
  {
    method: 'GET',
    path: '/payments',
    status: 200,
    body: [{ id: 'pay_1', amount: 4200, currency: 'EUR', status: 'captured' }],
  },
  { method: 'POST', path: '/payments', status: 201, body: { id: 'pay_2', status: 'pending' } },
  { method: 'GET', path: '/payments/{id}', status: 200, body: { id: 'pay_1', status: 'captured' } },
];

const OPENAPI = `openapi: 3.0.3
info:
  title: Petstore
  version: 1.0.0
paths:
  /pets:
    get:
      responses:
        '200':
          description: the pets
          content:
            application/json:
              example: [{ "id": 1, "name": "Rex" }]
`;

/**
 * A working plugin (the ABI of docs/plugins.md): plugins/examples/http-auth/http-auth.wat built
 * by `npm run build:plugins`. Answers 401 unless the request carries an Authorization header.
 */
export const HTTP_AUTH_WASM = Buffer.from(
  'AGFzbQEAAAABEgNgAX8Bf2ACf38Bf2ACf38BfgMEAwABAgUEAQEBIAYHAX8BQYAICwcbAwZtZW1vcnkCAAVhbGxvYwAABmhhbmRsZQACCq8BAzcBA38jACEBIAEgAGohAiACQf//A2pBEHY/AGshAyADQQBKBEAgA0AAQX9GBEAACwsgAiQAIAELXAEDfyAAIAFqQRFrIQQgACECAkADQCACIARKDQFBACEDAkADQCACIANqLQAAQYAEIANqLQAARw0BIANBAWohAyADQRFGBEBBAQ8LDAALCyACQQFqIQIMAAsLQQALGAAgACABEAEEfkICBULAAEIghkLcAIQLCwuBAQMAQQALAnt9AEHAAAtceyJzdGF0dXMiOjQwMSwiaGVhZGVycyI6eyJ3d3ctYXV0aGVudGljYXRlIjoiQmVhcmVyIn0sImJvZHkiOiJ7XCJlcnJvclwiOlwidW5hdXRob3JpemVkXCJ9In0AQYAECxEiYXV0aG9yaXphdGlvbiI6Ig==',
  'base64',
);

/** Names of the hostile packages, each refused on install for the reason in its description. */
export const HOSTILE = {
  checksum: 'evil-checksum',
  tarDotDot: 'evil-tar-dotdot',
  tarAbsolute: 'evil-tar-absolute',
  zipDotDot: 'evil-zip-dotdot',
  zipAbsolute: 'evil-zip-absolute',
  symlink: 'evil-symlink',
  hardlink: 'evil-hardlink',
  device: 'evil-device',
  manyEntries: 'evil-many-entries',
  noName: 'evil-no-name',
  noVersion: 'evil-no-version',
  notWasm: 'evil-not-wasm',
  /** Added by tests (generated streamed at setup): marketplace.addPackage. */
  bomb: 'evil-bomb',
} as const;

/**
 * The seeded catalog: three scenarios (payment-flow with a yanked newest version and 25
 * reviews for paging; an OpenAPI one; user-auth), a zip template, a plugin, and the hostile
 * packages (HOSTILE). Reviews and downloads make sorting and paging visible.
 */
export function seedMarketplace(m: MarketState): void {
  const pay = (v: string) =>
    tarGz([
      { name: 'manifest.json', body: manifest('payment-flow', v) },
      { name: 'project.json', body: projectFile('payment-flow', PAYMENT_MOCKS) },
    ]);
  const base = {
    kind: 'scenarios' as const,
    name: 'payment-flow',
    description: 'Payment processing scenario: list, create and read payments',
    category: 'ecommerce',
    tags: ['payment', 'api'],
    author: 'johndoe',
    license: 'MIT',
    downloads: 200,
  };
  m.add(base, { version: '1.0.0', data: pay('1.0.0') }, '2025-01-01T00:00:00Z');
  m.add(base, { version: '1.1.0', data: pay('1.1.0') }, '2025-02-01T00:00:00Z');
  m.add(base, { version: '2.0.0', data: pay('2.0.0'), yanked: true }, '2025-03-01T00:00:00Z');
  const payment = m.get('scenarios', 'payment-flow')!;
  for (let i = 0; i < 25; i++) {
    m.addReview(payment, {
      reviewer: `reviewer${i}`,
      reviewer_email: `reviewer${i}@example.com`,
      rating: (i % 5) + 1,
      title: `Review ${i}`,
      comment: `Review number ${i}: works for my checkout tests.`,
      created_at: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
    });
  }
  m.add(
    {
      kind: 'scenarios',
      name: 'petstore-openapi',
      description: 'The petstore as an OpenAPI document',
      category: 'demo',
      tags: ['openapi', 'api'],
      downloads: 50,
    },
    {
      version: '1.0.0',
      data: tarGz([
        { name: 'manifest.json', body: manifest('petstore-openapi', '1.0.0') },
        { name: 'openapi.yaml', body: OPENAPI },
      ]),
    },
  );
  // Not project.json: any document the import registry reads (here a native file as YAML).
  m.add(
    {
      kind: 'scenarios',
      name: 'inventory-yaml',
      description: 'Inventory, as a YAML project document',
      category: 'examples',
      tags: ['yaml'],
      downloads: 20,
    },
    {
      version: '1.0.0',
      data: tarGz([
        { name: 'manifest.json', body: manifest('inventory-yaml', '1.0.0') },
        {
          name: 'inventory.yaml',
          body: stringify(
            JSON.parse(projectFile('inventory-yaml', [{ method: 'GET', path: '/inventory', status: 200, body: [] }])),
          ),
        },
      ]),
    },
  );
  m.add(
    {
      kind: 'scenarios',
      name: 'user-auth',
      description: 'Sign-in and tokens',
      category: 'security',
      tags: ['auth'],
      downloads: 80,
    },
    {
      version: '0.3.0',
      data: tarGz([
        { name: 'manifest.json', body: manifest('user-auth', '0.3.0') },
        {
          name: 'project.json',
          body: projectFile('user-auth', [{ method: 'POST', path: '/login', status: 200, body: { token: 'demo' } }]),
        },
      ]),
    },
  );
  m.add(
    {
      kind: 'templates',
      name: 'chaos-testing',
      description: 'Chaos testing template',
      category: 'chaos',
      tags: ['testing', 'chaos'],
      author: 'johndoe',
      downloads: 500,
    },
    {
      version: '1.0.0',
      data: zip([
        { name: 'manifest.json', body: manifest('chaos-testing', '1.0.0', { kind: 'template' }) },
        {
          name: 'project.json',
          body: projectFile('chaos-testing', [
            { method: 'GET', path: '/flaky', status: 503, body: { error: 'unavailable' } },
          ]),
        },
      ]),
    },
  );
  m.add(
    {
      kind: 'plugins',
      name: 'http-auth',
      description: 'HTTP authentication plugin',
      category: 'auth',
      downloads: 1000,
    },
    { version: '1.0.0', data: HTTP_AUTH_WASM },
  );

  // Hostile packages (docs/marketplace.md "What install refuses").
  const good = (name: string) => [
    { name: 'manifest.json', body: manifest(name, '1.0.0') },
    { name: 'project.json', body: projectFile(name, PAYMENT_MOCKS.slice(0, 1)) },
  ];
  const hostile = (name: string, data: Buffer, checksum?: string) =>
    m.add(
      { kind: 'scenarios', name, description: `hostile: ${name}`, category: 'hostile', tags: ['hostile'] },
      { version: '1.0.0', data, ...(checksum ? { checksum } : {}) },
    );
  hostile(HOSTILE.checksum, tarGz(good(HOSTILE.checksum)), '0'.repeat(64));
  hostile(
    HOSTILE.tarDotDot,
    tarGz([...good(HOSTILE.tarDotDot), { name: '../../mockdeck-escaped.txt', body: 'owned' }]),
  );
  hostile(
    HOSTILE.tarAbsolute,
    tarGz([{ name: '/tmp/mockdeck-absolute.txt', body: 'owned' }, ...good(HOSTILE.tarAbsolute)]),
  );
  hostile(
    HOSTILE.zipDotDot,
    zip([...good(HOSTILE.zipDotDot), { name: '../../mockdeck-escaped-zip.txt', body: 'owned' }]),
  );
  hostile(
    HOSTILE.zipAbsolute,
    zip([{ name: '/tmp/mockdeck-absolute-zip.txt', body: 'owned' }, ...good(HOSTILE.zipAbsolute)]),
  );
  hostile(
    HOSTILE.symlink,
    tarGz([
      { name: 'project.json', type: 'symlink', linkname: '/etc/passwd' },
      { name: 'manifest.json', body: manifest(HOSTILE.symlink, '1.0.0') },
    ]),
  );
  hostile(
    HOSTILE.hardlink,
    tarGz([...good(HOSTILE.hardlink), { name: 'passwd', type: 'hardlink', linkname: '/etc/passwd' }]),
  );
  hostile(HOSTILE.device, tarGz([...good(HOSTILE.device), { name: 'null', type: 'chardev' }]));
  hostile(
    HOSTILE.manyEntries,
    tarGz([
      ...good(HOSTILE.manyEntries),
      ...Array.from({ length: 1000 }, (_, i) => ({ name: `f/${i}.txt`, body: 'x' })),
    ]),
  );
  hostile(
    HOSTILE.noName,
    tarGz([{ name: 'manifest.json', body: JSON.stringify({ version: '1.0.0' }) }, good(HOSTILE.noName)[1]!]),
  );
  hostile(
    HOSTILE.noVersion,
    tarGz([{ name: 'manifest.json', body: JSON.stringify({ name: HOSTILE.noVersion }) }, good(HOSTILE.noVersion)[1]!]),
  );
  m.add(
    { kind: 'plugins', name: HOSTILE.notWasm, description: 'hostile: a shell script', category: 'other' },
    { version: '1.0.0', data: Buffer.from('#!/bin/sh\nrm -rf ~\n') },
  );
}
