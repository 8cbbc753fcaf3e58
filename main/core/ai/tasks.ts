import { z } from 'zod';
import {
  generatedMockDataAnswerSchema,
  generatedProjectAnswerSchema,
  MAX_GENERATED_ENDPOINTS,
  type GeneratedEndpoint,
  type GeneratedMockData,
} from '../../../shared/models';
import { batchCreateSchema } from '../../../shared/wire/batch-create';
import { jsonTooDeepAt, MAX_JSON_DEPTH, prettyJsonLength } from '../../../shared/wire/json-limits';

/**
 * What each generation asks for and how its answer is checked: the system prompt, the JSON
 * schema sent as `response_format` (from the same zod model that validates the answer), and
 * the checks beyond the schema (the project must also be a valid batch-create payload).
 */
export interface GenerationTask<T> {
  /** Names the schema for the provider and the work in messages. */
  name: string;
  what: string;
  system: string;
  jsonSchema: Record<string, unknown>;
  /** The answer's value, or the first problem in words a model can act on. */
  check(answer: unknown): { ok: true; value: T } | { ok: false; problem: string };
}

/** A generated body is stored as text: one as large as a whole response's limit is not "mock data". */
const MAX_GENERATED_BODY = 512 * 1024;

function zodProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the JSON does not have the asked shape';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the answer';
  return `${where}: ${issue.message}`;
}

function sizeProblem(value: unknown): string | undefined {
  const deep = jsonTooDeepAt(value);
  if (deep !== undefined) return `${deep}: nests deeper than ${MAX_JSON_DEPTH} levels`;
  if (prettyJsonLength(value, 2, MAX_GENERATED_BODY) > MAX_GENERATED_BODY) return 'the JSON is larger than 512 KB';
  return undefined;
}

const jsonSchemaOf = (schema: z.ZodType): Record<string, unknown> =>
  z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any' }) as Record<string, unknown>;

export const projectTask: GenerationTask<GeneratedEndpoint[]> = {
  name: 'mock_api_project',
  what: 'project',
  system: [
    'You design mock REST APIs for developers. Answer with one JSON object and nothing else:',
    '{"endpoints": [{"method": "GET|POST|PUT|PATCH|DELETE", "route": "/path/{param}", "description": "…",',
    '"scenarios": [{"name": "Success", "status": 200, "responseBody": <JSON>}, …]}]}.',
    'Give each endpoint a success scenario first, then one or two error scenarios (404, 400 or 500)',
    'with bodies like {"error": "…"}. Routes start with "/" and name parameters in braces, e.g. /users/{id}.',
    `responseBody is realistic, parsed JSON (not a string). At most ${MAX_GENERATED_ENDPOINTS} endpoints; usually 3 to 10.`,
  ].join(' '),
  jsonSchema: jsonSchemaOf(generatedProjectAnswerSchema),
  check(answer) {
    const r = generatedProjectAnswerSchema.safeParse(answer);
    if (!r.success) return { ok: false, problem: zodProblem(r.error) };
    for (const [i, e] of r.data.endpoints.entries()) {
      for (const [j, s] of e.scenarios.entries()) {
        const p = sizeProblem(s.responseBody);
        if (p) return { ok: false, problem: `endpoints.${i}.scenarios.${j}.responseBody: ${p}` };
      }
    }
    // The answer is promised to feed POST /projects/batch-create unchanged: hold it to that schema too.
    const batch = batchCreateSchema.safeParse({ name: 'Generated project', endpoints: r.data.endpoints });
    if (!batch.success) return { ok: false, problem: zodProblem(batch.error) };
    const seen = new Set<string>();
    for (const e of r.data.endpoints) {
      const key = `${e.method} ${e.route}`;
      if (seen.has(key)) return { ok: false, problem: `${key} appears twice: give each method and route once` };
      seen.add(key);
    }
    return { ok: true, value: r.data.endpoints };
  },
};

export const mockDataTask: GenerationTask<GeneratedMockData> = {
  name: 'mock_data',
  what: 'mock data',
  system: [
    'You write realistic JSON test data for mock API responses. Answer with one JSON object and nothing else:',
    '{"data": <the JSON the description asks for: an object or an array>}. Use plausible names, ids, dates',
    '(ISO 8601) and nested objects; no comments, no placeholders like "string".',
  ].join(' '),
  jsonSchema: jsonSchemaOf(generatedMockDataAnswerSchema),
  check(answer) {
    const r = generatedMockDataAnswerSchema.safeParse(answer);
    if (!r.success) return { ok: false, problem: zodProblem(r.error) };
    const p = sizeProblem(r.data.data);
    if (p) return { ok: false, problem: `data: ${p}` };
    return { ok: true, value: r.data.data };
  },
};

/**
 * The JSON in a model's answer: models asked by prompt alone often wrap it in a ```json fence
 * or a sentence, so the outermost {…} is taken when the whole text is not JSON.
 */
export function parseAnswerJson(content: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  const text = content.trim();
  if (!text) return { ok: false, problem: 'the answer was empty' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const start = text.indexOf('{');
    const end = text.lastIndexOf('}');
    if (start >= 0 && end > start) {
      try {
        return { ok: true, value: JSON.parse(text.slice(start, end + 1)) };
      } catch (e) {
        return { ok: false, problem: `the answer is not valid JSON (${(e as Error).message})` };
      }
    }
    return { ok: false, problem: 'the answer holds no JSON object' };
  }
}
