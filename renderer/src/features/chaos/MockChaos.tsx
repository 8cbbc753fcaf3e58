import { describeChaos, type Mock } from '../../../../shared/models';
import { ChaosPanel } from './ChaosPanel';
import { saveMockChaos, useServerStateForChaos } from './chaos-queries';

/**
 * The chaos section of the mock editor: folded to one line (what it does) until opened, so
 * the responses stay in view; open from the start when the mock has a setting.
 */
export function MockChaos({
  projectId,
  mock,
  projectHasChaos,
}: {
  projectId: string;
  mock: Mock;
  projectHasChaos: boolean;
}) {
  const { data: server } = useServerStateForChaos();
  const summary = mock.chaos ? describeChaos(mock.chaos) : projectHasChaos ? "off: the project's chaos applies" : 'off';
  return (
    <details className="chaos-section" open={mock.chaos !== null}>
      <summary>
        <span className="chaos-title">Chaos</span> <span className="muted">— {summary}</span>
      </summary>
      <ChaosPanel
        key={`${mock.id}@${mock.updatedAt}`}
        scope="mock"
        value={mock.chaos}
        killed={server?.chaos.enabled === false}
        save={(next) => saveMockChaos(projectId, mock.id, next)}
        note={
          projectHasChaos
            ? "This mock's setting wins over the project's; with it off, the project's chaos applies here."
            : "Latency, injected errors and network faults for this mock's requests (latency comes on top of its delay)."
        }
      />
    </details>
  );
}
