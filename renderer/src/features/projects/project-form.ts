import type { ServerState } from '../../../../shared/ipc/contract';
import { projectCreateSchema, slugify, type Project, type ProjectCreate } from '../../../../shared/models';

export interface ProjectForm {
  name: string;
  description: string;
  slug: string;
  /** Dedicated port as typed; empty means "served under /m/<slug> on the shared server". */
  port: string;
  /** Faker's seed for this project's templates as typed; empty means a new random sequence every run. */
  templatingSeed: string;
}

export type ProjectFormErrors = Partial<Record<keyof ProjectForm, string>>;

export const emptyProjectForm = (): ProjectForm => ({
  name: '',
  description: '',
  slug: '',
  port: '',
  templatingSeed: '',
});

export const projectToForm = (p: Project): ProjectForm => ({
  name: p.name,
  description: p.description,
  slug: p.slug,
  port: p.port == null ? '' : String(p.port),
  templatingSeed: p.templatingSeed == null ? '' : String(p.templatingSeed),
});

export function projectFormToPayload(f: ProjectForm): ProjectCreate {
  const payload: ProjectCreate = {
    name: f.name.trim(),
    description: f.description.trim(),
    port: f.port.trim() ? Number(f.port) : null,
    templatingSeed: f.templatingSeed.trim() ? Number(f.templatingSeed) : null,
  };
  if (f.slug.trim()) payload.slug = f.slug.trim();
  return payload;
}

export function validateProjectForm(f: ProjectForm): ProjectFormErrors {
  const errors: ProjectFormErrors = {};
  if (f.port.trim() && !/^\d+$/.test(f.port.trim())) errors.port = 'port must be a whole number, e.g. 4000';
  if (f.templatingSeed.trim() && !/^\d+$/.test(f.templatingSeed.trim()))
    errors.templatingSeed = 'seed must be a whole number, e.g. 42, or empty for random data';
  const r = projectCreateSchema.safeParse(projectFormToPayload(f));
  if (!r.success) {
    for (const issue of r.error.issues) {
      const field = issue.path[0] as keyof ProjectForm | undefined;
      if (field && !errors[field]) errors[field] = issue.message;
    }
  }
  return errors;
}

/** The slug the core will pick when the field is left empty. */
export const slugPreview = (f: ProjectForm): string => f.slug.trim() || slugify(f.name);

/**
 * Why a dedicated port cannot work, known before saving: it is the shared server's own port,
 * or another project's. (A port some other program holds is only known once the core tries it.)
 */
export function portConflict(
  port: string,
  server: Pick<ServerState, 'port' | 'projectPorts'> | undefined,
  projectId: string | null,
): string | undefined {
  const n = Number(port);
  if (!server || port.trim() === '' || !Number.isInteger(n)) return undefined;
  if (n === server.port) {
    return `port ${n} is the mock server's own port, where every project answers under /m/<slug>; choose another, e.g. ${n + 1}`;
  }
  if (server.projectPorts.some((p) => p.port === n && p.projectId !== projectId)) {
    return `port ${n} is already another project's dedicated port; choose another`;
  }
  return undefined;
}
