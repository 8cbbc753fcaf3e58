import { describe, expect, it } from 'vitest';
import type { Condition, MockResponse } from '../../../shared/models';
import { conditionSchema } from '../../../shared/models';
import { compileProject, createMemoryRuntime, executeRequest, type ProjectRuntime } from '../../../main/core/engine';
import { compileCondition, describeActual } from '../../../main/core/engine/conditions';
import type { EngineRequest, RequestView } from '../../../main/core/engine/types';
import { compileJsonSchema, jsonSchemaCompileProblem } from '../../../main/core/util/json-schema';
import { cond, mock, project, request, response, seeded } from './fixtures';

/** Unit tests of the rule targets and operators beyond the spec's (docs/rules.md). */

const view = (
  { rawBody, ...req }: Omit<Partial<EngineRequest>, 'rawBody'> & { rawBody?: string },
  runtime: ProjectRuntime = createMemoryRuntime(),
): RequestView => ({
  req: request({ ...req, ...(rawBody === undefined ? {} : { rawBody: Buffer.from(rawBody) }) }),
  params: {},
  runtime,
});
const holds = (c: Condition, v: RequestView, calls = { n: 0 }): boolean => {
  const cc = compileCondition(c, { calls });
  return cc.test(cc.read(v), v);
};
const json = (body: unknown) => ({
  method: 'POST',
  rawBody: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

describe('targets', () => {
  it('cookie: by name, several in one header, quoted and percent-encoded values', () => {
    const v = view({ headers: { cookie: 'a=1; session="ab%20c"; theme=dark' } });
    expect(holds(cond('cookie', 'session', 'equals', 'ab c'), v)).toBe(true);
    expect(holds(cond('cookie', 'theme', 'equals', 'dark'), v)).toBe(true);
    expect(holds(cond('cookie', 'missing', 'exists'), v)).toBe(false);
    expect(holds(cond('cookie', 'session', 'exists'), view({}))).toBe(false);
  });

  it('method: the request method, upper-cased, with no field', () => {
    expect(holds(cond('method', '', 'equals', 'POST'), view({ method: 'post' }))).toBe(true);
    expect(holds(cond('method', '', 'equals', 'POST'), view({ method: 'GET' }))).toBe(false);
  });

  it("request_number: the mock's call count the select step keeps", () => {
    const calls = { n: 3 };
    expect(holds(cond('request_number', '', 'equals', '3'), view({}), calls)).toBe(true);
    expect(holds(cond('request_number', '', 'gt', '2'), view({}), calls)).toBe(true);
    calls.n = 4;
    expect(holds(cond('request_number', '', 'equals', '3'), view({}), calls)).toBe(false);
  });

  it('global_var: by name, with a dotted path or a JSONPath', () => {
    const rt = createMemoryRuntime();
    rt.globals.set('user', { name: 'Ann', roles: ['admin'] });
    rt.globals.set('flag', 'on');
    expect(holds(cond('global_var', 'flag', 'equals', 'on'), view({}, rt))).toBe(true);
    expect(holds(cond('global_var', 'user.name', 'equals', 'Ann'), view({}, rt))).toBe(true);
    expect(holds(cond('global_var', 'user.$.roles[0]', 'equals', 'admin'), view({}, rt))).toBe(true);
    expect(holds(cond('global_var', 'user.roles', 'array_includes', 'admin'), view({}, rt))).toBe(true);
    expect(holds(cond('global_var', 'nope', 'null'), view({}, rt))).toBe(true);
  });

  it('data_bucket: a bucket by name, with a path', () => {
    const rt = createMemoryRuntime({ users: [{ id: 1, name: 'Ann' }], empty: [] });
    expect(holds(cond('data_bucket', 'users.0.name', 'equals', 'Ann'), view({}, rt))).toBe(true);
    expect(holds(cond('data_bucket', 'users.$[0].id', 'equals', '1'), view({}, rt))).toBe(true);
    expect(holds(cond('data_bucket', 'empty', 'empty_array'), view({}, rt))).toBe(true);
    expect(holds(cond('data_bucket', 'users', 'empty_array'), view({}, rt))).toBe(false);
    expect(holds(cond('data_bucket', 'unknown', 'exists'), view({}, rt))).toBe(false);
  });

  it("scenario: the scenario's state, 'Started' before anything moved it", () => {
    const rt = createMemoryRuntime();
    expect(holds(cond('scenario', 'cart', 'equals', 'Started'), view({}, rt))).toBe(true);
    rt.scenarios.set('cart', 'Paid');
    expect(holds(cond('scenario', 'cart', 'equals', 'Paid'), view({}, rt))).toBe(true);
  });

  it('body: JSONPath beside dotted paths; several matches match when any one does', () => {
    const v = view(json({ items: [{ id: 'a' }, { id: 'b' }], n: null }));
    expect(holds(cond('body', '$.items[1].id', 'equals', 'b'), v)).toBe(true);
    expect(holds(cond('body', '$.items[*].id', 'equals', 'b'), v)).toBe(true);
    expect(holds(cond('body', '$.items[*].id', 'equals', 'c'), v)).toBe(false);
    expect(holds(cond('body', '$..id', 'array_includes', 'a'), v)).toBe(true);
    expect(holds(cond('body', 'items.0.id', 'equals', 'a'), v)).toBe(true);
    expect(holds(cond('body', '$.items[5].id', 'exists'), v)).toBe(false);
  });
});

describe('operators', () => {
  it('null: absent or JSON null', () => {
    const v = view(json({ a: null, b: 0 }));
    expect(holds(cond('body', 'a', 'null'), v)).toBe(true);
    expect(holds(cond('body', 'missing', 'null'), v)).toBe(true);
    expect(holds(cond('body', 'b', 'null'), v)).toBe(false);
    expect(holds(cond('header', 'x-a', 'null'), view({}))).toBe(true);
  });

  it('empty_array: a JSON array without elements only', () => {
    const v = view(json({ a: [], b: [1], c: '' }));
    expect(holds(cond('body', 'a', 'empty_array'), v)).toBe(true);
    expect(holds(cond('body', 'b', 'empty_array'), v)).toBe(false);
    expect(holds(cond('body', 'c', 'empty_array'), v)).toBe(false);
    expect(holds(cond('body', 'missing', 'empty_array'), v)).toBe(false);
  });

  it('array_includes: JSON arrays (scalars by their text) and repeated query parameters', () => {
    const v = view(json({ tags: ['x', 7, true, { y: 1 }] }));
    expect(holds(cond('body', 'tags', 'array_includes', 'x'), v)).toBe(true);
    expect(holds(cond('body', 'tags', 'array_includes', '7'), v)).toBe(true);
    expect(holds(cond('body', 'tags', 'array_includes', 'true'), v)).toBe(true);
    expect(holds(cond('body', 'tags', 'array_includes', 'z'), v)).toBe(false);
    expect(holds(cond('query', 'id', 'array_includes', '2'), view({ query: { id: ['1', '2'] } }))).toBe(true);
    expect(holds(cond('query', 'id', 'array_includes', '2'), view({ query: { id: '2' } }))).toBe(false);
  });

  it('valid_json_schema: the JSON value validated by a schema compiled once', () => {
    const schema = '{"type":"object","required":["id"],"properties":{"id":{"type":"integer"}}}';
    expect(holds(cond('body', '$', 'valid_json_schema', schema), view(json({ id: 3 })))).toBe(true);
    expect(holds(cond('body', '$', 'valid_json_schema', schema), view(json({ id: '3' })))).toBe(false);
    expect(holds(cond('body', '$', 'valid_json_schema', schema), view(json({})))).toBe(false);
    expect(holds(cond('body', 'missing', 'valid_json_schema', '{}'), view(json({})))).toBe(false);
    // A header is validated as its text.
    const pattern = '{"type":"string","pattern":"^v[0-9]+$"}';
    expect(holds(cond('header', 'x-v', 'valid_json_schema', pattern), view({ headers: { 'x-v': 'v2' } }))).toBe(true);
  });

  it('regex_i and flags: case-insensitive, multi-line, dot-all, on the linear engine', () => {
    const v = view({ query: { q: 'Hello\nWorld' } });
    expect(holds(cond('query', 'q', 'regex', '^hello'), v)).toBe(false);
    expect(holds(cond('query', 'q', 'regex_i', '^hello'), v)).toBe(true);
    expect(holds({ ...cond('query', 'q', 'regex', '^hello'), flags: 'i' }, v)).toBe(true);
    expect(holds({ ...cond('query', 'q', 'regex', '^World$'), flags: 'm' }, v)).toBe(true);
    expect(holds({ ...cond('query', 'q', 'regex', 'o.W'), flags: 's' }, v)).toBe(true);
    expect(holds(cond('query', 'q', 'regex', 'o.W'), v)).toBe(false);
  });

  it('invert negates any operator, absent fields included', () => {
    const inv = (c: Condition): Condition => ({ ...c, invert: true });
    expect(holds(inv(cond('header', 'x-role', 'equals', 'admin')), view({ headers: { 'x-role': 'admin' } }))).toBe(
      false,
    );
    expect(holds(inv(cond('header', 'x-role', 'equals', 'admin')), view({}))).toBe(true);
    expect(holds(inv(cond('body', 'a', 'empty_array')), view(json({ a: [] })))).toBe(false);
  });
});

describe('the condition schema', () => {
  const problem = (c: unknown) => {
    const r = conditionSchema.safeParse(c);
    return r.success ? undefined : r.error.issues[0]?.message;
  };
  it('requires a field except for method and request_number', () => {
    expect(problem({ type: 'cookie', field: '', operator: 'exists' })).toMatch(/field is required for a cookie/);
    expect(problem({ type: 'method', operator: 'equals', value: 'GET' })).toBeUndefined();
  });
  it('checks flags, regexes of regex_i, and JSON schemas', () => {
    expect(problem({ type: 'query', field: 'q', operator: 'regex', value: 'a', flags: 'x' })).toMatch(/flags/);
    expect(problem({ type: 'query', field: 'q', operator: 'regex_i', value: '(?=a)' })).toMatch(/lookaheads/);
    expect(problem({ type: 'body', field: '$', operator: 'valid_json_schema', value: '{' })).toMatch(/not valid JSON/);
    expect(problem({ type: 'body', field: '$', operator: 'valid_json_schema', value: '[]' })).toMatch(/JSON object/);
  });
  it("refuses what ajv cannot compile or cannot bound: unknown keywords' types, uniqueItems, heavy patterns", () => {
    expect(jsonSchemaCompileProblem('{"type":"nonsense"}')).toMatch(/cannot be compiled/);
    expect(jsonSchemaCompileProblem('{"uniqueItems":true}')).toMatch(/uniqueItems/);
    expect(jsonSchemaCompileProblem('{"pattern":"(?=a)"}')).toMatch(/cannot be compiled/);
    expect(jsonSchemaCompileProblem('{"type":"object"}')).toBeUndefined();
    // A catastrophic pattern runs in linear time on re2js.
    const v = compileJsonSchema('{"type":"string","pattern":"^(a+)+$"}');
    expect(v(`${'a'.repeat(50_000)}!`)).toBe(false);
  });
});

describe('the log shows JSON values as JSON', () => {
  it('describeActual', () => {
    expect(describeActual({ a: [1] })).toBe('{"a":[1]}');
    expect(describeActual([])).toBe('[]');
    expect(describeActual(null)).toBe('null');
    expect(describeActual(['a', 'b'])).toBe('a, b');
    expect(describeActual(undefined)).toBeNull();
  });
});

/* ---- Selection: AND/OR, modes, scenarios, through the engine ---- */

function run(
  responses: (mockId: string) => MockResponse[],
  mode: 'random' | 'sequential' | 'disable_rules' | 'fallback' = 'random',
) {
  const p = project();
  const m = mock({ projectId: p.id, responseMode: mode });
  const compiled = compileProject({ project: p, mocks: [m], responses: responses(m.id) });
  const random = seeded(1);
  return {
    compiled,
    call: (over: Partial<EngineRequest> = {}) => executeRequest(compiled, request(over), { random }),
  };
}

describe('selection', () => {
  it('OR: one condition suffices; the log lists each one that failed when none holds', () => {
    const { call } = run((id) => [
      response(id, {
        name: 'or',
        body: 'or',
        conditionLogic: 'or',
        conditions: [cond('header', 'x-a', 'equals', '1'), cond('header', 'x-b', 'equals', '1')],
      }),
      response(id, { name: 'other', body: 'other' }),
    ]);
    expect(call({ headers: { 'x-b': '1' } }).body).toBe('or');
    const miss = call({ headers: { 'x-a': '2' } });
    expect(miss.body).toBe('other');
    expect(miss.conditionFailures.map((f) => [f.condition.field, f.actual])).toEqual([
      ['x-a', '2'],
      ['x-b', null],
    ]);
  });

  it('AND stays the default: every condition must hold, the first failure is logged', () => {
    const { call } = run((id) => [
      response(id, {
        body: 'and',
        conditions: [cond('header', 'x-a', 'equals', '1'), cond('header', 'x-b', 'equals', '1')],
      }),
      response(id, { body: 'other' }),
    ]);
    expect(call({ headers: { 'x-a': '1', 'x-b': '1' } }).body).toBe('and');
    const miss = call({ headers: { 'x-a': '1' } });
    expect(miss.body).toBe('other');
    expect(miss.conditionFailures).toHaveLength(1);
  });

  it('disable_rules: always the default response, conditions never read', () => {
    const { call } = run(
      (id) => [
        response(id, { body: 'ruled', conditions: [cond('header', 'x-a', 'exists')] }),
        response(id, { body: 'default', isDefault: true }),
      ],
      'disable_rules',
    );
    const r = call({ headers: { 'x-a': '1' } });
    expect(r.body).toBe('default');
    expect(r.conditionFailures).toEqual([]);
  });

  it('request_number: the nth call picks its response, counted per mock', () => {
    const { call } = run((id) => [
      response(id, { body: 'second', conditions: [cond('request_number', '', 'equals', '2')] }),
      response(id, { body: 'any' }),
    ]);
    expect([call().body, call().body, call().body]).toEqual(['any', 'second', 'any']);
  });

  it('scenarios: a required state gates a response; picking moves the state', () => {
    const { call, compiled } = run((id) => [
      response(id, {
        body: 'empty',
        scenarioName: 'cart',
        requiredScenarioState: 'Started',
        newScenarioState: 'Filled',
        sortOrder: 0,
      }),
      response(id, { body: 'filled', scenarioName: 'cart', requiredScenarioState: 'Filled', sortOrder: 1 }),
    ]);
    expect(call().body).toBe('empty');
    expect(compiled.runtime.scenarios.get('cart')).toBe('Filled');
    const second = call();
    expect(second.body).toBe('filled');
    // The log names the scenario requirement that failed, as a scenario condition.
    expect(second.conditionFailures[0]).toMatchObject({
      condition: { type: 'scenario', field: 'cart', value: 'Started' },
      actual: 'Filled',
    });
    compiled.runtime.scenarios.clear();
    expect(call().body).toBe('empty');
  });

  it('a mock without the new features keeps the spec selection (not rich)', () => {
    const { compiled } = run((id) => [
      response(id, { body: 'a', conditions: [cond('header', 'x-a', 'exists')] }),
      response(id, { body: 'b', conditionLogic: 'or', conditions: [cond('header', 'x-b', 'exists')] }),
    ]);
    expect([...compiled.mocks.values()][0]!.rich).toBe(false);
  });
});

describe('JSONPath filters are bounded', () => {
  const problem = (field: string) => {
    const r = conditionSchema.safeParse({ type: 'body', field, operator: 'exists' });
    return r.success ? undefined : r.error.issues[0]?.message;
  };
  it('allows comparisons and refuses calls, regex literals, grouping, assignment and JavaScript objects', () => {
    expect(problem('$.users[?(@.age > 30 && @.role == "admin")].name')).toBeUndefined();
    expect(problem('$..name')).toBeUndefined();
    expect(problem('$.a[?(@.s == "(x) /y/")]')).toBeUndefined();
    expect(problem('$..[?(@.match(/(a+)+$/))]')).toMatch(/characters a filter may not/);
    expect(problem("$..[?(@.match('(a+)+$'))]")).toMatch(/calls a function/);
    expect(problem('$[(@.length-1)]')).toMatch(/calls a function or groups/);
    expect(problem('$[?(@.a = 1)]')).toMatch(/assigns/);
    expect(problem('$[?(@.constructor)]')).toMatch(/constructor/);
    expect(problem('$..a..b')).toMatch(/more than once/);
    expect(
      conditionSchema.safeParse({ type: 'data_bucket', field: 'b.$..[?(@.x.match(1))]', operator: 'exists' }).success,
    ).toBe(false);
  });
  it('a stored unsafe path finds nothing instead of running, and answers at once', () => {
    const v = view(json({ a: `${'a'.repeat(40)}!` }));
    const c = cond('body', '$..[?(@.match(/(a+)+$/))]', 'exists');
    expect(holds(c, v)).toBe(false);
  });
});

describe('JSON schema validation is bounded', () => {
  it("a schema's patterns share a regex budget per validation: a huge array of strings stops matching", () => {
    const valid = compileJsonSchema('{"type":"array","items":{"type":"string","pattern":"a"}}');
    expect(valid(Array.from({ length: 10 }, () => 'a'.repeat(100)))).toBe(true);
    // 2,000 × 64 KiB characters is far over the budget: the validation fails instead of running on.
    expect(valid(Array.from({ length: 2000 }, () => 'a'.repeat(64 * 1024)))).toBe(false);
    // And the budget is per validation: a small value validates again afterwards.
    expect(valid(['a'])).toBe(true);
  });
  it('a validation that throws is "not valid", never an error', () => {
    const valid = compileJsonSchema('{"$ref":"#/$defs/n","$defs":{"n":{"properties":{"c":{"$ref":"#/$defs/n"}}}}}');
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { c: deep };
    expect(valid(deep)).toBe(false);
    expect(valid({ c: { c: {} } })).toBe(true);
  });
});

it('each JSON schema pattern runs as itself (ajv caches patterns by their text)', () => {
  const digits = compileJsonSchema('{"type":"string","pattern":"^[0-9]+$"}');
  const letters = compileJsonSchema('{"type":"string","pattern":"^[a-z]+$"}');
  expect([digits('123'), digits('abc'), letters('abc'), letters('123')]).toEqual([true, false, true, false]);
});

describe('RouteTable.next: where fallback mode sends a declined request', () => {
  it('later mocks of the same path, then patterns, literal segments before parameters; then none', () => {
    const p = project();
    const mocks = [
      mock({ id: 'exact1', projectId: p.id, path: '/a/b' }),
      mock({ id: 'exact2', projectId: p.id, path: '/a/b' }),
      mock({ id: 'param', projectId: p.id, path: '/a/{x}' }),
      mock({ id: 'literal', projectId: p.id, path: '/{y}/b' }),
    ];
    const compiled = compileProject({ project: p, mocks, responses: [] });
    const chain: string[] = [];
    let at = compiled.routes.match('GET', '/a/b');
    while (at) {
      chain.push(at.mock.mock.id);
      at = compiled.routes.next('GET', '/a/b', at.mock);
    }
    // '/a/{x}' keeps the literal first segment, so it is preferred to '/{y}/b'.
    expect(chain).toEqual(['exact1', 'exact2', 'param', 'literal']);
    expect(compiled.routes.next('GET', '/a/b', compiled.mocks.get('literal')!)).toBeNull();
  });
});
