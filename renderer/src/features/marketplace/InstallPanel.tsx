import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MarketInstallView } from '../../../../shared/ipc/marketplace';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import type { InstallProgress, MarketKind } from '../../../../shared/models';
import { call, subscribe } from '../../app/api';
import { invalidate } from '../../app/query';
import { qk } from '../../app/query-keys';
import { useAppStore } from '../../app/store';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { KIND_LABELS } from './market-queries';

type State =
  | { phase: 'idle' }
  | { phase: 'installing'; progress: InstallProgress | null }
  | { phase: 'done'; result: MarketInstallView }
  | { phase: 'failed'; error: AppErrorShape };

const STEP_LABELS: Record<InstallProgress['phase'], string> = {
  resolving: 'Finding the version',
  downloading: 'Downloading',
  verifying: 'Checking the SHA-256',
  extracting: 'Unpacking',
  importing: 'Creating the project',
  done: 'Finishing',
};

const kib = (n: number): string => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KiB` : `${(n / 1048576).toFixed(1)} MiB`);

/**
 * Install and its result. market.install answers once, at the end; main reports each step
 * and the bytes downloaded as the event market.installProgress, so the bar fills while the
 * download runs and names the step after it. With no size known it stays indeterminate.
 */
export function InstallPanel({ kind, name, version }: { kind: MarketKind; name: string; version: string }) {
  const { navigate, closeMarket, notify } = useAppStore(
    useShallow((s) => ({ navigate: s.navigate, closeMarket: s.closeMarket, notify: s.notify })),
  );
  const [state, setState] = useState<State>({ phase: 'idle' });
  const installing = state.phase === 'installing';
  useEffect(() => {
    if (!installing) return;
    return subscribe('market.installProgress', (p) => {
      if (p.kind !== kind || p.name !== name) return;
      setState((s) => (s.phase === 'installing' ? { phase: 'installing', progress: p } : s));
    });
  }, [installing, kind, name]);
  const install = async () => {
    setState({ phase: 'installing', progress: null });
    try {
      const result = await call('market.install', { kind, name });
      setState({ phase: 'done', result });
      invalidate(qk.market.installed, qk.market.show(kind, name));
      if (result.kind === 'plugins') invalidate(qk.plugins.all);
      else invalidate(qk.projects.lists);
      notify({ kind: 'info', message: `Installed ${name} ${result.version}` });
    } catch (e) {
      setState({ phase: 'failed', error: e as AppErrorShape });
    }
  };
  const openProject = (id: string) => {
    closeMarket();
    navigate({ projectId: id, view: 'mocks', mockId: null });
  };
  const what = KIND_LABELS[kind].singular;
  return (
    <section className="market-install" aria-label="Install">
      {state.phase !== 'installing' && state.phase !== 'done' && (
        <button type="button" className="btn btn-primary" onClick={() => void install()}>
          Install {version}
        </button>
      )}
      <p className="muted market-install-note">
        {kind === 'plugins'
          ? 'Adds the plugin to this computer; projects run it once you choose it in their Plugins tab.'
          : 'Creates a new project from it; your projects are not changed.'}
      </p>
      {state.phase === 'installing' && <InstallBar name={name} progress={state.progress} />}
      {state.phase === 'failed' && <ErrorNotice error={state.error} onDismiss={() => setState({ phase: 'idle' })} />}
      {state.phase === 'done' && (
        <div className="market-result" role="status" aria-label="Installed">
          <strong>
            Installed {what} {name} {state.result.version}
          </strong>
          {state.result.warning && <p className="market-warn">{state.result.warning}</p>}
          {state.result.kind === 'plugins' ? (
            <p>
              Plugin <code>{state.result.plugin.name}</code> {state.result.plugin.version} (
              {state.result.plugin.category}
              ), checksum <code>{state.result.plugin.sha256.slice(0, 12)}…</code>. Choose it in a project’s Plugins tab.
            </p>
          ) : (
            <>
              <p>
                New project “{state.result.project.project.name}” with {state.result.project.mockCount}{' '}
                {state.result.project.mockCount === 1 ? 'mock' : 'mocks'}
                {state.result.project.slugChanged && ` (slug ${state.result.project.slug}, the original was taken)`}.
              </p>
              <button
                type="button"
                className="btn btn-primary btn-small"
                onClick={() => state.result.kind !== 'plugins' && openProject(state.result.project.project.id)}
              >
                Open project
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function InstallBar({ name, progress }: { name: string; progress: InstallProgress | null }) {
  const sized = progress?.phase === 'downloading' && progress.total !== null && progress.total > 0;
  return (
    <div className="market-progress" role="status" data-testid="market-progress">
      {sized ? (
        <progress aria-label={`Installing ${name}`} value={progress.received} max={progress.total ?? undefined} />
      ) : (
        <progress aria-label={`Installing ${name}`} />
      )}
      <span>
        {progress ? STEP_LABELS[progress.phase] : 'Starting'} {name}
        {sized && ` (${kib(progress.received)} of ${kib(progress.total ?? 0)})`}…
      </span>
    </div>
  );
}
