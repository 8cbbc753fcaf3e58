/**
 * Plan limits. Pro's numbers are the spec's example; free is small enough for tests to hit
 * RESOURCE_LIMIT_EXCEEDED on purpose (4th project, any deployment); team is generous.
 */
export const PLAN_NAMES = ['free', 'pro', 'team'] as const;
export type PlanName = (typeof PLAN_NAMES)[number];

export interface PlanLimits {
  max_projects: number;
  max_collaborators: number;
  requests_per_30d: number;
  storage_gb: number;
  ai_tokens_per_month: number;
  hosted_mocks: boolean;
}

export const PLAN_LIMITS: Record<PlanName, PlanLimits> = {
  free: {
    max_projects: 3,
    max_collaborators: 1,
    requests_per_30d: 10_000,
    storage_gb: 1,
    ai_tokens_per_month: 0,
    hosted_mocks: false,
  },
  pro: {
    max_projects: 10,
    max_collaborators: 5,
    requests_per_30d: 250_000,
    storage_gb: 20,
    ai_tokens_per_month: 100_000,
    hosted_mocks: true,
  },
  team: {
    max_projects: 100,
    max_collaborators: 50,
    requests_per_30d: 1_000_000,
    storage_gb: 100,
    ai_tokens_per_month: 1_000_000,
    hosted_mocks: true,
  },
};

/**
 * API requests per minute per principal. The spec gives 60 for free and only monthly
 * quotas for paid plans; these per-minute budgets are this server's choice.
 */
export const PLAN_RATE_PER_MINUTE: Record<PlanName, number> = { free: 60, pro: 600, team: 1200 };

export const isPlanName = (p: string): p is PlanName => (PLAN_NAMES as readonly string[]).includes(p);
