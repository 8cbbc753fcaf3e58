import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { MAX_AI_PROMPT, type GeneratedEndpoint } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate } from '../../app/query';
import { qk } from '../../app/query-keys';
import { useAppStore } from '../../app/store';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { MethodBadge } from '../../ui/MethodBadge';
import { statusTone } from '../../ui/status-class';
import './ai.css';

/** A project name from the description's first words: "A small library API with books" → "A small library API". */
export function nameFromPrompt(prompt: string): string {
  const words = prompt.trim().split(/\s+/).slice(0, 4).join(' ');
  const name = words.replace(/[.,;:!?]+$/, '').slice(0, 60);
  return name ? name[0]!.toUpperCase() + name.slice(1) : 'Generated API';
}

/**
 * "New project from a description": the prompt goes to the user's AI provider, the answer is
 * previewed (endpoints and their scenarios), and nothing is created until "Create project",
 * which sends the answer unchanged to batch-create and opens the new project.
 */
export function GenerateProjectDialog() {
  const { open, setOpen, navigate, notify, closeAi, closeCloud, openAi } = useAppStore(
    useShallow((s) => ({
      open: s.aiProjectDialog,
      setOpen: s.setAiProjectDialog,
      navigate: s.navigate,
      notify: s.notify,
      closeAi: s.closeAi,
      closeCloud: s.closeCloud,
      openAi: s.openAi,
    })),
  );
  const [prompt, setPrompt] = useState('');
  const [name, setName] = useState('');
  const [endpoints, setEndpoints] = useState<GeneratedEndpoint[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState<'generate' | 'create' | null>(null);
  // A generation still running when the dialog closes or restarts must not fill the new one,
  // and its provider call is cancelled (it spends the user's tokens).
  const run = useRef(0);
  const pending = useRef<AbortController | null>(null);
  useEffect(() => () => pending.current?.abort(), []);
  if (!open) return null;

  const close = () => {
    run.current++;
    pending.current?.abort();
    setOpen(false);
    setEndpoints(null);
    setError(null);
    setBusy(null);
  };
  const tooLong = prompt.length > MAX_AI_PROMPT;
  const generate = async () => {
    if (!prompt.trim() || tooLong) return;
    const mine = ++run.current;
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setBusy('generate');
    setError(null);
    try {
      const answer = await call('ai.generateProject', { prompt }, { signal: controller.signal });
      if (run.current !== mine) return;
      setEndpoints(answer);
      setName((n) => n || nameFromPrompt(prompt));
    } catch (e) {
      if (run.current === mine) setError(e as AppErrorShape);
    } finally {
      if (run.current === mine) setBusy(null);
      invalidate(qk.aiByok);
    }
  };
  const create = async () => {
    if (!endpoints) return;
    setBusy('create');
    setError(null);
    try {
      const { project, mockCount } = await call('projects.batchCreate', {
        name: name.trim() || nameFromPrompt(prompt),
        description: prompt.trim().slice(0, 5000),
        endpoints,
      });
      invalidate(qk.projects.lists, qk.server);
      close();
      setPrompt('');
      setName('');
      closeAi();
      closeCloud();
      navigate({ projectId: project.id, view: 'mocks' });
      notify({ kind: 'info', message: `Project "${project.name}" created with ${mockCount} mocks` });
    } catch (e) {
      setError(e as AppErrorShape);
      setBusy(null);
    }
  };
  const notConfigured = error?.code === 'AI_NOT_CONFIGURED';

  return (
    <Dialog
      title="New project from a description"
      className="ai-dialog"
      onClose={close}
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          {endpoints && (
            <button type="button" className="btn" disabled={busy !== null} onClick={() => void generate()}>
              Generate again
            </button>
          )}
          {endpoints ? (
            <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={() => void create()}>
              {busy === 'create' ? 'Creating…' : `Create project (${endpoints.length} mocks)`}
            </button>
          ) : (
            <button
              type="submit"
              form="ai-project-form"
              className="btn btn-primary"
              disabled={busy !== null || !prompt.trim() || tooLong}
            >
              {busy === 'generate' ? 'Generating…' : 'Generate preview'}
            </button>
          )}
        </>
      }
    >
      <form
        id="ai-project-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void generate();
        }}
      >
        <ErrorNotice error={error} />
        {notConfigured && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              close();
              openAi();
            }}
          >
            Open AI settings
          </button>
        )}
        <Field
          label="Describe the API"
          error={tooLong ? `At most ${MAX_AI_PROMPT} characters: shorten the description` : undefined}
          help={`${prompt.length} / ${MAX_AI_PROMPT} · sent to your AI provider (AI settings in the sidebar)`}
        >
          {(ids) => (
            <textarea
              {...ids}
              rows={3}
              value={prompt}
              placeholder="A library API with books and authors: list, get one, add a book"
              onChange={(e) => setPrompt(e.target.value)}
            />
          )}
        </Field>
        {busy === 'generate' && (
          <p className="muted" role="status">
            Asking your provider… a local model can take a minute.
          </p>
        )}
      </form>
      {endpoints && (
        <>
          <Field label="Project name">
            {(ids) => <input {...ids} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <ul className="ai-preview" aria-label="Generated endpoints">
            {endpoints.map((e) => (
              <li key={`${e.method} ${e.route}`} className="ai-endpoint">
                <div className="ai-endpoint-head">
                  <MethodBadge method={e.method} />
                  <code>{e.route}</code>
                  <span className="muted">{e.description}</span>
                </div>
                <div className="ai-scenarios">
                  {e.scenarios.map((s) => (
                    <span key={s.name} className="ai-scenario" title={JSON.stringify(s.responseBody).slice(0, 300)}>
                      <span className={`status status-${statusTone(s.status)}`}>{s.status}</span> {s.name}
                    </span>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
