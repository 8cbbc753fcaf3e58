import type { AppErrorShape } from '../../../../shared/ipc/result';

export interface LimitExplanation {
  /** The limit as the cloud names it, e.g. "max_projects". */
  limit: string;
  title: string;
  /** What to do: upgrade, or free something up. */
  remedy: string;
}

const KNOWN: Record<string, { title: string; remedy: string }> = {
  max_projects: {
    title: 'Your plan’s project limit is reached.',
    remedy: 'Upgrade your plan, or delete a cloud project (and its deployment) you no longer need, then try again.',
  },
  max_collaborators: {
    title: 'Your plan’s collaborator limit is reached (members and pending invitations count).',
    remedy: 'Upgrade your plan, or remove a member you no longer work with, then invite again.',
  },
  hosted_mocks: {
    title: 'Your plan does not include hosted mocks.',
    remedy: 'Upgrade to a plan with hosted mocks (Pro or Team) to deploy; syncing keeps working meanwhile.',
  },
  requests: {
    title: 'Your hosted mocks used this month’s request allowance.',
    remedy: 'Upgrade your plan, or stop deployments you do not need until the next period starts.',
  },
  storage: {
    title: 'Your cloud storage is full.',
    remedy: 'Upgrade your plan, or delete cloud projects or large responses you no longer need.',
  },
};

/**
 * The core turns the cloud's RESOURCE_LIMIT_EXCEEDED into "Your plan's limit on <limit> is
 * reached…"; this recognises it so every screen can say which limit and what to do.
 */
export function explainLimit(error: AppErrorShape | null): LimitExplanation | null {
  if (!error) return null;
  const m = /plan's limit on ([\w.-]+)/i.exec(error.message) ?? /RESOURCE_LIMIT_EXCEEDED/.exec(error.message);
  if (!m) return null;
  const limit = m[1] ?? 'a plan limit';
  const key = Object.keys(KNOWN).find((k) => limit.toLowerCase().includes(k.replace('max_', '')));
  const known = key ? KNOWN[key] : undefined;
  return {
    limit,
    title: known?.title ?? `Your plan’s limit on ${limit.replace(/_/g, ' ')} is reached.`,
    remedy: known?.remedy ?? 'Upgrade your plan, or delete something you no longer need, then try again.',
  };
}

/** Where a usage bar stands: under 80% fine, then a warning, then full. */
export function usageLevel(used: number, limit: number): 'ok' | 'warn' | 'full' | 'none' {
  if (!(limit > 0)) return 'none';
  const r = used / limit;
  return r >= 1 ? 'full' : r >= 0.8 ? 'warn' : 'ok';
}

/** Percentage for a bar's width: clamped to 0–100, and 0 when there is no limit to measure against. */
export function usagePercent(used: number, limit: number): number {
  if (!(limit > 0) || !(used > 0)) return 0;
  return Math.min(100, (used / limit) * 100);
}
