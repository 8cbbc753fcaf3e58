/**
 * What a project remembers between requests while it is served, apart from its stored
 * content: Mockoon's global variables, WireMock-style scenario states, and its data
 * buckets. Templates (setGlobalVar, data), rules (global variable and data bucket targets)
 * and response selection (scenario states) read and write it through the exchange
 * (`x.runtime`), so they never reach into the store on the hot path.
 *
 * One runtime per served project; a recompiled project keeps its runtime (compileProject
 * takes it from the previous compilation), so editing a mock does not reset the state.
 * Where buckets persist (SQLite) is the bucket provider's business: the engine only sees
 * their current values.
 */
export interface ProjectRuntime {
  /** Global variables (Mockoon's setGlobalVar/getGlobalVar): in memory, until reset or restart. */
  readonly globals: Map<string, unknown>;
  /** Scenario name → current state; a scenario not in the map is in its start state. */
  readonly scenarios: Map<string, string>;
  /** A data bucket's current value, by name or id; undefined when the project has none by that name. */
  bucket(nameOrId: string): unknown;
  /**
   * Replaces a data bucket's current value (CRUD routes write through it); false when the
   * project has no bucket by that name or id. The provider decides where it persists.
   */
  setBucket(nameOrId: string, value: unknown): boolean;
}

// One definition, in shared/models (the renderer shows it too).
export { SCENARIO_START_STATE } from '../../../shared/models';

/** A runtime held in memory only, with the given buckets (name → value). */
export function createMemoryRuntime(buckets: Record<string, unknown> = {}): ProjectRuntime {
  const values = new Map(Object.entries(buckets));
  return {
    globals: new Map(),
    scenarios: new Map(),
    bucket: (nameOrId) => values.get(nameOrId),
    setBucket: (nameOrId, value) => {
      if (!values.has(nameOrId)) return false;
      values.set(nameOrId, value);
      return true;
    },
  };
}
