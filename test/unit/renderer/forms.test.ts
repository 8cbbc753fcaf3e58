import { describe, expect, it } from 'vitest';
import {
  defaultMockName,
  emptyMockForm,
  mockFormToPayload,
  mockSettingsFlags,
  pathParams,
  validateMockForm,
} from '../../../renderer/src/features/mocks/mock-form';
import {
  validateProjectForm,
  projectFormToPayload,
  slugPreview,
  emptyProjectForm,
} from '../../../renderer/src/features/projects/project-form';
import {
  emptyResponseForm,
  formatJson,
  hasErrors,
  newHeaderRow,
  responseFormKey,
  responseFormToPayload,
  responseToForm,
  validateResponseForm,
} from '../../../renderer/src/features/responses/response-form';
import { newConditionRow } from '../../../renderer/src/features/conditions/condition-form';
import { MAX_HEADER_REPEATS, type MockResponse } from '../../../shared/models';

describe('mock form', () => {
  const valid = { ...emptyMockForm(), name: 'Get user', path: '/users/{id}' };

  it('accepts a path with a parameter and lists its parameters', () => {
    expect(validateMockForm(valid)).toEqual({});
    expect(pathParams('/orgs/{org}/users/:id')).toEqual(['org', 'id']);
  });
  it('flags the path with the shared rule as typed', () => {
    expect(validateMockForm({ ...valid, path: 'users' }).path).toBe('path must start with "/", e.g. /users/{id}');
    expect(validateMockForm({ ...valid, path: '/users/{id' }).path).toMatch(/mixes text and braces/);
    expect(validateMockForm({ ...valid, path: '/a/{id}/{id}' }).path).toMatch(/appears twice/);
    expect(validateMockForm({ ...valid, path: '' }).path).toMatch(/required/);
  });
  it('names an unnamed mock after its method and path, and wants a whole, bounded delay', () => {
    expect(validateMockForm({ ...valid, name: ' ' }).name).toBeUndefined();
    expect(mockFormToPayload({ ...valid, name: ' ', method: 'POST', path: '/orders/{id}' }).name).toBe(
      'POST /orders/{id}',
    );
    expect(defaultMockName({ kind: 'crud', method: 'GET', path: '/users' })).toBe('CRUD /users');
    expect(validateMockForm({ ...valid, responseDelay: 'soon' }).responseDelay).toMatch(/number/);
    expect(validateMockForm({ ...valid, responseDelay: '-5' }).responseDelay).toMatch(/negative/);
    expect(validateMockForm({ ...valid, responseDelay: '' })).toEqual({});
  });
  it('builds the payload with numbers and trimmed text', () => {
    expect(
      mockFormToPayload({ ...valid, name: ' Get user ', path: ' /users/{id} ', responseDelay: '150' }),
    ).toMatchObject({
      name: 'Get user',
      path: '/users/{id}',
      responseDelay: 150,
    });
  });
  it('sums up folded settings: nothing for a new mock’s defaults, every setting that differs', () => {
    expect(mockSettingsFlags({ ...valid, name: 'GET /users/{id}' })).toEqual([]);
    expect(
      mockSettingsFlags(
        {
          ...valid,
          isActive: false,
          responseType: 'xml',
          responseDelay: '250',
          responseMode: 'sequential',
          responseSelection: 'first',
        },
        { plugins: 2, chaos: '10% 503' },
      ),
    ).toEqual([
      'inactive',
      '“Get user”',
      'XML',
      '250 ms delay',
      'sequential',
      'first match wins',
      '2 plugins',
      'chaos: 10% 503',
    ]);
    // A CRUD route's mode and selection decide nothing: its bucket does.
    expect(mockSettingsFlags({ ...valid, name: '', kind: 'crud', bucket: 'users', responseMode: 'fallback' })).toEqual([
      'CRUD on users',
    ]);
  });
});

describe('project form', () => {
  it('requires a name and previews the slug the core will derive', () => {
    expect(validateProjectForm(emptyProjectForm()).name).toBe('name is required');
    expect(slugPreview({ ...emptyProjectForm(), name: 'My API!' })).toBe('my-api');
  });
  it('checks slug and port, and maps an empty port to none', () => {
    const f = { name: 'A', description: '', slug: 'Bad Slug', port: '80', templatingSeed: '' };
    const e = validateProjectForm(f);
    expect(e.slug).toMatch(/lowercase/);
    expect(e.port).toMatch(/1024/);
    expect(validateProjectForm({ ...f, slug: '', port: 'abc' }).port).toMatch(/whole number/);
    expect(projectFormToPayload({ ...f, slug: '', port: '' })).toEqual({
      name: 'A',
      description: '',
      port: null,
      templatingSeed: null,
    });
  });
  it('takes a whole-number templating seed, or none for random data', () => {
    const f = { ...emptyProjectForm(), name: 'A' };
    expect(validateProjectForm({ ...f, templatingSeed: '4.2' }).templatingSeed).toMatch(/whole number/);
    expect(validateProjectForm({ ...f, templatingSeed: '42' }).templatingSeed).toBeUndefined();
    expect(projectFormToPayload({ ...f, templatingSeed: ' 42 ' }).templatingSeed).toBe(42);
    expect(projectFormToPayload(f).templatingSeed).toBeNull();
  });
});

describe('response form', () => {
  const form = () => ({ ...emptyResponseForm(true), body: '{"ok": true}' });
  const saved = (): MockResponse => ({
    id: 'r1',
    mockId: 'm1',
    name: 'OK',
    statusCode: 200,
    headers: {},
    body: '{}',
    isDefault: true,
    disableTemplating: false,
    weight: 100,
    conditions: [],
    conditionLogic: 'and',
    scenarioName: '',
    requiredScenarioState: '',
    newScenarioState: '',
    sortOrder: 0,
    createdAt: '',
    updatedAt: '',
  });

  it('a fresh first response is valid and the default', () => {
    const f = form();
    expect(f.isDefault).toBe(true);
    expect(hasErrors(validateResponseForm(f, 'json'))).toBe(false);
  });
  it('refuses a status outside 100–599 and a negative weight', () => {
    expect(validateResponseForm({ ...form(), statusCode: '99' }, 'json').statusCode).toMatch(/between 100 and 599/);
    expect(validateResponseForm({ ...form(), statusCode: '20x' }, 'json').statusCode).toMatch(/between 100 and 599/);
    expect(validateResponseForm({ ...form(), weight: '-1' }, 'json').weight).toMatch(/0 or more/);
  });
  it('checks JSON only for JSON mocks, and lets templates through', () => {
    expect(validateResponseForm({ ...form(), body: '{"a":' }, 'json').body).toMatch(/^body is not valid JSON/);
    expect(validateResponseForm({ ...form(), body: '{"a":' }, 'text').body).toBeUndefined();
    expect(validateResponseForm({ ...form(), body: '{"id": {{params.id}}}' }, 'json').body).toBeUndefined();
    expect(validateResponseForm({ ...form(), body: '' }, 'json').body).toBeUndefined();
    // With templating off the braces are sent as typed, so the body must be JSON as it stands.
    const off = { ...form(), body: '{"id": {{params.id}}}', disableTemplating: true };
    expect(validateResponseForm(off, 'json').body).toMatch(/^body is not valid JSON/);
    expect(responseFormToPayload({ ...off, body: '{}' }).disableTemplating).toBe(true);
  });
  it('flags bad header names and values per row, ignoring blank rows; a repeated name is allowed', () => {
    const e = validateResponseForm(
      {
        ...form(),
        headers: [
          newHeaderRow('X-A', '1'),
          newHeaderRow('x-a', '2'),
          newHeaderRow('bad name', ''),
          newHeaderRow(),
          newHeaderRow('', 'orphan'),
          newHeaderRow('X-B', 'é\u2603'),
        ],
      },
      'json',
    );
    expect(e.headers[0]).toBeUndefined();
    expect(e.headers[1]).toBeUndefined();
    expect(e.headers[2]?.name).toMatch(/characters HTTP does not allow/);
    expect(e.headers[3]).toBeUndefined();
    expect(e.headers[4]?.name).toMatch(/cannot be empty/);
    expect(e.headers[5]?.value).toMatch(/printable ASCII or Latin-1/);
  });
  it('saves rows of the same name as one repeated header, in row order, and loads them back as rows', () => {
    const rows = [
      newHeaderRow('Set-Cookie', 'a=1; Path=/'),
      newHeaderRow('X-One', 'x'),
      newHeaderRow('set-cookie', 'b=2'),
    ];
    const payload = responseFormToPayload({ ...form(), headers: rows });
    expect(payload.headers).toEqual({ 'Set-Cookie': ['a=1; Path=/', 'b=2'], 'X-One': 'x' });
    const back = responseToForm({ ...saved(), headers: { 'Set-Cookie': ['a=1; Path=/', 'b=2'], 'X-One': 'x' } });
    expect(back.headers.map((h) => [h.name, h.value])).toEqual([
      ['Set-Cookie', 'a=1; Path=/'],
      ['Set-Cookie', 'b=2'],
      ['X-One', 'x'],
    ]);
  });
  it('refuses a header repeated more often than the model allows, on the row past the bound', () => {
    const rows = Array.from({ length: MAX_HEADER_REPEATS + 1 }, (_, i) => newHeaderRow('Set-Cookie', `c${i}=1`));
    const e = validateResponseForm({ ...form(), headers: rows }, 'json');
    expect(Object.keys(e.headers)).toEqual([String(MAX_HEADER_REPEATS)]);
    expect(e.headers[MAX_HEADER_REPEATS]?.name).toMatch(/at most 50 times/);
  });
  it('flags an invalid regex condition before save', () => {
    const e = validateResponseForm(
      { ...form(), conditions: [newConditionRow({ type: 'query', field: 'q', operator: 'regex', value: '([a-z' })] },
      'json',
    );
    expect(e.conditions[0]?.value).toMatch(/^invalid regex/);
    expect(hasErrors(e)).toBe(true);
  });
  it('tracks dirtiness by what would be saved, not by row keys', () => {
    const saved: MockResponse = {
      id: 'r1',
      mockId: 'm1',
      name: 'Admin',
      statusCode: 200,
      headers: { 'X-A': '1' },
      body: '{}',
      isDefault: false,
      disableTemplating: false,
      weight: 100,
      conditions: [{ type: 'header', field: 'x-role', operator: 'equals', value: 'admin' }],
      conditionLogic: 'and',
      scenarioName: '',
      requiredScenarioState: '',
      newScenarioState: '',
      sortOrder: 0,
      createdAt: '',
      updatedAt: '',
    };
    const a = responseToForm(saved);
    const b = responseToForm(saved);
    expect(responseFormKey(a)).toBe(responseFormKey(b));
    expect(responseFormKey({ ...b, headers: [...b.headers, newHeaderRow()] })).toBe(responseFormKey(a));
    expect(responseFormKey({ ...b, body: '{"x":1}' })).not.toBe(responseFormKey(a));
  });
  it('builds a payload the core schema accepts, with valueless operators saved without a value', () => {
    const f = {
      ...form(),
      headers: [newHeaderRow(' X-A ', '1'), newHeaderRow()],
      conditions: [newConditionRow({ field: 'x-role', operator: 'exists', value: 'stale' })],
    };
    expect(responseFormToPayload(f)).toMatchObject({
      headers: { 'X-A': '1' },
      conditions: [{ type: 'header', field: 'x-role', operator: 'exists', value: '' }],
      statusCode: 200,
      weight: 100,
    });
  });
  it('formats JSON and leaves anything else as it is', () => {
    expect(formatJson('{"a":[1,2]}')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
    expect(formatJson('{oops')).toBe('{oops');
  });
});
