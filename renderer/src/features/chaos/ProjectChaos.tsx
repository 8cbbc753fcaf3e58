import type { Project } from '../../../../shared/models';
import { ChaosPanel } from './ChaosPanel';
import { saveProjectChaos, useServerStateForChaos } from './chaos-queries';

/** The project's Chaos tab: one setting for every request the project serves. */
export function ProjectChaos({ project }: { project: Project }) {
  const { data: server } = useServerStateForChaos();
  return (
    <div className="project-chaos">
      <h2>Project chaos</h2>
      <ChaosPanel
        key={`${project.id}@${project.updatedAt}`}
        scope="project"
        value={project.chaos}
        killed={server?.chaos.enabled === false}
        save={(next) => saveProjectChaos(project.id, next)}
        note="Applies to every request of this project, requests no mock matches included (before proxying or the 404). A mock with its own chaos setting uses that one instead."
      />
    </div>
  );
}
