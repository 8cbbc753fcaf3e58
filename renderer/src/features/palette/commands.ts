import type { ProjectSummary } from '../../../../shared/models';

export interface Command {
  id: string;
  label: string;
  hint?: string;
  run: () => void;
}

/** Case-insensitive subsequence match ("nmk" finds "New mock"), best (earliest, tightest) first. */
export function fuzzyScore(text: string, query: string): number | null {
  const t = text.toLowerCase();
  const q = query.toLowerCase().trim();
  if (!q) return 0;
  let pos = -1;
  let first = -1;
  for (const ch of q) {
    pos = t.indexOf(ch, pos + 1);
    if (pos < 0) return null;
    if (first < 0) first = pos;
  }
  return first + (pos - first);
}

export function filterCommands(commands: Command[], query: string): Command[] {
  return commands
    .map((c) => ({ c, s: fuzzyScore(`${c.label} ${c.hint ?? ''}`, query) }))
    .filter((x): x is { c: Command; s: number } => x.s !== null)
    .sort((a, b) => a.s - b.s)
    .map((x) => x.c);
}

export const projectCommands = (projects: ProjectSummary[], open: (id: string) => void): Command[] =>
  projects.map((p) => ({
    id: `project:${p.id}`,
    label: `Open project ${p.name}`,
    hint: `/${p.slug}`,
    run: () => open(p.id),
  }));
