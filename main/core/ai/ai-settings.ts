import { z } from 'zod';
import { AI_PROVIDER_PRESETS, AI_PROVIDERS, type AiProvider, type ByokUpdate } from '../../../shared/models';
import type { SettingsRepo } from '../store/settings-repo';
import { AppError } from '../util/errors';

/** The non-secret BYOK settings, one JSON value in catalog.db's settings table; the key is in the keychain. */
const SETTINGS_KEY = 'ai.byok';
/** The key's name in the secret store (its own keychain service: a cloud sign-out does not remove it). */
export const API_KEY_SECRET = 'ai.apiKey';

const storedSchema = z.object({
  provider: z.enum(AI_PROVIDERS),
  baseUrl: z.string(),
  model: z.string(),
  monthlyTokenLimit: z.number().int().positive().nullable(),
});
export type StoredAiSettings = z.infer<typeof storedSchema>;

export class AiSettings {
  constructor(private readonly repo: SettingsRepo) {}

  get(): StoredAiSettings | null {
    const raw = this.repo.get(SETTINGS_KEY);
    if (!raw) return null;
    try {
      const r = storedSchema.safeParse(JSON.parse(raw));
      return r.success ? r.data : null;
    } catch {
      return null;
    }
  }

  /** The stored settings after `update`, checked; fields left out keep their stored (or preset) value. */
  merge(update: ByokUpdate): StoredAiSettings {
    const before = this.get();
    const provider: AiProvider = update.provider;
    const preset = AI_PROVIDER_PRESETS[provider];
    const sameProvider = before?.provider === provider;
    const baseUrl = normalizeAiBaseUrl(update.base_url ?? (sameProvider ? before.baseUrl : preset.baseUrl));
    const model = update.model ?? (sameProvider && before.model ? before.model : preset.model);
    if (!model) {
      throw new AppError('VALIDATION_ERROR', `model is required for ${preset.label}: name the model to use`, {
        field: 'model',
        hint: 'e.g. the name LM Studio shows for the loaded model, or "llama3.2"',
      });
    }
    const monthlyTokenLimit =
      update.monthly_token_limit !== undefined ? update.monthly_token_limit : (before?.monthlyTokenLimit ?? null);
    return { provider, baseUrl, model, monthlyTokenLimit };
  }

  save(settings: StoredAiSettings): void {
    this.repo.set(SETTINGS_KEY, JSON.stringify(settings));
  }

  clear(): void {
    this.repo.delete(SETTINGS_KEY);
  }
}

/** http(s) only, no credentials, query or fragment (a key goes in the keychain, never in a URL); no trailing slash. */
export function normalizeAiBaseUrl(input: string): string {
  if (!input.trim()) {
    throw new AppError('VALIDATION_ERROR', 'base_url is required for a custom provider', {
      field: 'base_url',
      hint: 'the OpenAI-compatible API base, e.g. http://127.0.0.1:8080/v1 for llama.cpp',
    });
  }
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    throw new AppError('VALIDATION_ERROR', 'base_url is not a URL', {
      field: 'base_url',
      hint: 'e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1',
    });
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new AppError('VALIDATION_ERROR', 'base_url must start with https:// (or http:// for a local server)', {
      field: 'base_url',
    });
  }
  if (u.username || u.password || u.search || u.hash) {
    throw new AppError('VALIDATION_ERROR', 'base_url may not hold credentials, a query or a fragment', {
      field: 'base_url',
      hint: 'put the key in api_key: it is kept in the system keychain',
    });
  }
  return u.toString().replace(/\/+$/, '');
}
