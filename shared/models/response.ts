import { z } from 'zod';
import { conditionSchema } from './condition';

/** A header name as HTTP allows it (checked on its own by the editor, beside the row). */
export const headerNameSchema = z
  .string()
  .trim()
  .min(1, 'header name cannot be empty')
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'header name has characters HTTP does not allow');

/** One header line's value, as Node (and HTTP/1.1) can send it. */
export const headerValueSchema = z
  .string()
  .regex(/^[^\r\n]*$/, 'header value cannot contain line breaks')
  // What Node (and HTTP/1.1) can put on the wire: tab, printable ASCII and Latin-1.
  .regex(
    /^[\t\x20-\x7e\x80-\xff]*$/,
    'header value can only hold printable ASCII or Latin-1 characters: percent-encode or remove the others',
  );

/** How many lines one header name may repeat (Set-Cookie is the usual case). */
export const MAX_HEADER_REPEATS = 50;

/**
 * A header's value: one line (a string, the old and usual shape), or several lines of the same
 * name in order (two Set-Cookie). A list of one is stored as its string, so a map without
 * repeated headers looks exactly as it always did (project files, sync, mockbird's wire).
 */
export type HeaderValue = string | string[];
/** A response's headers by name; an array value is sent as repeated header lines, in order. */
export type HeaderMap = Record<string, HeaderValue>;

/** A stored header value, read without checks (old rows and files hold strings only). */
export const storedHeaderValueSchema = z.union([z.string(), z.array(z.string())]);
/** A stored header map (a response's, a log row's), read without the save-time checks. */
export const storedHeaderMapSchema = z.record(z.string(), storedHeaderValueSchema);

const headerValueOrLinesSchema = z
  .union([
    headerValueSchema,
    z
      .array(headerValueSchema)
      .min(1, 'a repeated header needs at least one value: remove the header instead')
      .max(MAX_HEADER_REPEATS, `a header can repeat at most ${MAX_HEADER_REPEATS} times`),
  ])
  .transform((v): HeaderValue => (Array.isArray(v) && v.length === 1 ? v[0]! : v));

/**
 * A response's headers as they are saved. Names that differ only in case (`Set-Cookie` and
 * `set-cookie`, possible through the API) are one header on the wire: their lines are merged
 * into one list under the first spelling, so what is stored is what is sent.
 */
export const headerMapSchema = z.record(headerNameSchema, headerValueOrLinesSchema).transform((map, ctx): HeaderMap => {
  const names = Object.keys(map);
  if (new Set(names.map((n) => n.toLowerCase())).size === names.length) return map;
  const merged: HeaderMap = {};
  for (const [name, value] of Object.entries(map))
    for (const line of headerLines(value)) appendHeader(merged, name, line);
  for (const [name, value] of Object.entries(merged)) {
    if (headerLines(value).length > MAX_HEADER_REPEATS)
      ctx.issues.push({
        code: 'custom',
        input: map,
        path: [name],
        message: `a header can repeat at most ${MAX_HEADER_REPEATS} times (names in any case count together)`,
      });
  }
  return merged;
});

/** The lines of one header value, in order. */
export const headerLines = (value: HeaderValue): readonly string[] => (typeof value === 'string' ? [value] : value);

/**
 * Adds one line to a header map: a second value of the same name (any case) makes the value a
 * list, so repeated lines survive (importers, the proxy recorder). The first spelling of the
 * name is kept.
 */
export function appendHeader(map: HeaderMap, name: string, value: string): void {
  const lower = name.toLowerCase();
  const key = Object.keys(map).find((k) => k.toLowerCase() === lower) ?? name;
  const before = map[key];
  map[key] = before === undefined ? value : [...headerLines(before), value];
}

/** A header map as name/value pairs, one per line (HAR, Mockoon, Postman write headers so). */
export const headerPairs = (map: Readonly<HeaderMap>): { name: string; value: string }[] =>
  Object.entries(map).flatMap(([name, value]) => headerLines(value).map((line) => ({ name, value: line })));

/** The first line of a header, by name in any case (for Content-Type, Location and the like). */
export function firstHeader(map: Readonly<HeaderMap>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(map)) if (key.toLowerCase() === lower) return headerLines(value)[0];
  return undefined;
}

export const MAX_BODY_LENGTH = 5 * 1024 * 1024;

/** How a response's conditions combine: all must hold (the spec's) or any one (Mockoon's OR). */
export const CONDITION_LOGICS = ['and', 'or'] as const;
export const conditionLogicSchema = z.enum(CONDITION_LOGICS, { message: 'conditionLogic must be "and" or "or"' });
export type ConditionLogic = z.infer<typeof conditionLogicSchema>;

/** A scenario name or state (WireMock's model; '' means none). */
const scenarioText = (what: string) =>
  z
    .string()
    .trim()
    .max(200, `${what} is at most 200 characters`)
    .regex(/^[^\r\n]*$/, `${what} cannot contain line breaks`);

export const mockResponseSchema = z.object({
  id: z.string(),
  mockId: z.string(),
  name: z.string(),
  statusCode: z.number().int(),
  headers: storedHeaderMapSchema,
  body: z.string(),
  isDefault: z.boolean(),
  weight: z.number(),
  conditions: z.array(conditionSchema),
  /** Send the body and headers as stored even when they contain `{{` (Mockoon's name). */
  disableTemplating: z.boolean(),
  conditionLogic: conditionLogicSchema,
  scenarioName: z.string(),
  requiredScenarioState: z.string(),
  newScenarioState: z.string(),
  sortOrder: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MockResponse = z.infer<typeof mockResponseSchema>;

/** What marks a body or header value as a template (Mockoon's rule). */
export const isTemplateText = (text: string): boolean => text.includes('{{');

/**
 * Whether the server renders this response as a template: its body or a header value holds
 * `{{` and it does not set disableTemplating. The engine's templating and the deployer (which
 * asks the cloud to expand templates) both go by it.
 */
export const isTemplatedResponse = (r: Pick<MockResponse, 'body' | 'headers' | 'disableTemplating'>): boolean =>
  !r.disableTemplating &&
  (isTemplateText(r.body) ||
    Object.values(r.headers).some((v) => (typeof v === 'string' ? isTemplateText(v) : v.some(isTemplateText))));

const statusSchema = z
  .number({ message: 'statusCode must be a number' })
  .int()
  .min(100, 'statusCode must be between 100 and 599')
  .max(599, 'statusCode must be between 100 and 599');
const weightSchema = z
  .number({ message: 'weight must be a number' })
  .min(0, 'weight cannot be negative')
  .max(1_000_000);
const bodySchema = z
  .string({ message: 'body must be a string: serialize JSON first (JSON.stringify)' })
  .max(MAX_BODY_LENGTH, 'body is larger than 5 MB');

/** What a response *is*, with the defaults a new one gets: the one definition of its content (./content.ts). */
export const responseCreateSchema = z.object({
  name: z.string().trim().min(1).max(200).default('Response'),
  statusCode: statusSchema.default(200),
  headers: headerMapSchema.default({}),
  body: bodySchema.default(''),
  isDefault: z.boolean().default(false),
  weight: weightSchema.default(100),
  conditions: z.array(conditionSchema).max(50).default([]),
  disableTemplating: z.boolean().default(false),
  conditionLogic: conditionLogicSchema.default('and'),
  /** The scenario this response reads or moves ('' = none); see requiredScenarioState/newScenarioState. */
  scenarioName: scenarioText('scenarioName').default(''),
  /** The response is eligible only while its scenario is in this state ('' = any state). */
  requiredScenarioState: scenarioText('requiredScenarioState').default(''),
  /** Picking this response moves its scenario to this state ('' = it stays). */
  newScenarioState: scenarioText('newScenarioState').default(''),
});
export type ResponseCreate = z.input<typeof responseCreateSchema>;

export const responseUpdateSchema = z.object({
  name: z.string().trim().min(1, 'name cannot be empty').max(200).optional(),
  statusCode: statusSchema.optional(),
  headers: headerMapSchema.optional(),
  body: bodySchema.optional(),
  isDefault: z.boolean().optional(),
  weight: weightSchema.optional(),
  conditions: z.array(conditionSchema).max(50).optional(),
  disableTemplating: z.boolean().optional(),
  conditionLogic: conditionLogicSchema.optional(),
  scenarioName: scenarioText('scenarioName').optional(),
  requiredScenarioState: scenarioText('requiredScenarioState').optional(),
  newScenarioState: scenarioText('newScenarioState').optional(),
});
export type ResponseUpdate = z.input<typeof responseUpdateSchema>;
