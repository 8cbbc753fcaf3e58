import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readDocument } from '../../../main/core/transfer';
import { sampleSchema } from '../../../main/core/transfer/formats/openapi/sample';
import { openapiValidator, pointerOf } from './openapi-ajv';

const FIXTURES = path.join(__dirname, '../../fixtures/openapi');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const read = (name: string, basePath: 'keep' | 'drop' = 'keep') =>
  readDocument({ content: fixture(name), format: 'auto', fileName: name, basePath });

type Schema = Record<string, unknown>;
const validator = (doc: unknown, pointer: string) => openapiValidator(doc)(pointer);

describe('OpenAPI reader', () => {
  it('reads Swagger 2.0 YAML: a mock per operation (HEAD too), the 2xx first, basePath kept', async () => {
    const r = await read('petstore-2.0.yaml');
    expect(r.format).toBe('openapi');
    expect(r.draft.project.name).toBe('Swagger Petstore');
    expect(r.report.basePath).toEqual({ path: '/v2', kept: true });
    expect(r.draft.mocks.map((m) => `${m.method} ${m.path} ${m.name}`)).toEqual([
      'GET /v2/pets listPets',
      'POST /v2/pets createPet',
      'GET /v2/pets/{petId} showPetById',
      'HEAD /v2/pets/{petId} HEAD /pets/{petId}',
    ]);
    const show = r.draft.mocks[2]!;
    // 404 is documented first, but the 2xx is the default and comes first.
    expect(show.responses.map((x) => [x.statusCode, x.isDefault])).toEqual([
      [200, true],
      [404, false],
    ]);
    expect(show.responseMode).toBe('disable_rules');
    const pet = JSON.parse(show.responses[0]!.body);
    expect(pet).toMatchObject({ id: 1, name: 'string', tag: 'dog' });
    const list = r.draft.mocks[0]!;
    expect(list.responses.map((x) => x.statusCode)).toEqual([200, 500]); // "default" beside a 2xx: the error
    expect(list.responses[0]!.headers).toEqual({ 'x-next': 'string' });
    expect(JSON.parse(r.draft.mocks[1]!.responses[0]!.body)).toEqual({ id: 7, name: 'Rex' });
    expect(r.report.skipped.map((s) => s.where)).not.toContain('HEAD /pets/{petId}');
  });

  it('drops the base path on request', async () => {
    const r = await read('petstore-2.0.yaml', 'drop');
    expect(r.report.basePath).toEqual({ path: '/v2', kept: false });
    expect(r.draft.mocks[0]!.path).toBe('/pets');
  });

  it('reads 3.0 JSON with circular refs: bounded bodies valid against the schema; external refs, callbacks, unsendable bodies listed', async () => {
    const r = await read('circular-3.0.json');
    expect(r.report.basePath).toEqual({ path: '/api/v1', kept: true }); // server variables' defaults
    const person = r.draft.mocks.find((m) => m.path === '/api/v1/people/{person_id}')!;
    expect(person).toBeDefined();
    const body: unknown = JSON.parse(person.responses[0]!.body);
    const doc = JSON.parse(fixture('circular-3.0.json'));
    const validate = validator(doc, '/components/schemas/Person');
    expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(person.responses[0]!.body.length).toBeLessThan(200_000);
    // problem+json keeps its content type on a JSON mock
    expect(person.responses[1]).toMatchObject({
      statusCode: 410,
      headers: { 'Content-Type': 'application/problem+json' },
    });
    const teams = r.draft.mocks.find((m) => m.name === 'listTeams')!;
    expect(teams.responses[0]!.statusCode).toBe(200); // 2XX
    const teamsValid = validator(
      doc,
      pointerOf('paths', '/teams', 'get', 'responses', '2XX', 'content', 'application/json', 'schema'),
    );
    expect(teamsValid(JSON.parse(teams.responses[0]!.body)), JSON.stringify(teamsValid.errors?.slice(0, 3))).toBe(true);

    const whats = r.report.skipped.map((s) => `${s.where}: ${s.what}`);
    expect(whats).toContainEqual(expect.stringMatching(/\$ref other\.yaml#/));
    expect(whats).toContainEqual(expect.stringMatching(/^GET \/people\/\{person-id\}: callbacks \(onChange\)/));
    expect(whats).toContainEqual(expect.stringMatching(/^GET \/files\/\{name\}\.json: operation/));
    expect(whats).toContainEqual(expect.stringMatching(/^GET \/report response 200: application\/pdf body/));
  });

  it('reads 3.1 YAML: type lists, oneOf/anyOf, exclusiveMinimum as a number, named examples as responses, text bodies, webhooks listed', async () => {
    const r = await read('shapes-3.1.yaml');
    expect(r.report.basePath).toEqual({ path: '/v3', kept: true });
    const shape = r.draft.mocks.find((m) => m.name === 'getShape')!;
    const doc = parseYaml(fixture('shapes-3.1.yaml'));
    const validate = validator(doc, '/components/schemas/Shape');
    const body = JSON.parse(shape.responses[0]!.body);
    expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(body.geometry).toEqual({ radius: 1 });
    expect(shape.responses.map((x) => [x.statusCode, x.name, x.body.replace(/\s/g, '')])).toEqual([
      [200, '200 a shape', shape.responses[0]!.body.replace(/\s/g, '')],
      [404, 'Not found', '{"error":"notfound"}'],
      [404, 'gone', '{"error":"gone"}'],
    ]);
    const ping = r.draft.mocks.find((m) => m.path === '/v3/ping')!;
    expect(ping).toMatchObject({ responseType: 'text' });
    expect(ping.responses[0]!.body).toBe('pong');
    const del = r.draft.mocks.find((m) => m.method === 'DELETE')!;
    expect(del.responses[0]).toMatchObject({ statusCode: 204, body: '' });
    expect(r.report.skipped).toContainEqual(expect.objectContaining({ where: '#/webhooks' }));
  });

  it('imports the same document the same way twice (no randomness)', async () => {
    const a = await read('circular-3.0.json');
    const b = await read('circular-3.0.json');
    expect(a.draft).toEqual(b.draft);
  });

  it('refuses versions it does not read and documents without paths, saying what to do', async () => {
    await expect(readDocument({ content: 'openapi: 4.0.0\npaths: {}\n', format: 'auto' })).rejects.toThrow(
      /declares openapi version "4.0.0", which MockDeck does not read/,
    );
    await expect(readDocument({ content: '{"swagger":"1.2","paths":{}}', format: 'openapi' })).rejects.toThrow(
      /swagger version "1.2"/,
    );
    await expect(readDocument({ content: 'openapi: 3.0.0\ninfo: {title: x}\n', format: 'auto' })).rejects.toThrow(
      /has no "paths"/,
    );
    await expect(readDocument({ content: '# just text', format: 'openapi' })).rejects.toThrow(
      /not an OpenAPI document/,
    );
  });

  it('lists a $ref that points nowhere and imports the rest', async () => {
    const doc = {
      openapi: '3.0.0',
      info: { title: 'Broken', version: '1' },
      paths: {
        '/a': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } },
              },
            },
          },
        },
      },
    };
    const r = await readDocument({ content: JSON.stringify(doc), format: 'auto' });
    expect(r.draft.mocks).toHaveLength(1);
    expect(r.report.skipped).toContainEqual(
      expect.objectContaining({ what: '$ref #/components/schemas/Nope', reason: 'points to nothing in the document' }),
    );
  });
});

describe('schema sampler', () => {
  const ajv = new Ajv({ strict: false });
  addFormats(ajv);
  const valid = (schema: Schema) => {
    const v = sampleSchema(schema);
    const ok = ajv.validate(schema, v);
    return { v, ok, errors: ajv.errorsText() };
  };

  it.each<[string, Schema]>([
    [
      'formats',
      {
        type: 'object',
        properties: Object.fromEntries(
          ['date-time', 'date', 'time', 'email', 'uri', 'uuid', 'ipv4', 'ipv6', 'hostname', 'byte'].map((f) => [
            f,
            { type: 'string', format: f },
          ]),
        ),
      },
    ],
    [
      'enum and const',
      { type: 'object', required: ['a', 'b'], properties: { a: { enum: [null, 'x', 'y'] }, b: { const: 3 } } },
    ],
    [
      'bounds',
      {
        type: 'object',
        properties: {
          i: { type: 'integer', minimum: 7, maximum: 9 },
          n: { type: 'number', exclusiveMinimum: 2.5 },
          m: { type: 'integer', multipleOf: 4, minimum: 5 },
          neg: { type: 'integer', maximum: -3 },
        },
      },
    ],
    ['string lengths', { type: 'string', minLength: 12, maxLength: 12 }],
    ['array bounds', { type: 'array', items: { type: 'integer' }, minItems: 3, maxItems: 3, uniqueItems: true }],
    [
      'allOf merges',
      {
        allOf: [
          { type: 'object', required: ['a'], properties: { a: { type: 'string' } } },
          { required: ['b'], properties: { b: { type: 'integer', minimum: 2 } } },
        ],
      },
    ],
    [
      'oneOf with additionalProperties false',
      {
        oneOf: [
          { type: 'object', required: ['x'], properties: { x: { type: 'string' } }, additionalProperties: false },
          { type: 'object', required: ['y'], properties: { y: { type: 'string' } }, additionalProperties: false },
        ],
      },
    ],
    ['anyOf with null', { anyOf: [{ type: 'null' }, { type: 'integer', minimum: 10 }] }],
    [
      'minProperties over additionalProperties',
      { type: 'object', minProperties: 2, additionalProperties: { type: 'boolean' } },
    ],
  ])('%s: the sample validates', (_name, schema) => {
    const r = valid(schema);
    expect(r.ok, `${JSON.stringify(r.v)} ${r.errors}`).toBe(true);
  });

  it('bounds a schema that is wide at every level and circular', () => {
    const node: Schema = { type: 'object', properties: {} };
    const props = node.properties as Schema;
    for (let i = 0; i < 50; i++) props[`p${i}`] = node; // 50 optional children, each the node itself
    const wide: Schema = { type: 'object', required: Array.from({ length: 20 }, (_, i) => `r${i}`), properties: {} };
    for (let i = 0; i < 20; i++) (wide.properties as Schema)[`r${i}`] = wide; // required cycle, 20 wide
    const counter = { nodes: 0 };
    sampleSchema(node, { optionalDepth: 8, optionalNodes: 1500, hardDepth: 40, hardNodes: 20_000, counter });
    expect(counter.nodes).toBeLessThan(25_000);
    const counter2 = { nodes: 0 };
    const v = sampleSchema(wide, {
      optionalDepth: 8,
      optionalNodes: 1500,
      hardDepth: 40,
      hardNodes: 20_000,
      counter: counter2,
    });
    expect(counter2.nodes).toBeLessThan(25_000);
    expect(JSON.stringify(v).length).toBeLessThan(2_000_000);
  });
});
