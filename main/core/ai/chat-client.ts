import { z } from 'zod';
import { AppError } from '../util/errors';

/**
 * One call to an OpenAI-compatible `POST {baseUrl}/chat/completions` (OpenAI, Ollama, LM
 * Studio, llama.cpp's server…) with the platform's fetch: the endpoint is one JSON POST, so a
 * client library would add a dependency and its own retries/timeouts without adding anything
 * MockDeck needs; fetch takes our AbortSignal as is.
 */

export interface ChatEndpoint {
  /** e.g. https://api.openai.com/v1 (no trailing slash). */
  baseUrl: string;
  model: string;
  /** Sent as `Authorization: Bearer …`; local servers often need none. */
  apiKey: string | null;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * How the answer is asked to be JSON: a JSON schema (OpenAI, recent Ollama, LM Studio,
 * llama.cpp), JSON mode (older OpenAI-compatible servers), or the prompt alone.
 */
export type JsonMode = 'json_schema' | 'json_object' | 'prompt';
export const JSON_MODES: readonly JsonMode[] = ['json_schema', 'json_object', 'prompt'];

export interface ChatRequest {
  messages: readonly ChatMessage[];
  mode: JsonMode;
  /** Used with mode json_schema. */
  schema?: { name: string; schema: Record<string, unknown> };
  maxTokens: number;
  /** The caller's cancel (a REST client went away, the UI cancelled). */
  signal: AbortSignal;
  timeoutMs: number;
}

export interface ChatAnswer {
  content: string;
  promptTokens: number;
  completionTokens: number;
  /** False when the provider sent no `usage` and the counts are estimated (characters ÷ 4). */
  counted: boolean;
}

/** The provider refused the response_format we asked for: the caller tries the next JsonMode. */
export class JsonModeRefused extends Error {}

/** Bounds what one answer may make us hold: far above any generation's answer. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

const answerSchema = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullable().optional() }) }))
    .min(1, 'the answer has no choices'),
  usage: z
    .object({ prompt_tokens: z.number().int().min(0), completion_tokens: z.number().int().min(0).optional() })
    .nullable()
    .optional(),
});

export async function chatCompletion(
  fetchFn: typeof fetch,
  endpoint: ChatEndpoint,
  req: ChatRequest,
): Promise<ChatAnswer> {
  const url = `${endpoint.baseUrl}/chat/completions`;
  const body: Record<string, unknown> = {
    model: endpoint.model,
    messages: req.messages,
    temperature: 0.4,
    max_tokens: req.maxTokens,
    stream: false,
  };
  if (req.mode === 'json_schema' && req.schema) {
    body.response_format = {
      type: 'json_schema',
      // Not strict: OpenAI's strict mode refuses free-form values, and a response body is any JSON.
      json_schema: { name: req.schema.name, schema: req.schema.schema, strict: false },
    };
  } else if (req.mode === 'json_object') {
    body.response_format = { type: 'json_object' };
  }
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;

  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = AbortSignal.any([req.signal, timeout]);
  const where = describeEndpoint(endpoint.baseUrl);
  let text: string;
  let status: number;
  try {
    const res = await fetchFn(url, { method: 'POST', headers, body: JSON.stringify(body), signal, redirect: 'error' });
    status = res.status;
    text = await readBounded(res, MAX_ANSWER_BYTES);
  } catch (e) {
    if (req.signal.aborted) throw req.signal.reason ?? e;
    if (timeout.aborted) {
      throw new AppError('AI_TIMEOUT', `The AI provider at ${where} did not answer within ${seconds(req.timeoutMs)}.`, {
        hint: 'a local model may still be loading: try again, or pick a smaller model',
      });
    }
    if (e instanceof AppError) throw e;
    throw new AppError('AI_PROVIDER_ERROR', `Could not reach the AI provider at ${where}: ${networkReason(e)}.`, {
      hint: 'check the base URL in AI settings (sidebar → AI), and that the server (Ollama, LM Studio…) is running',
    });
  }
  if (status < 200 || status >= 300) throw httpError(status, text, endpoint, req.mode);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('AI_PROVIDER_ERROR', `The AI provider at ${where} did not answer JSON (HTTP ${status}).`, {
      hint: 'the base URL must be an OpenAI-compatible API, usually ending in /v1',
    });
  }
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError(
      'AI_PROVIDER_ERROR',
      `The AI provider at ${where} answered, but not as an OpenAI-compatible chat completion (${parsed.error.issues[0]?.message ?? 'unknown shape'}).`,
      { hint: 'the base URL must be an OpenAI-compatible API, usually ending in /v1' },
    );
  }
  const content = parsed.data.choices[0]?.message.content ?? '';
  const usage = parsed.data.usage;
  if (usage) {
    return {
      content,
      promptTokens: usage.prompt_tokens,
      completionTokens: usage.completion_tokens ?? 0,
      counted: true,
    };
  }
  const asked = req.messages.reduce((n, m) => n + m.content.length, 0);
  return {
    content,
    promptTokens: Math.ceil(asked / 4),
    completionTokens: Math.ceil(content.length / 4),
    counted: false,
  };
}

/** Scheme, host and port: enough to tell which provider, nothing from the path or a query. */
export function describeEndpoint(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return 'the configured base URL';
  }
}

const seconds = (ms: number): string => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

function networkReason(e: unknown): string {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  const code = (cause as { code?: unknown }).code;
  if (code === 'ECONNREFUSED') return 'connection refused (nothing listens there)';
  if (code === 'ENOTFOUND') return 'the host name is unknown';
  if (typeof code === 'string') return code;
  return cause instanceof Error ? cause.message : 'network error';
}

/** The provider's own error message (OpenAI: `{error:{message}}`; others: `{error: "…"}`), shortened. */
function providerMessage(text: string): string {
  try {
    const j = JSON.parse(text) as { error?: unknown; message?: unknown };
    const e = j.error;
    const m =
      typeof e === 'string'
        ? e
        : e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string'
          ? (e as { message: string }).message
          : typeof j.message === 'string'
            ? j.message
            : '';
    return m.slice(0, 300);
  } catch {
    return text.slice(0, 200).replace(/\s+/g, ' ');
  }
}

function httpError(status: number, text: string, endpoint: ChatEndpoint, mode: JsonMode): Error {
  const said = withoutKey(providerMessage(text), endpoint.apiKey);
  if ((status === 400 || status === 422) && mode !== 'prompt') return new JsonModeRefused(said);
  const where = describeEndpoint(endpoint.baseUrl);
  const quoted = said ? `: ${said}` : '';
  if (status === 401 || status === 403) {
    return new AppError(
      'AI_PROVIDER_ERROR',
      `The AI provider at ${where} refused the API key (HTTP ${status})${quoted}`,
      {
        hint: 'set a valid key in AI settings (sidebar → AI), or PUT /settings/byok with "api_key"',
      },
    );
  }
  if (status === 404) {
    return new AppError(
      'AI_PROVIDER_ERROR',
      `The AI provider at ${where} has no model "${endpoint.model}" or no chat-completions endpoint (HTTP 404)${quoted}`,
      { hint: "check the model name (ollama list shows Ollama's) and that the base URL ends in /v1" },
    );
  }
  if (status === 429) {
    return new AppError(
      'AI_PROVIDER_ERROR',
      `The AI provider at ${where} is rate-limiting this key (HTTP 429)${quoted}`,
      {
        hint: "wait a minute, or check your plan's quota with the provider",
      },
    );
  }
  return new AppError('AI_PROVIDER_ERROR', `The AI provider at ${where} failed (HTTP ${status})${quoted}`);
}

/** A provider may quote the key it refused: never pass it on. */
export function withoutKey(text: string, key: string | null): string {
  return key && key.length >= 4 ? text.split(key).join('•••') : text;
}

async function readBounded(res: Response, limit: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError('AI_PROVIDER_ERROR', `The AI provider's answer is larger than ${limit / 1024 / 1024} MiB.`, {
        hint: 'ask for less in the description',
      });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
