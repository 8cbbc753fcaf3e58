import { MARKET_SIZE_LIMITS, packageManifestSchema, type PackageManifest } from '../../../shared/models';
import { scrubSecrets } from '../cloud/account/scrub-secrets';
import type { Store } from '../store/store';
import { exportProject, serializeProjectFile, type ProjectFile } from '../transfer';
import type { Clock } from '../util/clock';
import { AppError } from '../util/errors';
import { mb } from './download';
import { buildPackage, type BuiltPackage } from './package-files';

export type PublishKind = 'scenario' | 'template';

export interface PublishInput {
  project: string;
  kind: PublishKind;
  version: string;
  /** The marketplace name; the project's slug when absent. */
  name?: string;
  description?: string;
  category?: string;
  author?: string;
  license?: string;
}

/** What publish will send, shown before sending: no secret is in it (docs/security.md "Marketplace"). */
export interface PublishPreview {
  kind: PublishKind;
  manifest: PackageManifest;
  category: string;
  /** The project file packed as project.json, exactly as sent. */
  projectFile: ProjectFile;
  mocks: number;
  /** Values that looked like credentials and were masked (util/redact, scrub-secrets). */
  removedSecrets: number;
  sha256: string;
  size: number;
}

export interface PreparedPublish {
  preview: PublishPreview;
  pkg: BuiltPackage;
}

/**
 * Packages a local project: the project as `mockdeck export` writes it (content only: no
 * port, proxy upstream, log or cloud settings), with anything shaped like a credential
 * masked, plus its manifest, as a tar.gz with its SHA-256 and size.
 */
export async function preparePublish(store: Store, clock: Clock, input: PublishInput): Promise<PreparedPublish> {
  const exported = exportProject(store, input.project, clock);
  // The port is this machine's; the rest of the file is content only (transfer/export-project.ts).
  const scrubbed = scrubSecrets({ ...exported, project: { ...exported.project, port: null } }, []);
  const projectFile = latin1Headers(scrubbed.value as ProjectFile);
  const parsed = packageManifestSchema.safeParse({
    name: input.name ?? exported.project.slug ?? undefined,
    version: input.version,
    description: input.description ?? exported.project.description ?? '',
    ...(input.author ? { author: input.author } : {}),
    license: input.license ?? 'MIT',
    kind: input.kind,
  });
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new AppError('VALIDATION_ERROR', `Cannot publish: ${i?.path.join('.') || 'manifest'}: ${i?.message}`, {
      field: i?.path.join('.'),
      hint: 'a version looks like 1.0.0; a name holds letters, digits, ".", "_" and "-"',
    });
  }
  const manifest = parsed.data;
  const pkg = await buildPackage(manifest, serializeProjectFile(projectFile));
  const limit = MARKET_SIZE_LIMITS[input.kind === 'scenario' ? 'scenarios' : 'templates'];
  if (pkg.size > limit) {
    throw new AppError(
      'VALIDATION_ERROR',
      `The package is ${mb(pkg.size)}; a ${input.kind} may be at most ${mb(limit)}.`,
      {
        hint: 'Remove large response bodies or split the project.',
      },
    );
  }
  return {
    preview: {
      kind: input.kind,
      manifest,
      category: input.category ?? 'other',
      projectFile,
      mocks: projectFile.mocks.length,
      removedSecrets: scrubbed.removed,
      sha256: pkg.sha256,
      size: pkg.size,
    },
    pkg,
  };
}

/** Masks are "•••"; header values may only hold Latin-1, so a masked header keeps "***" instead. */
function latin1Headers(file: ProjectFile): ProjectFile {
  const safe = (v: string) => v.replace(/[^\t\x20-\x7e\xa0-\xff]/g, '*');
  return {
    ...file,
    mocks: file.mocks.map((m) => ({
      ...m,
      responses: m.responses.map((r) =>
        r.headers
          ? {
              ...r,
              headers: Object.fromEntries(
                Object.entries(r.headers).map(([k, v]) => [k, typeof v === 'string' ? safe(v) : v.map(safe)]),
              ),
            }
          : r,
      ),
    })),
  };
}
