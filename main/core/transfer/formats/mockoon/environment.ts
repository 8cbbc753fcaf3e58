import {
  EnvironmentSchema,
  HighestMigrationId,
  Migrations,
  repairRefs,
  routesFromFolder,
  type Environment,
  type Route,
} from '@mockoon/commons';
import { AppError } from '../../../util/errors';

/**
 * A Mockoon environment as Mockoon's own CLI loads it (@mockoon/cli's data.ts): the
 * migrations of @mockoon/commons bring any older `lastMigration` up to the current one, its
 * Joi schema fills in and repairs missing fields, and a file written by a newer Mockoon is
 * refused. Using Mockoon's code, not a copy of its field history, is what makes "any
 * lastMigration the CLI accepts" true, release after release.
 */
export interface LoadedEnvironment {
  env: Environment;
  /** Routes in the order Mockoon matches them: its folder tree (rootChildren), depth first. */
  routes: Route[];
  /** The file's own lastMigration (before upgrading), null when it had none. */
  migratedFrom: number | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Mockoon's old export wrapper ({source: "mockoon:1.x", data: [{type: "environment", item}]}). */
function unwrapLegacyExport(data: Record<string, unknown>): Record<string, unknown> | undefined {
  if (typeof data.source !== 'string' || !data.source.startsWith('mockoon:') || !Array.isArray(data.data)) {
    return undefined;
  }
  const item = (data.data as unknown[]).find((d) => isObject(d) && d.type === 'environment');
  return isObject(item) && isObject(item.item) ? item.item : undefined;
}

/** The `lastMigration`/`routes`/`uuid` keys every Mockoon environment file has (or its old export wrapper). */
export function looksLikeEnvironment(data: unknown): boolean {
  if (!isObject(data)) return false;
  if (unwrapLegacyExport(data)) return true;
  if (!Array.isArray(data.routes)) return false;
  return typeof data.lastMigration === 'number' || (typeof data.uuid === 'string' && 'endpointPrefix' in data);
}

export function loadEnvironment(data: unknown, warnings: string[]): LoadedEnvironment {
  if (!isObject(data)) {
    throw new AppError('VALIDATION_ERROR', 'a Mockoon environment must be a JSON object', {
      field: 'content',
      hint: "export the environment from Mockoon (File > Export, or the environment's .json file)",
    });
  }
  const legacy = unwrapLegacyExport(data);
  if (legacy) warnings.push('the file is an old Mockoon export: its first environment was imported');
  // Mockoon's migrations change the object in place: work on a copy of the caller's document.
  const raw = structuredClone(legacy ?? data);
  if (!Array.isArray(raw.routes)) {
    throw new AppError('VALIDATION_ERROR', 'this Mockoon environment has no routes array', {
      field: 'content.routes',
      hint: 'open the file in Mockoon and save it again, then import it',
    });
  }
  let migratedFrom: number | null = null;
  if (typeof raw.lastMigration !== 'number') {
    // The CLI asks before repairing such a file (--repair answers yes); importing is that yes.
    warnings.push(
      'the environment has no lastMigration (too old, or not written by Mockoon): repaired as `mockoon-cli --repair` does',
    );
    raw.lastMigration = HighestMigrationId;
  } else {
    migratedFrom = raw.lastMigration;
    if (raw.lastMigration > HighestMigrationId) {
      throw new AppError(
        'VALIDATION_ERROR',
        `this Mockoon environment has lastMigration ${raw.lastMigration}, written by a newer Mockoon; MockDeck reads up to ${HighestMigrationId}`,
        {
          field: 'content.lastMigration',
          hint: 'update MockDeck, or save the environment with the Mockoon release MockDeck names',
        },
      );
    }
  }
  const env = raw as unknown as Environment;
  try {
    for (const migration of Migrations) {
      if (migration.id > env.lastMigration) migration.migrationFunction(env);
    }
  } catch {
    // As the CLI: a migration that throws leaves the schema's repair to finish the job.
  }
  env.lastMigration = HighestMigrationId;
  const validated = (EnvironmentSchema as { validate(v: unknown): { value?: Environment } }).validate(env).value;
  if (!validated) {
    throw new AppError('VALIDATION_ERROR', 'this Mockoon environment does not match the format Mockoon reads', {
      field: 'content',
      hint: 'open it in Mockoon (which repairs it) and export it again',
    });
  }
  const repaired = repairRefs(validated);
  return {
    env: repaired,
    routes: routesFromFolder(repaired.rootChildren, repaired.folders, repaired.routes),
    migratedFrom,
  };
}

export { HighestMigrationId };
