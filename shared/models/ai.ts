import { z } from 'zod';

/**
 * AI generation with the user's own key (docs/ai.md): the BYOK settings (mockforge-cloud-api.md
 * §Settings plus `base_url` and `model`), the generation requests (mockbird-api.md §7) and
 * the shapes a provider's answer must have before MockDeck uses it.
 */

/** Longest prompt a generation takes (mockbird-api.md §7). */
export const MAX_AI_PROMPT = 1000;

/** OpenAI-compatible providers MockDeck has presets for; `custom` is any other base URL. */
export const AI_PROVIDERS = ['openai', 'ollama', 'lmstudio', 'custom'] as const;
export type AiProvider = (typeof AI_PROVIDERS)[number];

/** A preset: where the provider listens by default, a model that exists there, whether it needs a key. */
export interface AiProviderPreset {
  label: string;
  baseUrl: string;
  model: string;
  needsKey: boolean;
}

export const AI_PROVIDER_PRESETS: Record<AiProvider, AiProviderPreset> = {
  openai: { label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', needsKey: true },
  ollama: { label: 'Ollama', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2', needsKey: false },
  lmstudio: { label: 'LM Studio', baseUrl: 'http://127.0.0.1:1234/v1', model: '', needsKey: false },
  custom: { label: 'Custom (OpenAI-compatible)', baseUrl: '', model: '', needsKey: false },
};

/** A key is text a header can carry: no line breaks, no spaces around it. */
const apiKeySchema = z
  .string()
  .trim()
  .min(1, 'api_key cannot be empty: leave it out to keep the stored key, or DELETE /settings/byok to remove it')
  .max(4096, 'api_key is longer than 4,096 characters')
  .regex(/^[\x21-\x7e]+$/, 'api_key may hold only printable ASCII without spaces');

/** PUT /settings/byok and `ai.setByok`: every field optional except the provider; an absent key keeps the stored one. */
export const byokUpdateSchema = z
  .object({
    provider: z.enum(AI_PROVIDERS, { message: `provider must be one of ${AI_PROVIDERS.join(', ')}` }),
    api_key: apiKeySchema.optional(),
    /** Tokens (prompt + answer, as the provider counts them) per calendar month (UTC); null: no limit. */
    monthly_token_limit: z
      .number({ message: 'monthly_token_limit must be a number of tokens, or null for no limit' })
      .int('monthly_token_limit must be a whole number')
      .min(1, 'monthly_token_limit must be at least 1 (or null for no limit)')
      .max(1_000_000_000_000)
      .nullable()
      .optional(),
    /** The chat-completions endpoint's base, e.g. http://127.0.0.1:11434/v1; the preset's when absent. */
    base_url: z.string().trim().max(2000).optional(),
    model: z.string().trim().min(1, 'model cannot be empty').max(200).optional(),
  })
  .strict();
export type ByokUpdate = z.input<typeof byokUpdateSchema>;

/** What GET /settings/byok and `ai.byok` show: never the key, only its masked form. */
export interface ByokView {
  enabled: boolean;
  provider: AiProvider | null;
  api_key_masked: string | null;
  monthly_token_limit: number | null;
  base_url: string | null;
  model: string | null;
  /** Tokens counted this calendar month (UTC), and which month that is ("2026-11"). */
  tokens_used_this_month: number;
  month: string;
}

export const aiPromptSchema = z.object({
  prompt: z
    .string({ message: 'prompt is required: describe what to generate' })
    .trim()
    .min(1, 'prompt is required: describe what to generate')
    .max(MAX_AI_PROMPT, `prompt is longer than ${MAX_AI_PROMPT} characters: shorten the description`),
});
export type AiPrompt = z.input<typeof aiPromptSchema>;

/** A route as the mock server routes it: a leading slash, no query. */
const routeSchema = z
  .string()
  .min(1)
  .max(500)
  .regex(/^\/[^?#\s]*$/, 'route must start with "/" and hold no query, e.g. /users/{id}');

/** One scenario of a generated endpoint (mockbird-api.md §7): a named status with a parsed JSON body. */
export const generatedScenarioSchema = z.object({
  name: z.string().trim().min(1).max(200),
  status: z.number().int().min(100).max(599),
  responseBody: z.json(),
});

/** One endpoint of POST /ai/generate/project's answer: the shape batch-create's `endpoints` takes. */
export const generatedEndpointSchema = z.object({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  route: routeSchema,
  description: z.string().max(1000),
  scenarios: z.array(generatedScenarioSchema).min(1, 'every endpoint needs at least one scenario').max(10),
});
export type GeneratedEndpoint = z.infer<typeof generatedEndpointSchema>;

/** Bounds an answer so one generation cannot make a project no one asked for. */
export const MAX_GENERATED_ENDPOINTS = 50;

export const generatedEndpointsSchema = z
  .array(generatedEndpointSchema)
  .min(1, 'the answer has no endpoints')
  .max(MAX_GENERATED_ENDPOINTS, `at most ${MAX_GENERATED_ENDPOINTS} endpoints`);

/** What a provider answers for a project: wrapped in an object, as JSON-schema output requires an object at the root. */
export const generatedProjectAnswerSchema = z.object({ endpoints: generatedEndpointsSchema });

/** What a provider answers for mock data: the body under `data` (an object or an array). */
export const generatedMockDataAnswerSchema = z.object({
  data: z.union([z.record(z.string(), z.json()), z.array(z.json())], {
    message: 'data must be a JSON object or array',
  }),
});
export type GeneratedMockData = z.infer<typeof generatedMockDataAnswerSchema>['data'];

/** What "test connection" reports. */
export interface AiConnectionTest {
  ok: true;
  model: string;
  /** What the provider answered, shortened. */
  reply: string;
  tokens: number;
}
