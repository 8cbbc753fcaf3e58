import {
  appendHeader,
  headerLines,
  headerNameSchema,
  headerValueSchema,
  MAX_HEADER_REPEATS,
  responseCreateSchema,
  type HeaderMap,
  type ConditionLogic,
  type MockResponse,
  type ResponseCreate,
  type ResponseType,
} from '../../../../shared/models';
import {
  conditionRowErrors,
  newConditionRow,
  toCondition,
  type ConditionRow,
  type ConditionRowErrors,
} from '../conditions/condition-form';

export interface HeaderRow {
  key: number;
  name: string;
  value: string;
}

export interface ResponseForm {
  name: string;
  statusCode: string;
  headers: HeaderRow[];
  body: string;
  isDefault: boolean;
  weight: string;
  conditions: ConditionRow[];
  conditionLogic: ConditionLogic;
  scenarioName: string;
  requiredScenarioState: string;
  newScenarioState: string;
  /** Mockoon's name: `{{` in the body and headers is sent as it is. */
  disableTemplating: boolean;
}

export interface ResponseFormErrors {
  name?: string;
  statusCode?: string;
  weight?: string;
  body?: string;
  scenario?: string;
  headers: Record<number, { name?: string; value?: string }>;
  conditions: Record<number, ConditionRowErrors>;
}

let nextHeaderKey = 1;
export const newHeaderRow = (name = '', value = ''): HeaderRow => ({ key: nextHeaderKey++, name, value });

export const emptyResponseForm = (isFirst: boolean): ResponseForm => ({
  name: isFirst ? 'Success' : 'Response',
  statusCode: '200',
  headers: [],
  body: '',
  isDefault: isFirst,
  weight: '100',
  conditions: [],
  conditionLogic: 'and',
  scenarioName: '',
  requiredScenarioState: '',
  newScenarioState: '',
  disableTemplating: false,
});

export const responseToForm = (r: MockResponse): ResponseForm => ({
  name: r.name,
  statusCode: String(r.statusCode),
  // A repeated header (two Set-Cookie) is one row per line, in the order they are sent.
  headers: Object.entries(r.headers).flatMap(([k, v]) => headerLines(v).map((line) => newHeaderRow(k, line))),
  body: r.body,
  isDefault: r.isDefault,
  weight: String(r.weight),
  conditions: r.conditions.map((c) => newConditionRow(c)),
  conditionLogic: r.conditionLogic,
  scenarioName: r.scenarioName,
  requiredScenarioState: r.requiredScenarioState,
  newScenarioState: r.newScenarioState,
  disableTemplating: r.disableTemplating,
});

/** Why a JSON body does not parse, or undefined. Empty bodies are fine (204s, HEAD-like mocks). */
export function jsonProblem(body: string): string | undefined {
  if (body.trim() === '') return undefined;
  try {
    JSON.parse(body);
    return undefined;
  } catch (e) {
    return `body is not valid JSON: ${(e as Error).message}`;
  }
}

/**
 * Why an XML body is not well-formed, or undefined: the same check JSON bodies get, with the
 * parser's line and column (the renderer's DOMParser, which every target of the renderer has).
 */
export function xmlProblem(body: string): string | undefined {
  if (body.trim() === '' || typeof DOMParser === 'undefined') return undefined;
  const doc = new DOMParser().parseFromString(body, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (!error) return undefined;
  // Chromium wraps the reason in a <div>; jsdom puts it straight in the element.
  const reason = (error.querySelector('div')?.textContent ?? error.textContent ?? '').trim().split('\n')[0];
  return `body is not well-formed XML: ${reason || 'the parser refused it'}`;
}

/** Statuses whose responses carry no body by definition (RFC 9110 §15.3.5, §15.4.5). */
export const BODYLESS_STATUSES: ReadonlySet<number> = new Set([204, 304]);

/**
 * A body on a 204 or 304: the server drops it, so what is typed here never reaches a client.
 * A warning, not an error: some users keep a note there on purpose.
 */
export function bodylessWarning(statusCode: string, body: string): string | undefined {
  const status = Number(statusCode);
  if (!BODYLESS_STATUSES.has(status) || body.trim() === '') return undefined;
  return `A ${status} response has no body: clients never receive this one. Clear it, or use 200 to send it.`;
}

/**
 * A body with `{{` is a template (the engine's rule): it becomes JSON only once rendered, so
 * it may not parse now, nor while a tag is half typed.
 */
export const isTemplated = (body: string): boolean => body.includes('{{');

/** Pretty-prints JSON with 2 spaces; returns the body unchanged when it does not parse. */
export function formatJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function headerErrors(rows: HeaderRow[]): ResponseFormErrors['headers'] {
  const out: ResponseFormErrors['headers'] = {};
  // A name may repeat (two Set-Cookie are two lines on the wire), up to the model's bound.
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const name = row.name.trim();
    if (!name && !row.value) return; // an untouched blank row is ignored, not an error
    // Key and value are checked apart: the record schema reports a bad key only as "Invalid key in record".
    const nameCheck = headerNameSchema.safeParse(name);
    const valueCheck = headerValueSchema.safeParse(row.value);
    const count = (seen.get(name.toLowerCase()) ?? 0) + 1;
    const e: { name?: string; value?: string } = {};
    if (!name) e.name = 'header name cannot be empty';
    else if (!nameCheck.success) e.name = nameCheck.error.issues[0]?.message ?? 'invalid header name';
    else if (count > MAX_HEADER_REPEATS)
      e.name = `header "${name}" can repeat at most ${MAX_HEADER_REPEATS} times: remove this row`;
    if (!valueCheck.success) e.value = valueCheck.error.issues[0]?.message ?? 'invalid header value';
    seen.set(name.toLowerCase(), count);
    if (e.name || e.value) out[i] = e;
  });
  return out;
}

export function validateResponseForm(f: ResponseForm, responseType: ResponseType): ResponseFormErrors {
  const errors: ResponseFormErrors = { headers: headerErrors(f.headers), conditions: {} };
  if (!f.name.trim()) errors.name = 'name is required';
  const status = Number(f.statusCode);
  if (f.statusCode.trim() === '' || !Number.isInteger(status) || status < 100 || status > 599) {
    errors.statusCode = 'status must be a whole number between 100 and 599, e.g. 200 or 404';
  }
  const weight = Number(f.weight);
  if (f.weight.trim() === '' || !Number.isFinite(weight) || weight < 0)
    errors.weight = 'weight must be a number, 0 or more';
  // A templated body becomes JSON only once rendered (the preview checks that); with templating off it is sent as typed.
  if (responseType === 'json' && (f.disableTemplating || !isTemplated(f.body))) {
    const problem = jsonProblem(f.body);
    if (problem) errors.body = problem;
  }
  if (responseType === 'xml' && (f.disableTemplating || !isTemplated(f.body))) {
    const problem = xmlProblem(f.body);
    if (problem) errors.body = problem;
  }
  f.conditions.forEach((c, i) => {
    const e = conditionRowErrors(c);
    if (e.field || e.value || e.flags) errors.conditions[i] = e;
  });
  if (!f.scenarioName.trim() && (f.requiredScenarioState.trim() || f.newScenarioState.trim())) {
    errors.scenario = 'name the scenario these states belong to, e.g. checkout';
  }
  return errors;
}

export const hasErrors = (e: ResponseFormErrors): boolean =>
  Boolean(e.name || e.statusCode || e.weight || e.body || e.scenario) ||
  Object.keys(e.headers).length > 0 ||
  Object.keys(e.conditions).length > 0;

/**
 * The header rows as the response's header map; blank names are left out. Rows of the same
 * name (in any case) become one list, in row order: repeated lines on the wire.
 */
export function headersOf(rows: HeaderRow[]): HeaderMap {
  const headers: HeaderMap = {};
  for (const row of rows) if (row.name.trim()) appendHeader(headers, row.name.trim(), row.value);
  return headers;
}

export function responseFormToPayload(f: ResponseForm): ResponseCreate {
  const headers = headersOf(f.headers);
  const payload = {
    name: f.name.trim(),
    statusCode: Number(f.statusCode),
    headers,
    body: f.body,
    isDefault: f.isDefault,
    weight: Number(f.weight),
    conditions: f.conditions.map(toCondition),
    conditionLogic: f.conditionLogic,
    scenarioName: f.scenarioName.trim(),
    requiredScenarioState: f.requiredScenarioState.trim(),
    newScenarioState: f.newScenarioState.trim(),
    disableTemplating: f.disableTemplating,
  };
  // Final guard with the core's own schema, so the UI never sends what it would refuse.
  responseCreateSchema.parse(payload);
  return payload;
}

/** Compares what would be saved, ignoring React row keys and untouched blank header rows. */
export function responseFormKey(f: ResponseForm): string {
  return JSON.stringify({
    ...f,
    headers: f.headers.filter((h) => h.name || h.value).map((h) => [h.name, h.value]),
    conditions: f.conditions.map(toCondition),
  });
}
