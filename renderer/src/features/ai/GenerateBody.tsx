import { useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { MAX_AI_PROMPT } from '../../../../shared/models';
import { call } from '../../app/api';
import { invalidate } from '../../app/query';
import { qk } from '../../app/query-keys';
import { useAppStore } from '../../app/store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import './ai.css';

/**
 * "Generate body" in the response editor: a description goes to the user's AI provider and
 * the JSON it answers replaces the body field (unsaved, like typing: the editor's Save keeps it).
 */
export function GenerateBody({ onGenerated }: { onGenerated: (body: string) => void }) {
  const openAi = useAppStore((s) => s.openAi);
  const [open, setOpen] = useState(false);
  const [prompt, setPrompt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const run = useRef(0);
  const pending = useRef<AbortController | null>(null);
  useEffect(() => () => pending.current?.abort(), []);
  if (!open) {
    return (
      <button type="button" className="btn btn-small ai-generate-toggle" onClick={() => setOpen(true)}>
        Generate body
      </button>
    );
  }
  const tooLong = prompt.length > MAX_AI_PROMPT;
  const generate = async () => {
    if (!prompt.trim() || tooLong) return;
    const mine = ++run.current;
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setBusy(true);
    setError(null);
    try {
      const data = await call('ai.generateMockData', { prompt }, { signal: controller.signal });
      if (run.current !== mine) return;
      onGenerated(JSON.stringify(data, null, 2));
      setOpen(false);
    } catch (e) {
      if (run.current === mine) setError(e as AppErrorShape);
    } finally {
      if (run.current === mine) setBusy(false);
      invalidate(qk.aiByok);
    }
  };
  return (
    <div className="ai-generate-body" role="group" aria-label="Generate body">
      <ErrorNotice error={error} />
      {error?.code === 'AI_NOT_CONFIGURED' && (
        <button type="button" className="btn btn-small" onClick={openAi}>
          Open AI settings
        </button>
      )}
      <div className="ai-generate-row">
        <input
          aria-label="Describe the body"
          value={prompt}
          maxLength={MAX_AI_PROMPT + 100}
          placeholder="e.g. a list of 3 orders with customer and line items"
          onChange={(e) => setPrompt(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void generate();
            }
          }}
        />
        <button
          type="button"
          className="btn btn-small btn-primary"
          disabled={busy || !prompt.trim() || tooLong}
          onClick={() => void generate()}
        >
          {busy ? 'Generating…' : 'Generate'}
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            run.current++;
            pending.current?.abort();
            setBusy(false);
            setOpen(false);
          }}
        >
          Cancel
        </button>
      </div>
      {tooLong && <div className="field-error">At most {MAX_AI_PROMPT} characters: shorten the description</div>}
      <div className="field-help">Replaces the body with JSON from your AI provider; Save keeps it.</div>
    </div>
  );
}
