import {
  federationCreateSchema,
  REALITY_LEVELS,
  type Federation,
  type FederationService,
  type RealityLevel,
} from '../../../../shared/models';

/** One service row as the editor holds it: dependencies as typed ("auth, payments"). */
export interface ServiceRow {
  name: string;
  workspace_id: string;
  base_path: string;
  reality_level: RealityLevel;
  dependencies: string;
  config: Record<string, unknown>;
}

export interface FederationForm {
  name: string;
  description: string;
  services: ServiceRow[];
}

export const emptyService = (workspaceId = ''): ServiceRow => ({
  name: '',
  workspace_id: workspaceId,
  base_path: '/',
  reality_level: 'mock_v3',
  dependencies: '',
  config: {},
});

export function federationToForm(f: Federation | null): FederationForm {
  if (!f) return { name: '', description: '', services: [] };
  return {
    name: f.name,
    description: f.description,
    services: f.services.map((s) => ({ ...s, dependencies: s.dependencies.join(', ') })),
  };
}

export const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The form as the create call (and, whole, the patch) takes it. */
export function formToInput(form: FederationForm) {
  return {
    name: form.name.trim(),
    description: form.description,
    services: form.services.map((s) => ({ ...s, dependencies: splitList(s.dependencies) })),
  };
}

/**
 * The shared schema's verdict, by field ("name", "services.1.base_path"), so the editor
 * shows the same words the API would answer, before anything is sent.
 */
export function validateFederationForm(form: FederationForm): Record<string, string> {
  const r = federationCreateSchema.safeParse(formToInput(form));
  if (r.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.map(String).join('.') || 'name';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** The services as they would be saved (for the map, graph and route tester while editing); invalid rows left out. */
export function previewServices(form: FederationForm): FederationService[] {
  const out: FederationService[] = [];
  for (const s of formToInput(form).services) {
    if (!s.name || !s.base_path.startsWith('/') || !REALITY_LEVELS.includes(s.reality_level)) continue;
    const base = s.base_path.length > 1 ? s.base_path.replace(/\/+$/, '') : s.base_path;
    out.push({ ...s, base_path: base });
  }
  return out;
}

export interface GraphBox {
  name: string;
  level: RealityLevel;
  x: number;
  y: number;
}

export const BOX_W = 150;
export const BOX_H = 44;
const GAP_X = 70;
const GAP_Y = 18;

/**
 * Places services in columns by dependency depth (a service with no dependencies in the
 * first column, one that depends on it to the right), so every arrow points left. A cycle
 * (refused on save) is cut where it closes, so the graph still draws while it is being edited.
 */
export function layoutGraph(services: readonly FederationService[]): {
  boxes: GraphBox[];
  width: number;
  height: number;
} {
  const byName = new Map(services.map((s) => [s.name, s]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (name: string): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    if (visiting.has(name)) return 0;
    visiting.add(name);
    const deps = (byName.get(name)?.dependencies ?? []).filter((d) => byName.has(d));
    const d = deps.length === 0 ? 0 : 1 + Math.max(...deps.map(depthOf));
    visiting.delete(name);
    depth.set(name, d);
    return d;
  };
  const rows = new Map<number, number>();
  const boxes = services.map((s) => {
    const col = depthOf(s.name);
    const row = rows.get(col) ?? 0;
    rows.set(col, row + 1);
    return { name: s.name, level: s.reality_level, x: 10 + col * (BOX_W + GAP_X), y: 10 + row * (BOX_H + GAP_Y) };
  });
  const cols = Math.max(0, ...[...rows.keys()].map((c) => c + 1));
  const maxRows = Math.max(0, ...rows.values());
  return {
    boxes,
    width: 20 + cols * BOX_W + Math.max(0, cols - 1) * GAP_X,
    height: 20 + maxRows * BOX_H + Math.max(0, maxRows - 1) * GAP_Y,
  };
}
