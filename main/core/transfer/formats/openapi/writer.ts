import { stringify } from 'yaml';
import {
  CONTENT_TYPES,
  firstHeader,
  headerLines,
  isTemplatedResponse,
  type MockDraft,
} from '../../../../../shared/models';
import type { ExportFormatWriter } from '../types';

type Obj = Record<string, unknown>;
type Response = MockDraft['responses'][number];

/**
 * A project as an OpenAPI 3.1 document (YAML): a path per mock path, an operation per mock,
 * a response per status with every MockDeck response of that status as a named example
 * (the default one's status marked `x-mockdeck-default`). What OpenAPI has no word for —
 * conditions, scenarios, weights, delays, chaos, CRUD routes, buckets — is said in warnings;
 * templated bodies are kept as written and marked `x-mockdeck-template: true`.
 */
export const openapiWriter: ExportFormatWriter = {
  id: 'openapi',
  label: 'OpenAPI 3.1 (YAML)',
  write(file) {
    const warnings: string[] = [];
    const paths = new Map<string, Map<string, Obj>>();
    let templated = 0;
    let ruled = 0;
    for (const mock of file.mocks) {
      if (mock.kind === 'crud') {
        warnings.push(`${mock.method} ${mock.path} is a CRUD route: exported as one operation, without its bucket`);
      }
      const methods = paths.get(mock.path) ?? new Map<string, Obj>();
      paths.set(mock.path, methods);
      const method = mock.method.toLowerCase();
      if (methods.has(method)) {
        warnings.push(`${mock.method} ${mock.path} appears twice: only the first "${mock.name}" is exported`);
        continue;
      }
      const op: Obj = { operationId: operationId(mock.name, mock.method, mock.path), summary: mock.name };
      if (mock.description !== '') op.description = mock.description;
      const params = [...mock.path.matchAll(/\{([^{}]+)\}/g)].map((m) => ({
        name: m[1],
        in: 'path',
        required: true,
        schema: { type: 'string' },
      }));
      if (params.length > 0) op.parameters = params;
      const { responses, templates, rules } = responsesOf(mock);
      templated += templates;
      ruled += rules;
      op.responses = responses;
      methods.set(method, op);
    }
    if (templated > 0) {
      warnings.push(
        `${templated} templated response(s) kept as written and marked x-mockdeck-template: other tools send them literally`,
      );
    }
    if (ruled > 0) {
      warnings.push(`${ruled} response(s) have conditions, scenarios or weights, which OpenAPI cannot express`);
    }
    if (file.mocks.some((m) => m.responseDelay > 0 || m.chaos !== null) || file.project.chaos) {
      warnings.push('delays and chaos settings are not exported');
    }
    if (file.buckets.length > 0) warnings.push(`${file.buckets.length} data bucket(s) are not exported`);

    const doc = {
      openapi: '3.1.0',
      info: {
        title: file.project.name,
        version: '1.0.0',
        ...(file.project.description !== '' ? { description: file.project.description } : {}),
      },
      paths: new Map([...paths].map(([p, methods]) => [p, Object.fromEntries(methods)])),
    };
    return {
      text: stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false }),
      fileName: `${file.project.slug}.openapi.yaml`,
      warnings,
    };
  },
};

/** Statuses in the mock's order (a Map: numeric-looking keys would otherwise be sorted). */
function responsesOf(mock: MockDraft): { responses: Map<string, Obj>; templates: number; rules: number } {
  const byStatus = new Map<number, Response[]>();
  const def = mock.responses.find((r) => r.isDefault) ?? mock.responses[0];
  const ordered = def ? [def, ...mock.responses.filter((r) => r !== def)] : [];
  for (const r of ordered) byStatus.set(r.statusCode, [...(byStatus.get(r.statusCode) ?? []), r]);
  let templates = 0;
  let rules = 0;
  const responses = new Map<string, Obj>();
  for (const [status, list] of byStatus) {
    const out: Obj = { description: list[0]!.name };
    if (list.includes(def!) && status !== firstSuccess(byStatus)) out['x-mockdeck-default'] = true;
    const headers = Object.entries(list[0]!.headers).filter(([k]) => k.toLowerCase() !== 'content-type');
    if (headers.length > 0) {
      // OpenAPI describes a header once; a repeated one (two Set-Cookie) keeps its first line as the
      // example and says the others in its description, as OpenAPI has no way to list lines.
      out.headers = Object.fromEntries(
        headers.map(([k, v]) => {
          const lines = headerLines(v);
          const more = lines.length > 1 ? { description: `sent ${lines.length} times: ${lines.join(' | ')}` } : {};
          return [k, { ...more, schema: { type: 'string' }, example: lines[0] }];
        }),
      );
    }
    const content = new Map<string, Obj>();
    const names = new Set<string>();
    for (const r of list) {
      if (r.conditions.length > 0 || r.scenarioName !== '' || (list.length > 1 && r.weight !== 100)) rules++;
      if (r.body === '' && list.length === 1) continue;
      const media = mediaTypeOf(mock, r);
      const examples = content.get(media)?.examples as Obj | undefined;
      const { value, raw } = valueOf(media, r.body);
      const ex: Obj = { summary: r.name, value };
      // A JSON mock's body that is not JSON (a template, a fragment): the reader keeps it as text.
      if (raw) ex['x-mockdeck-raw'] = true;
      if (isTemplatedResponse(r)) {
        ex['x-mockdeck-template'] = true;
        templates++;
      }
      let name = exampleName(r.name);
      while (names.has(name)) name = `${name}_`;
      names.add(name);
      if (examples) examples[name] = ex;
      else content.set(media, { examples: { [name]: ex } });
    }
    if (content.size > 0) out.content = Object.fromEntries(content);
    responses.set(String(status), out);
  }
  if (responses.size === 0) responses.set('200', { description: 'OK' });
  return { responses, templates, rules };
}

function firstSuccess(byStatus: Map<number, Response[]>): number | undefined {
  return [...byStatus.keys()].filter((s) => s >= 200 && s < 300).sort((a, b) => a - b)[0];
}

function mediaTypeOf(mock: MockDraft, r: Response): string {
  const header = firstHeader(r.headers, 'content-type');
  return (header ?? CONTENT_TYPES[mock.responseType]).split(';')[0]!.trim();
}

/** JSON bodies as JSON values (readable, and what other tools expect); anything else as text. */
function valueOf(media: string, body: string): { value: unknown; raw: boolean } {
  if (/json/i.test(media)) {
    try {
      return { value: JSON.parse(body) as unknown, raw: false };
    } catch {
      return { value: body, raw: true };
    }
  }
  return { value: body, raw: false };
}

function exampleName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'example';
}

function operationId(name: string, method: string, path: string): string {
  const id = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '');
  return id !== '' ? id : `${method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+/g, '_')}`;
}
