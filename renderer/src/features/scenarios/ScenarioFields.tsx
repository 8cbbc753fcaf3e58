import { SCENARIO_START_STATE as SCENARIO_START } from '../../../../shared/models';
import { useScenarios } from './ScenariosPanel';

interface Props {
  projectId: string;
  name: string;
  required: string;
  next: string;
  error: string | undefined;
  onChange: (p: { scenarioName?: string; requiredScenarioState?: string; newScenarioState?: string }) => void;
}

/**
 * A response's scenario (WireMock's model): answered only while the scenario is in the
 * required state, and moving it to the new one when picked. Shows the scenario's state now,
 * with reset, so a stuck flow is one click from its start.
 */
export function ScenarioFields({ projectId, name, required, next, error, onChange }: Props) {
  const { data, reset } = useScenarios(projectId);
  const current = data?.find((s) => s.name === name.trim());
  const states = [...new Set([SCENARIO_START, ...(data?.flatMap((s) => s.states) ?? [])])];
  return (
    <fieldset className="scenario">
      <legend>Scenario</legend>
      <div className="scenario-fields">
        <label className="field">
          <span>Scenario name</span>
          <input
            list="scenario-names"
            className="mono"
            placeholder="none, e.g. checkout"
            value={name}
            aria-invalid={Boolean(error)}
            onChange={(e) => onChange({ scenarioName: e.target.value })}
          />
          <datalist id="scenario-names">
            {data?.map((s) => (
              <option key={s.name} value={s.name} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>Required state</span>
          <input
            list="scenario-states"
            className="mono"
            placeholder="any state"
            value={required}
            onChange={(e) => onChange({ requiredScenarioState: e.target.value })}
          />
        </label>
        <label className="field">
          <span>New state</span>
          <input
            list="scenario-states"
            className="mono"
            placeholder="unchanged"
            value={next}
            onChange={(e) => onChange({ newScenarioState: e.target.value })}
          />
          <datalist id="scenario-states">
            {states.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
      </div>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      {current ? (
        <p className="muted small scenario-now">
          Now in <strong data-testid="scenario-now">{current.state}</strong> (in memory; a restart starts it over).{' '}
          <button
            type="button"
            className="btn btn-small"
            disabled={current.state === SCENARIO_START}
            onClick={() => void reset(current.name)}
          >
            Reset scenario
          </button>
        </p>
      ) : (
        <p className="muted small">
          Optional: answer this response only in one state of a flow (states start at <code>{SCENARIO_START}</code>),
          and move the flow on when it answers.
        </p>
      )}
    </fieldset>
  );
}
