import type { PlanName } from '../billing/plans';

/** The documented services of GET /api/v1/status, in the spec's order. */
export const STATUS_SERVICES = ['Database', 'Redis', 'Object Storage', 'API Service'] as const;
export const SERVICE_STATES = ['operational', 'degraded', 'partial_outage', 'major_outage'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

export interface SeededMonth {
  requests: number;
  storage_bytes: number;
  ai_tokens_used: number;
}

export interface CheckoutSession {
  id: string;
  orgId: string;
  plan: PlanName;
  successUrl: string;
  cancelUrl: string;
  used: boolean;
}

/**
 * What the account endpoints keep beside the database: seeded usage of past months (the
 * server has no history of its own), checkout sessions, scheduled deletions, support tickets
 * and the service states tests can degrade.
 */
export class AccountState {
  /** org id → period_start (ISO) → usage added to what the server counted. */
  readonly seededUsage = new Map<string, Map<string, SeededMonth>>();
  readonly checkouts = new Map<string, CheckoutSession>();
  /** user id → deletion_scheduled_at. */
  readonly deletions = new Map<string, string>();
  readonly tickets: {
    ticket_id: string;
    user_id: string | null;
    category: string;
    priority: string;
    subject: string;
  }[] = [];
  private readonly services = new Map<string, { status: ServiceState; message: string | null }>();

  service(name: string): { status: ServiceState; message: string | null } {
    return this.services.get(name) ?? { status: 'operational', message: null };
  }

  setService(name: string, status: ServiceState, message: string | null = null): void {
    if (status === 'operational' && message === null) this.services.delete(name);
    else this.services.set(name, { status, message });
  }

  resetServices(): void {
    this.services.clear();
  }
}
