import { AI_PROVIDER_PRESETS, type AiProvider, type ByokUpdate, type ByokView } from '../../../../shared/models';

/** The BYOK screen's form: text as typed; the key is write-only (empty keeps the stored one). */
export interface AiSettingsForm {
  provider: AiProvider;
  baseUrl: string;
  model: string;
  apiKey: string;
  /** Empty: no limit. */
  monthlyLimit: string;
}

export function formOf(view: ByokView | undefined): AiSettingsForm {
  if (!view?.enabled || !view.provider) {
    const p = AI_PROVIDER_PRESETS.ollama;
    return { provider: 'ollama', baseUrl: p.baseUrl, model: p.model, apiKey: '', monthlyLimit: '' };
  }
  return {
    provider: view.provider,
    baseUrl: view.base_url ?? '',
    model: view.model ?? '',
    apiKey: '',
    monthlyLimit: view.monthly_token_limit === null ? '' : String(view.monthly_token_limit),
  };
}

/** Picking a preset fills its URL and model; custom keeps what was typed. */
export function withProvider(form: AiSettingsForm, provider: AiProvider): AiSettingsForm {
  if (provider === 'custom') return { ...form, provider };
  const p = AI_PROVIDER_PRESETS[provider];
  return { ...form, provider, baseUrl: p.baseUrl, model: p.model };
}

export type AiSettingsErrors = Partial<Record<'baseUrl' | 'model' | 'monthlyLimit', string>>;

export function validate(form: AiSettingsForm): AiSettingsErrors {
  const errors: AiSettingsErrors = {};
  if (!/^https?:\/\/\S+$/.test(form.baseUrl.trim())) errors.baseUrl = 'Base URL must start with http:// or https://';
  if (!form.model.trim()) errors.model = 'Name the model to use, e.g. llama3.2 or gpt-4o-mini';
  const limit = form.monthlyLimit.trim();
  if (limit && !/^[1-9]\d*$/.test(limit))
    errors.monthlyLimit = 'The monthly limit is a whole number of tokens, or empty for none';
  return errors;
}

export function toUpdate(form: AiSettingsForm): ByokUpdate {
  const limit = form.monthlyLimit.trim();
  return {
    provider: form.provider,
    base_url: form.baseUrl.trim(),
    model: form.model.trim(),
    monthly_token_limit: limit ? Number(limit) : null,
    ...(form.apiKey.trim() ? { api_key: form.apiKey.trim() } : {}),
  };
}

/** The server's field names → the form's. */
export const FIELD_OF: Record<string, keyof AiSettingsForm> = {
  base_url: 'baseUrl',
  model: 'model',
  api_key: 'apiKey',
  monthly_token_limit: 'monthlyLimit',
  provider: 'provider',
};
