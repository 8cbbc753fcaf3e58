import type { PipelineDefinition, PipelineStep } from '../../../shared/models/pipeline';
import type { SecretStore } from '../secrets/secret-store';

/**
 * Credentials a step config may carry. They never reach catalog.db: on save each is moved to
 * the keychain and the stored config keeps `{ "$secret": "<key>" }` in its place; the runner
 * puts the value back just before the step runs.
 */
const SECRET_PATHS: Record<PipelineStep['step_type'], readonly string[][]> = {
  notify: [['secret'], ['smtp', 'password']],
  create_pr: [['token']],
  regenerate_sdk: [],
  auto_promote: [],
};

export interface SecretRef {
  $secret: string;
}
export const isSecretRef = (v: unknown): v is SecretRef =>
  typeof v === 'object' && v !== null && typeof (v as Partial<SecretRef>).$secret === 'string';

const keyOf = (pipelineId: string, step: string, path: string[]) => `pipeline:${pipelineId}:${step}:${path.join('.')}`;

function parentOf(config: Record<string, unknown>, path: string[]): Record<string, unknown> | null {
  let v: unknown = config;
  for (const part of path.slice(0, -1)) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, part)) return null;
    v = (v as Record<string, unknown>)[part];
  }
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** Moves plaintext credentials of `def` into `secrets`, returning the definition to store. */
export async function stashSecrets(
  def: PipelineDefinition,
  pipelineId: string,
  secrets: () => Promise<SecretStore>,
): Promise<PipelineDefinition> {
  const out = structuredClone(def);
  for (const step of out.steps) {
    for (const path of SECRET_PATHS[step.step_type]) {
      const parent = parentOf(step.config, path);
      const leaf = path[path.length - 1]!;
      const value = parent?.[leaf];
      if (!parent || typeof value !== 'string' || value === '') continue;
      const key = keyOf(pipelineId, step.name, path);
      await (await secrets()).set(key, value);
      parent[leaf] = { $secret: key } satisfies SecretRef;
    }
  }
  return out;
}

/** The config with its secret references replaced by their values (a missing one: ''). */
export async function revealSecrets(
  config: Record<string, unknown>,
  secrets: () => Promise<SecretStore>,
): Promise<Record<string, unknown>> {
  const walk = async (v: unknown): Promise<unknown> => {
    if (isSecretRef(v)) return (await (await secrets()).get(v.$secret)) ?? '';
    if (Array.isArray(v)) return Promise.all(v.map(walk));
    if (v !== null && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[k] = await walk(x);
      return o;
    }
    return v;
  };
  return (await walk(config)) as Record<string, unknown>;
}

/** Keys of every secret a definition refers to (deleted with the pipeline). */
export function secretKeysOf(def: PipelineDefinition): string[] {
  const keys: string[] = [];
  const walk = (v: unknown): void => {
    if (isSecretRef(v)) keys.push(v.$secret);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  def.steps.forEach((s) => walk(s.config));
  return keys;
}
