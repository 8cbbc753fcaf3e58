import {
  AI_PROVIDER_PRESETS,
  type AiConnectionTest,
  type ByokUpdate,
  type ByokView,
  type GeneratedEndpoint,
  type GeneratedMockData,
} from '../../../shared/models';
import { maskSecret, type SecretStore } from '../secrets/secret-store';
import type { AiUsageRepo } from '../store/ai-usage-repo';
import type { SettingsRepo } from '../store/settings-repo';
import type { Clock } from '../util/clock';
import { AppError } from '../util/errors';
import { AiSettings, API_KEY_SECRET, type StoredAiSettings } from './ai-settings';
import {
  chatCompletion,
  describeEndpoint,
  JSON_MODES,
  JsonModeRefused,
  type ChatAnswer,
  type ChatEndpoint,
  type ChatMessage,
  type JsonMode,
} from './chat-client';
import { mockDataTask, parseAnswerJson, projectTask, type GenerationTask } from './tasks';

export interface AiServiceOptions {
  settings: SettingsRepo;
  usage: AiUsageRepo;
  /** Where the key lives: the OS keychain (opened on first use), or memory in session-only mode and tests. */
  secrets: () => Promise<SecretStore>;
  clock: Clock;
  /** The provider call; the platform's fetch when absent (tests pass none: they answer from a local OpenAI-compatible test server, test/harness). */
  fetch?: typeof fetch;
  /** One provider call's limit (default 120 s: a local model answers slowly). */
  timeoutMs?: number;
}

export const DEFAULT_AI_TIMEOUT_MS = 120_000;
/** The most one answer may cost: a 50-endpoint project fits, and the monthly limit is never far overshot. */
const MAX_ANSWER_TOKENS = 8192;
/** How much of a bad answer is sent back when asking for a repair. */
const MAX_REPAIR_ECHO = 20_000;

/** What to say when no provider is set, on every transport. */
export const NOT_CONFIGURED_HINT =
  'open AI settings in MockDeck (sidebar → AI) and pick OpenAI, Ollama, LM Studio or a custom server, or call PUT /settings/byok with {"provider": "ollama", "model": "llama3.2"} (add "api_key" for OpenAI)';

/**
 * AI generation with the user's own key and provider (docs/ai.md): the BYOK settings, the
 * monthly token count, and the two generations, each asked as JSON, validated with the shared
 * zod models, repaired once by re-asking with the problem, then refused in words.
 */
export class AiService {
  private readonly settings: AiSettings;
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;
  /** The JsonMode each endpoint accepted, so a refusal costs one round trip once per run, not per call. */
  private readonly modes = new Map<string, JsonMode>();

  constructor(private readonly opts: AiServiceOptions) {
    this.settings = new AiSettings(opts.settings);
    this.fetchFn = opts.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_AI_TIMEOUT_MS;
  }

  async view(): Promise<ByokView> {
    const s = this.settings.get();
    const month = this.month();
    const used = this.opts.usage.get(month);
    const tokens = used.promptTokens + used.completionTokens;
    if (!s) {
      return {
        enabled: false,
        provider: null,
        api_key_masked: null,
        monthly_token_limit: null,
        base_url: null,
        model: null,
        tokens_used_this_month: tokens,
        month,
      };
    }
    const key = await (await this.opts.secrets()).get(API_KEY_SECRET);
    return {
      enabled: true,
      provider: s.provider,
      api_key_masked: key ? maskSecret(key) : null,
      monthly_token_limit: s.monthlyTokenLimit,
      base_url: s.baseUrl,
      model: s.model,
      tokens_used_this_month: tokens,
      month,
    };
  }

  async configure(update: ByokUpdate): Promise<ByokView> {
    const next = this.settings.merge(update);
    const secrets = await this.opts.secrets();
    const hasKey = update.api_key !== undefined || (await secrets.get(API_KEY_SECRET)) !== null;
    if (AI_PROVIDER_PRESETS[next.provider].needsKey && !hasKey) {
      throw new AppError('VALIDATION_ERROR', `api_key is required for ${AI_PROVIDER_PRESETS[next.provider].label}`, {
        field: 'api_key',
        hint: 'create one at https://platform.openai.com/api-keys; MockDeck keeps it in the system keychain',
      });
    }
    // The key first: settings that say "enabled" must never point at a key that failed to save.
    if (update.api_key !== undefined) await secrets.set(API_KEY_SECRET, update.api_key);
    this.settings.save(next);
    this.modes.clear();
    return this.view();
  }

  async remove(): Promise<{ success: true; message: string }> {
    await (await this.opts.secrets()).delete(API_KEY_SECRET);
    this.settings.clear();
    this.modes.clear();
    return { success: true, message: 'BYOK configuration deleted' };
  }

  /** One tiny completion: proves the URL, the key and the model (and counts its tokens). */
  async testConnection(signal: AbortSignal): Promise<AiConnectionTest> {
    const { settings, endpoint } = await this.endpoint();
    this.refuseOverLimit(settings);
    const answer = await chatCompletion(this.fetchFn, endpoint, {
      messages: [{ role: 'user', content: 'Reply with the single word: ready' }],
      mode: 'prompt',
      maxTokens: 16,
      signal,
      timeoutMs: this.timeoutMs,
    });
    this.count(answer);
    return {
      ok: true,
      model: endpoint.model,
      reply: answer.content.trim().slice(0, 80),
      tokens: answer.promptTokens + answer.completionTokens,
    };
  }

  generateProject(prompt: string, signal: AbortSignal): Promise<GeneratedEndpoint[]> {
    return this.generate(projectTask, prompt, signal);
  }

  generateMockData(prompt: string, signal: AbortSignal): Promise<GeneratedMockData> {
    return this.generate(mockDataTask, prompt, signal);
  }

  private async generate<T>(task: GenerationTask<T>, prompt: string, signal: AbortSignal): Promise<T> {
    const { settings, endpoint } = await this.endpoint();
    const messages: ChatMessage[] = [
      { role: 'system', content: task.system },
      { role: 'user', content: prompt },
    ];
    let problem = '';
    // The first answer, then one repair: the model sees its answer and what is wrong with it.
    for (let attempt = 0; attempt < 2; attempt++) {
      this.refuseOverLimit(settings);
      const answer = await this.ask(endpoint, settings, task, messages, signal);
      const json = parseAnswerJson(answer.content);
      const checked = json.ok ? task.check(json.value) : json;
      if (checked.ok) return checked.value;
      problem = checked.problem;
      messages.push(
        { role: 'assistant', content: answer.content.slice(0, MAX_REPAIR_ECHO) },
        {
          role: 'user',
          content: `That answer cannot be used: ${problem}. Answer again with the whole corrected JSON object only.`,
        },
      );
    }
    throw new AppError(
      'AI_PROVIDER_ERROR',
      `The model "${endpoint.model}" answered ${task.what} that MockDeck cannot use, twice: ${problem}.`,
      { hint: 'try again, describe it more plainly, or choose a larger model in AI settings (sidebar → AI)' },
    );
  }

  /** One completion in the endpoint's JSON mode, stepping down to the next mode when the provider refuses it. */
  private async ask<T>(
    endpoint: ChatEndpoint,
    settings: StoredAiSettings,
    task: GenerationTask<T>,
    messages: readonly ChatMessage[],
    signal: AbortSignal,
  ): Promise<ChatAnswer> {
    const key = `${endpoint.baseUrl} ${endpoint.model}`;
    const start = JSON_MODES.indexOf(this.modes.get(key) ?? 'json_schema');
    let refused = '';
    for (const mode of JSON_MODES.slice(start)) {
      try {
        const answer = await chatCompletion(this.fetchFn, endpoint, {
          messages,
          mode,
          schema: { name: task.name, schema: task.jsonSchema },
          maxTokens: this.maxTokens(settings),
          signal,
          timeoutMs: this.timeoutMs,
        });
        this.modes.set(key, mode);
        this.count(answer);
        return answer;
      } catch (e) {
        if (!(e instanceof JsonModeRefused)) throw e;
        refused = e.message;
      }
    }
    throw new AppError(
      'AI_PROVIDER_ERROR',
      `The AI provider at ${describeEndpoint(endpoint.baseUrl)} refused the request (HTTP 400)${refused ? `: ${refused}` : ''}`,
      { hint: 'check the model name in AI settings (sidebar → AI)' },
    );
  }

  private async endpoint(): Promise<{ settings: StoredAiSettings; endpoint: ChatEndpoint }> {
    const settings = this.settings.get();
    if (!settings) {
      throw new AppError(
        'AI_NOT_CONFIGURED',
        'No AI provider is set up: AI generation uses your own provider and key.',
        {
          hint: NOT_CONFIGURED_HINT,
        },
      );
    }
    const apiKey = await (await this.opts.secrets()).get(API_KEY_SECRET);
    if (!apiKey && AI_PROVIDER_PRESETS[settings.provider].needsKey) {
      throw new AppError(
        'AI_NOT_CONFIGURED',
        `No API key is stored for ${AI_PROVIDER_PRESETS[settings.provider].label}.`,
        {
          hint: 'enter the key in AI settings (sidebar → AI), or PUT /settings/byok with "api_key"',
        },
      );
    }
    return { settings, endpoint: { baseUrl: settings.baseUrl, model: settings.model, apiKey } };
  }

  private used(): number {
    const u = this.opts.usage.get(this.month());
    return u.promptTokens + u.completionTokens;
  }

  private refuseOverLimit(settings: StoredAiSettings): void {
    const limit = settings.monthlyTokenLimit;
    if (limit === null) return;
    const used = this.used();
    if (used >= limit) {
      throw new AppError(
        'AI_LIMIT_REACHED',
        `This month's AI token limit is used up: ${used.toLocaleString('en')} of ${limit.toLocaleString('en')} tokens (${this.month()}, UTC).`,
        {
          hint: 'raise monthly_token_limit in AI settings (sidebar → AI) or with PUT /settings/byok, or wait for next month',
        },
      );
    }
  }

  private maxTokens(settings: StoredAiSettings): number {
    const limit = settings.monthlyTokenLimit;
    return limit === null ? MAX_ANSWER_TOKENS : Math.max(1, Math.min(MAX_ANSWER_TOKENS, limit - this.used()));
  }

  private count(answer: ChatAnswer): void {
    this.opts.usage.add(this.month(), answer.promptTokens, answer.completionTokens);
  }

  private month(): string {
    return this.opts.clock.now().toISOString().slice(0, 7);
  }
}
