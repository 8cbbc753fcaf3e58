import { z } from 'zod';

/**
 * A WireMock-style scenario of a project as the server holds it: responses name it
 * (scenarioName), may require a state (requiredScenarioState) and move it (newScenarioState).
 * States live in memory: a restart or a reset puts every scenario back in its start state.
 */
/** The state a scenario is in before any response moved it (WireMock's name). */
export const SCENARIO_START_STATE = 'Started';

export interface ScenarioState {
  name: string;
  /** The current state ('Started' until a response moves it). */
  state: string;
  /** Every state its responses require or set, the start state first: what the UI offers. */
  states: string[];
  /** How many responses name it. */
  responses: number;
}

export const scenarioResetSchema = z.object({
  /** One scenario; all of the project's when absent. */
  name: z.string().trim().min(1, 'name cannot be empty: leave it out to reset every scenario').max(200).optional(),
});
