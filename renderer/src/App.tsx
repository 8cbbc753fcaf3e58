import { useShallow } from 'zustand/react/shallow';
import { AiNavButton } from './features/ai/AiNavButton';
import { AiSettingsView } from './features/ai/AiSettingsView';
import { GenerateProjectDialog } from './features/ai/GenerateProjectDialog';
import { ChaosSwitch } from './features/chaos/ChaosSwitch';
import { ProjectChaos } from './features/chaos/ProjectChaos';
import { CloudNavButton } from './features/cloud/CloudNavButton';
import { BucketsView } from './features/buckets/BucketsView';
import { CloudView } from './features/cloud/CloudView';
import { FederationNavButton } from './features/federation/FederationNavButton';
import { FederationView } from './features/federation/FederationView';
import { MarketNavButton } from './features/marketplace/MarketNavButton';
import { MarketView } from './features/marketplace/MarketView';
import { PublishDialogHost } from './features/marketplace/PublishDialog';
import { ProjectPlugins } from './features/plugins/ProjectPlugins';
import { CommandPalette } from './features/palette/CommandPalette';
import { LogViewer } from './features/logs/LogViewer';
import { MocksView } from './features/mocks/MocksView';
import { ImportDialog } from './features/import/ImportDialog';
import { useFileDrop } from './features/import/use-file-drop';
import { ProjectDialog } from './features/projects/ProjectDialog';
import { ProjectHeader } from './features/projects/ProjectHeader';
import { useProject, useServerState } from './features/projects/project-queries';
import { ProjectSidebar } from './features/projects/ProjectSidebar';
import { ServerPanel } from './features/server/ServerPanel';
import { ProxyView } from './features/proxy/ProxyView';
import { PipelinesView } from './features/pipelines/PipelinesView';
import { StatsView } from './features/stats/StatsView';
import { EmptyState } from './ui/EmptyState';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { ErrorNotice } from './ui/ErrorNotice';
import { Toasts } from './app/Toasts';
import { useLiveEvents } from './app/live-events';
import { useGlobalShortcuts } from './app/shortcuts';
import { useAppStore } from './app/store';
import { UnsavedChangesDialog } from './app/UnsavedChangesDialog';

export function App() {
  useGlobalShortcuts();
  useLiveEvents();
  const cloudOpen = useAppStore((s) => s.cloudOpen);
  const aiOpen = useAppStore((s) => s.aiOpen);
  const federationsOpen = useAppStore((s) => s.federationsOpen);
  const marketOpen = useAppStore((s) => s.marketOpen);
  const dragging = useFileDrop();
  return (
    <div className="app">
      {/* The first Tab stop: past the project list and server panel straight to the work. */}
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <aside className="side">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          MockDeck
        </div>
        <ErrorBoundary area="the project list">
          <ProjectSidebar />
        </ErrorBoundary>
        <ErrorBoundary area="the federations entry">
          <FederationNavButton />
        </ErrorBoundary>
        <ErrorBoundary area="the marketplace entry">
          <MarketNavButton />
        </ErrorBoundary>
        <ErrorBoundary area="the cloud entry">
          <CloudNavButton />
        </ErrorBoundary>
        <ErrorBoundary area="the AI entry">
          <AiNavButton />
        </ErrorBoundary>
        <ErrorBoundary area="the server panel">
          <ServerPanel />
        </ErrorBoundary>
        <ErrorBoundary area="the chaos switch">
          <ChaosSwitch />
        </ErrorBoundary>
      </aside>
      <main className="main" id="main" tabIndex={-1}>
        {marketOpen ? (
          <ErrorBoundary area="the marketplace">
            <MarketView />
          </ErrorBoundary>
        ) : aiOpen ? (
          <ErrorBoundary area="the AI settings">
            <AiSettingsView />
          </ErrorBoundary>
        ) : federationsOpen ? (
          <ErrorBoundary area="the federations">
            <FederationView />
          </ErrorBoundary>
        ) : cloudOpen ? (
          <ErrorBoundary area="the cloud screens">
            <CloudView />
          </ErrorBoundary>
        ) : (
          <ErrorBoundary area="this project">
            <ProjectArea />
          </ErrorBoundary>
        )}
      </main>
      <ProjectDialog />
      <GenerateProjectDialog />
      <ImportDialog />
      <PublishDialogHost />
      {dragging && (
        <div className="drop-hint" aria-hidden="true">
          Drop the file to import it as a new project
        </div>
      )}
      <CommandPalette />
      <UnsavedChangesDialog />
      <Toasts />
    </div>
  );
}

function ProjectArea() {
  const { projectId, view, setProjectDialog, setAiProjectDialog } = useAppStore(
    useShallow((s) => ({
      projectId: s.projectId,
      view: s.view,
      setProjectDialog: s.setProjectDialog,
      setAiProjectDialog: s.setAiProjectDialog,
    })),
  );
  const openCreate = () => setProjectDialog({ mode: 'create' });
  const { data: server } = useServerState();
  const { data: project, error } = useProject(projectId);
  if (!projectId) {
    return (
      <EmptyState
        title="Create your first mock API"
        action={
          <>
            <button type="button" className="btn btn-primary" onClick={openCreate}>
              New project
            </button>{' '}
            <button type="button" className="btn" onClick={() => setAiProjectDialog(true)}>
              From a description…
            </button>
          </>
        }
      >
        A project holds the mocks of one API and serves them at{' '}
        <code>{server?.url ?? 'http://127.0.0.1:3001'}/m/&lt;slug&gt;</code>, or at the root of its own port. Press{' '}
        <kbd>Ctrl</kbd>+<kbd>K</kbd> for every command.
      </EmptyState>
    );
  }
  if (error) return <ErrorNotice error={error} />;
  if (!project || project.id !== projectId) return <div className="loading">Loading project…</div>;
  return (
    <div className="project-area">
      <ProjectHeader project={project} />
      <div className="view">
        {view === 'mocks' && <MocksView project={project} />}
        {view === 'buckets' && <BucketsView key={project.id} projectId={project.id} />}
        {view === 'logs' && <LogViewer key={project.id} project={project} />}
        {view === 'stats' && <StatsView projectId={project.id} />}
        {view === 'chaos' && <ProjectChaos project={project} />}
        {view === 'proxy' && <ProxyView key={project.id} project={project} />}
        {view === 'pipelines' && <PipelinesView key={project.id} projectId={project.id} />}
        {view === 'plugins' && <ProjectPlugins key={project.id} project={project} />}
      </div>
    </div>
  );
}
