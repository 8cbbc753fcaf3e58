import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MockSummary, ProjectSummary } from '../../../../shared/models';
import type { ServerState } from '../../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../../shared/ipc/result';
import { call } from '../../app/api';
import { setQueryData, useQuery } from '../../app/query';
import { qk } from '../../app/query-keys';
import { useAppStore } from '../../app/store';
import { Dialog } from '../../ui/Dialog';
import { filterCommands, projectCommands, type Command } from './commands';

export function CommandPalette() {
  const open = useAppStore((s) => s.paletteOpen);
  if (!open) return null;
  return <Palette />;
}

/** Server commands report failures (a port in use) as a toast: the palette is gone by then. */
function runServer(p: Promise<ServerState>): void {
  p.then(
    (s) => setQueryData(qk.server, s),
    (e: AppErrorShape) => useAppStore.getState().notify({ kind: 'error', message: e.message, hint: e.hint }),
  );
}

function Palette() {
  const { projectId, navigate, setPaletteOpen, setProjectDialog } = useAppStore(
    useShallow((s) => ({
      projectId: s.projectId,
      navigate: s.navigate,
      setPaletteOpen: s.setPaletteOpen,
      setProjectDialog: s.setProjectDialog,
    })),
  );
  const close = () => setPaletteOpen(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const { data: projects } = useQuery<ProjectSummary[]>(qk.projects.list(''), () => call('projects.list', {}));
  const { data: mocks } = useQuery<MockSummary[]>(projectId ? qk.mocks.list(projectId) : null, () =>
    call('mocks.list', { projectId: projectId! }),
  );

  const commands = useMemo<Command[]>(() => {
    const list: Command[] = [
      { id: 'new-project', label: 'New project', run: () => setProjectDialog({ mode: 'create' }) },
      {
        id: 'start',
        label: 'Start server',
        run: () => runServer(call('server.start', {})),
      },
      {
        id: 'stop',
        label: 'Stop server',
        run: () => runServer(call('server.stop', {})),
      },
    ];
    if (projectId) {
      list.unshift({
        id: 'new-mock',
        label: 'New mock',
        hint: 'Ctrl+N',
        run: () => navigate({ view: 'mocks', mockId: 'new' }),
      });
      list.push(
        { id: 'view-mocks', label: 'Go to mocks', run: () => navigate({ view: 'mocks' }) },
        { id: 'view-logs', label: 'Go to request log', run: () => navigate({ view: 'logs' }) },
        { id: 'view-stats', label: 'Go to stats', run: () => navigate({ view: 'stats' }) },
        { id: 'view-buckets', label: 'Go to data buckets', run: () => navigate({ view: 'buckets' }) },
        { id: 'view-chaos', label: "Go to the project's chaos", run: () => navigate({ view: 'chaos' }) },
        { id: 'view-proxy', label: 'Go to proxy settings', run: () => navigate({ view: 'proxy' }) },
      );
      for (const m of mocks ?? [])
        list.push({
          id: `mock:${m.id}`,
          label: `${m.method} ${m.path}`,
          hint: m.name,
          run: () => navigate({ view: 'mocks', mockId: m.id }),
        });
    }
    return [...list, ...projectCommands(projects ?? [], (id) => navigate({ projectId: id }))];
  }, [projectId, mocks, projects, navigate, setProjectDialog]);

  const shown = filterCommands(commands, query).slice(0, 30);
  const run = (c: Command | undefined) => {
    if (!c) return;
    close();
    c.run();
  };

  return (
    <Dialog title="Command palette" onClose={close} className="palette">
      <input
        aria-label="Command"
        placeholder="Type a command, a mock path or a project…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, shown.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') run(shown[active]);
          else return;
          e.preventDefault();
        }}
      />
      <ul role="listbox" aria-label="Results" className="palette-list">
        {shown.map((c, i) => (
          <li
            key={c.id}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : ''}
            onMouseEnter={() => setActive(i)}
            onClick={() => run(c)}
          >
            <span>{c.label}</span>
            {c.hint && <span className="muted">{c.hint}</span>}
          </li>
        ))}
        {shown.length === 0 && <li className="muted">Nothing matches “{query}”.</li>}
      </ul>
    </Dialog>
  );
}
