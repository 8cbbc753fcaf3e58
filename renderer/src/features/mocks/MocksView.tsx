import { useEffect, useId, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ProjectWithMocks } from '../../../../shared/ipc/contract';
import { describeChaos } from '../../../../shared/models';
import { useAppStore } from '../../app/store';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { MockChaos } from '../chaos/MockChaos';
import { projectBaseUrl } from '../projects/project-url';
import { useServerState } from '../projects/project-queries';
import { ResponseEditor } from '../responses/ResponseEditor';
import { ResponseList } from '../responses/ResponseList';
import { MockEditor } from './MockEditor';
import { MockList } from './MockList';
import { useMock, useMocks } from './mock-queries';
import { useMockSettingsOpen } from './mock-settings-state';

export function MocksView({ project }: { project: ProjectWithMocks }) {
  const { data: server } = useServerState();
  const mockId = useAppStore((s) => s.mockId);
  const paneRef = useRef<HTMLDivElement>(null);
  // Another mock starts at its top, not wherever the last one was scrolled to.
  useEffect(() => {
    paneRef.current?.scrollTo({ top: 0 });
  }, [mockId]);
  const baseUrl = projectBaseUrl(project, server);
  return (
    <div className="mocks-view">
      <MockList projectId={project.id} />
      <div className="editor-pane" ref={paneRef}>
        <ErrorBoundary area="the mock editor">
          <MockPane projectId={project.id} baseUrl={baseUrl} projectHasChaos={project.chaos !== null} />
        </ErrorBoundary>
      </div>
    </div>
  );
}

function MockPane({
  projectId,
  baseUrl,
  projectHasChaos,
}: {
  projectId: string;
  baseUrl: string;
  projectHasChaos: boolean;
}) {
  const { mockId, responseId, navigate } = useAppStore(
    useShallow((s) => ({ mockId: s.mockId, responseId: s.responseId, navigate: s.navigate })),
  );
  const existingId = mockId && mockId !== 'new' ? mockId : null;
  const { data: fetched, error } = useMock(existingId);
  const loaded = fetched && fetched.id === mockId ? fetched : null;
  // An opened mock shows its first response straight away, body editor included (issue 17). Only
  // for "none chosen": an id not in the list yet is a response just created, still loading.
  const selected =
    responseId === 'new' || !loaded
      ? null
      : responseId === null
        ? (loaded.responses[0] ?? null)
        : (loaded.responses.find((r) => r.id === responseId) ?? null);
  const foldId = useId();
  const [settingsOpen, setSettingsOpen] = useMockSettingsOpen(
    existingId ?? '',
    selected !== null || responseId === 'new',
  );

  if (mockId === null) return <NoMockSelected projectId={projectId} baseUrl={baseUrl} />;
  if (mockId === 'new') return <MockEditor key="new" projectId={projectId} mock={null} baseUrl={baseUrl} />;
  if (error) return <ErrorNotice error={error} />;
  if (!loaded) return <div className="loading">Loading mock…</div>;
  const fold = {
    id: foldId,
    controls: loaded.kind === 'crud' ? `${foldId}-fields` : `${foldId}-fields ${foldId}-chaos`,
    open: settingsOpen,
    setOpen: setSettingsOpen,
    chaos: loaded.chaos ? describeChaos(loaded.chaos) : null,
  };

  const mock = loaded;
  if (mock.kind === 'crud') {
    return (
      <>
        <MockEditor key={mock.id} projectId={projectId} mock={mock} baseUrl={baseUrl} fold={fold} />
        <CrudRoutes path={mock.path} bucket={mock.bucket} crudKey={mock.crudKey} />
      </>
    );
  }
  return (
    <>
      <MockEditor key={mock.id} projectId={projectId} mock={mock} baseUrl={baseUrl} fold={fold} />
      {/* Part of the mock's settings: folded with them. */}
      <div id={`${foldId}-chaos`} hidden={!settingsOpen}>
        <MockChaos projectId={projectId} mock={mock} projectHasChaos={projectHasChaos} />
      </div>
      <section className="responses" aria-label="Responses">
        <ResponseList
          projectId={projectId}
          mockId={mock.id}
          responses={mock.responses}
          selected={selected?.id ?? null}
          showWeight={mock.responseMode === 'random' && mock.responses.length > 1}
        />
        <div className="response-pane">
          {responseId === 'new' ? (
            <ResponseEditor
              key="new"
              projectId={projectId}
              mockId={mock.id}
              mockMethod={mock.method}
              mockPath={mock.path}
              response={null}
              responseType={mock.responseType}
              isFirst={mock.responses.length === 0}
              weightApplies={mock.responseMode === 'random' && mock.responses.length > 0}
            />
          ) : selected ? (
            <ResponseEditor
              key={selected.id}
              projectId={projectId}
              mockId={mock.id}
              mockMethod={mock.method}
              mockPath={mock.path}
              response={selected}
              responseType={mock.responseType}
              isFirst={false}
              weightApplies={mock.responseMode === 'random' && mock.responses.length > 1}
            />
          ) : (
            <EmptyState
              title={mock.responses.length ? 'Select a response' : 'Add the first response'}
              action={
                <button
                  type="button"
                  className="btn btn-small btn-primary"
                  onClick={() => navigate({ responseId: 'new' })}
                >
                  Add response
                </button>
              }
            >
              {mock.responses.length
                ? 'Pick a response on the left to edit its status, headers, body and conditions.'
                : 'A response sets the status, headers and body clients receive.'}
            </EmptyState>
          )}
        </div>
      </section>
    </>
  );
}

/** What a CRUD mock answers (Mockoon's CRUD routes, docs/data-buckets.md): in place of its responses. */
function CrudRoutes({ path, bucket, crudKey }: { path: string; bucket: string | null; crudKey: string }) {
  const base = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  const item = `${base === '/' ? '' : base}/{${crudKey}}`;
  const rows: [string, string, string][] = [
    ['GET', base, 'the items; ?search=, ?field_eq=…, ?sort=&order=, ?page=&limit='],
    ['GET', item, 'one item (404 when none has the key)'],
    ['POST', base, `adds an item (201), its ${crudKey} set when missing`],
    ['PUT', item, 'replaces the item'],
    ['PATCH', item, 'merges fields into the item'],
    ['DELETE', item, 'removes the item'],
    ['PUT · PATCH · DELETE', base, 'replace, append to, or empty the whole bucket'],
  ];
  return (
    <section className="crud-help" aria-label="CRUD routes">
      <h3>CRUD routes on {bucket ? <code>{bucket}</code> : 'no bucket yet'}</h3>
      <table>
        <tbody>
          {rows.map(([method, p, what]) => (
            <tr key={method + p}>
              <td>
                <code>{method}</code>
              </td>
              <td>
                <code>{p}</code>
              </td>
              <td className="muted">{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Changes persist across restarts until you reset the bucket under “Data buckets”. The delay above still applies.
      </p>
    </section>
  );
}

function NoMockSelected({ projectId, baseUrl }: { projectId: string; baseUrl: string }) {
  const navigate = useAppStore((s) => s.navigate);
  const { data: mocks } = useMocks(projectId);
  const action = (
    <button type="button" className="btn btn-primary" onClick={() => navigate({ mockId: 'new' })}>
      New mock
    </button>
  );
  if (mocks && mocks.length === 0) {
    return (
      <EmptyState title="Three steps to a working mock" action={action}>
        <ol className="steps">
          <li>
            New mock: pick a method and a path such as <code>/users/{'{id}'}</code>.
          </li>
          <li>Add a response: status, headers, body; conditions pick between several.</li>
          <li>
            Call <code>{baseUrl}/users/42</code>; every request shows in the Request log.
          </li>
        </ol>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="Pick a mock to edit" action={action}>
      Select a mock on the left, or create one. Each mock has responses; conditions on a response decide when it is
      sent.
    </EmptyState>
  );
}
