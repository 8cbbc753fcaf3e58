import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { AI_PROVIDER_PRESETS, AI_PROVIDERS, type AiConnectionTest, type AiProvider } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate } from '../../app/query';
import { qk } from '../../app/query-keys';
import { useAppStore } from '../../app/store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { deleteByok, saveByok, useByok } from './ai-queries';
import { FIELD_OF, formOf, toUpdate, validate, withProvider, type AiSettingsForm } from './ai-settings-form';
import './ai.css';

/**
 * AI settings (bring your own key): the provider preset, its base URL and model, the key
 * (write-only: only its masked form comes back), the monthly token limit, this month's usage,
 * and a connection test.
 */
export function AiSettingsView() {
  const { data: view, error } = useByok();
  if (error) return <ErrorNotice error={error} />;
  if (!view) return <div className="loading">Loading AI settings…</div>;
  // Re-keyed when the stored settings change, so the form starts from what was saved.
  return <AiSettingsScreen key={`${view.provider}-${view.base_url}-${view.model}`} />;
}

function AiSettingsScreen() {
  const { data: view } = useByok();
  const { closeAi, notify, setAiProjectDialog } = useAppStore(
    useShallow((s) => ({ closeAi: s.closeAi, notify: s.notify, setAiProjectDialog: s.setAiProjectDialog })),
  );
  const [form, setForm] = useState<AiSettingsForm>(() => formOf(view));
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState<'save' | 'test' | 'delete' | null>(null);
  const [test, setTest] = useState<AiConnectionTest | null>(null);
  const errors = touched ? validate(form) : {};
  const preset = AI_PROVIDER_PRESETS[form.provider];
  const fieldError = (f: keyof AiSettingsForm) =>
    (errors as Partial<Record<keyof AiSettingsForm, string>>)[f] ??
    (serverError?.field && FIELD_OF[serverError.field] === f ? serverError.message : undefined);
  const set = (p: Partial<AiSettingsForm>) => setForm((f) => ({ ...f, ...p }));

  const run = async (what: 'save' | 'test' | 'delete', fn: () => Promise<void>) => {
    setBusy(what);
    setServerError(null);
    try {
      await fn();
    } catch (e) {
      setServerError(e as AppErrorShape);
    } finally {
      setBusy(null);
    }
  };
  const save = () => {
    setTouched(true);
    if (Object.keys(validate(form)).length > 0) return;
    void run('save', async () => {
      await saveByok(toUpdate(form));
      setTest(null);
      notify({ kind: 'info', message: 'AI settings saved' });
    });
  };
  const testConnection = () =>
    void run('test', async () => {
      setTest(null);
      try {
        setTest(await call('ai.testConnection', {}));
      } finally {
        // The test spends tokens: show the new count.
        invalidate(qk.aiByok);
      }
    });
  const remove = () =>
    void run('delete', async () => {
      await deleteByok();
      notify({ kind: 'info', message: 'AI settings and key removed' });
    });

  const limit = view?.monthly_token_limit ?? null;
  const used = view?.tokens_used_this_month ?? 0;
  return (
    <div className="ai-view">
      <header className="ai-head">
        <div>
          <h1>AI settings</h1>
          <p className="muted">
            Generate projects and response bodies with your own provider: OpenAI, or a model on this computer (Ollama,
            LM Studio, llama.cpp). Your descriptions go to that provider only.
          </p>
        </div>
        <button type="button" className="btn" onClick={closeAi}>
          Close
        </button>
      </header>
      <form
        className="ai-form"
        aria-label="AI provider"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <ErrorNotice error={serverError && !(serverError.field && FIELD_OF[serverError.field]) ? serverError : null} />
        <fieldset className="ai-presets">
          <legend>Provider</legend>
          {AI_PROVIDERS.map((p: AiProvider) => (
            <label key={p} className={`ai-preset ${form.provider === p ? 'active' : ''}`}>
              <input
                type="radio"
                name="provider"
                value={p}
                checked={form.provider === p}
                onChange={() => setForm((f) => withProvider(f, p))}
              />
              {AI_PROVIDER_PRESETS[p].label}
            </label>
          ))}
        </fieldset>
        <Field
          label="Base URL"
          error={fieldError('baseUrl')}
          help="The OpenAI-compatible API, usually ending in /v1 (chat completions are posted to …/chat/completions)"
        >
          {(ids) => (
            <input
              {...ids}
              value={form.baseUrl}
              placeholder="http://127.0.0.1:8080/v1"
              onChange={(e) => set({ baseUrl: e.target.value })}
            />
          )}
        </Field>
        <Field label="Model" error={fieldError('model')} help={modelHelp(form.provider)}>
          {(ids) => (
            <input
              {...ids}
              value={form.model}
              placeholder={preset.model || 'model name'}
              onChange={(e) => set({ model: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={preset.needsKey ? 'API key' : 'API key (optional)'}
          error={fieldError('apiKey')}
          help={
            view?.api_key_masked
              ? `Stored in the system keychain: ${view.api_key_masked}. Type a new key to replace it.`
              : 'Kept in the system keychain, never in MockDeck’s files. Local servers usually need none.'
          }
        >
          {(ids) => (
            <input
              {...ids}
              type="password"
              autoComplete="off"
              value={form.apiKey}
              placeholder={view?.api_key_masked ?? (preset.needsKey ? 'sk-…' : 'none')}
              onChange={(e) => set({ apiKey: e.target.value })}
            />
          )}
        </Field>
        <Field
          label="Monthly token limit"
          error={fieldError('monthlyLimit')}
          help="Generation stops once the provider has counted this many tokens this month (UTC). Empty: no limit."
        >
          {(ids) => (
            <input
              {...ids}
              inputMode="numeric"
              value={form.monthlyLimit}
              placeholder="no limit"
              onChange={(e) => set({ monthlyLimit: e.target.value })}
            />
          )}
        </Field>
        <div className="ai-usage" aria-label="Usage this month">
          <span>
            Used this month ({view?.month}): <strong>{used.toLocaleString('en')}</strong>
            {limit !== null ? ` of ${limit.toLocaleString('en')} tokens` : ' tokens'}
          </span>
          {limit !== null && (
            <meter min={0} max={limit} value={Math.min(used, limit)} aria-label="Share of the monthly limit used" />
          )}
        </div>
        <div className="ai-actions">
          <button type="submit" className="btn btn-primary" disabled={busy !== null}>
            {busy === 'save' ? 'Saving…' : 'Save AI settings'}
          </button>
          <button type="button" className="btn" disabled={busy !== null || !view?.enabled} onClick={testConnection}>
            {busy === 'test' ? 'Testing…' : 'Test connection'}
          </button>
          {view?.enabled && (
            <>
              <button type="button" className="btn" onClick={() => setAiProjectDialog(true)}>
                New project from a description…
              </button>
              <button type="button" className="btn btn-danger-ghost" disabled={busy !== null} onClick={remove}>
                Remove settings and key
              </button>
            </>
          )}
        </div>
        {test && (
          <div role="status" className="notice ai-test-ok">
            Connected: {test.model} answered “{test.reply}” ({test.tokens} tokens).
          </div>
        )}
      </form>
    </div>
  );
}

function modelHelp(provider: AiProvider): string {
  if (provider === 'ollama') return 'A model you pulled: `ollama list` shows them (e.g. llama3.2, qwen2.5)';
  if (provider === 'lmstudio') return 'The model loaded in LM Studio’s server tab';
  if (provider === 'openai') return 'e.g. gpt-4o-mini (cheap and fast) or gpt-4o';
  return 'The model name your server expects';
}
