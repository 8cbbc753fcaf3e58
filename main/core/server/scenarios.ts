import type { MockResponse, ScenarioState } from '../../../shared/models';
import { SCENARIO_START_STATE, type ProjectRuntime } from '../engine';

/** The scenarios a project's responses name, with the state each is in now, sorted by name. */
export function listScenarios(responses: readonly MockResponse[], runtime: ProjectRuntime): ScenarioState[] {
  const found = new Map<string, { states: Set<string>; responses: number }>();
  for (const r of responses) {
    if (!r.scenarioName) continue;
    let s = found.get(r.scenarioName);
    if (!s) found.set(r.scenarioName, (s = { states: new Set([SCENARIO_START_STATE]), responses: 0 }));
    s.responses++;
    if (r.requiredScenarioState) s.states.add(r.requiredScenarioState);
    if (r.newScenarioState) s.states.add(r.newScenarioState);
  }
  return [...found.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, s]) => ({
      name,
      state: runtime.scenarios.get(name) ?? SCENARIO_START_STATE,
      states: [...s.states],
      responses: s.responses,
    }));
}

/** Puts one scenario, or all of them, back in the start state. */
export function resetScenarios(runtime: ProjectRuntime, name?: string): void {
  if (name === undefined) runtime.scenarios.clear();
  else runtime.scenarios.delete(name);
}
