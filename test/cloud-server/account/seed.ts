import { z } from 'zod';
import type { ServerContext } from '../context';
import type { SeededMonth } from './state';

export const seedMonthSchema = z.object({
  months_ago: z.number().int().min(0).max(35),
  requests: z.number().int().min(0),
  storage_bytes: z.number().int().min(0).default(0),
  ai_tokens_used: z.number().int().min(0).default(0),
});
export type SeedMonth = z.input<typeof seedMonthSchema>;

/** Adds usage to past (or the current) calendar months of an org, as GET /usage/history reports them. */
export function seedUsage(ctx: ServerContext, orgId: string, months: SeedMonth[]): void {
  const now = ctx.clock.now();
  const byMonth = ctx.account.seededUsage.get(orgId) ?? new Map<string, SeededMonth>();
  for (const m of months.map((x) => seedMonthSchema.parse(x))) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - m.months_ago, 1)).toISOString();
    byMonth.set(start, { requests: m.requests, storage_bytes: m.storage_bytes, ai_tokens_used: m.ai_tokens_used });
  }
  ctx.account.seededUsage.set(orgId, byMonth);
}

/** A plausible half year of growth, for screens and e2e tests: `seedUsage(ctx, org, DEMO_USAGE)`. */
export const DEMO_USAGE: SeedMonth[] = [
  { months_ago: 5, requests: 18_000, storage_bytes: 120_000_000, ai_tokens_used: 2_000 },
  { months_ago: 4, requests: 42_000, storage_bytes: 260_000_000, ai_tokens_used: 5_500 },
  { months_ago: 3, requests: 37_500, storage_bytes: 310_000_000, ai_tokens_used: 4_000 },
  { months_ago: 2, requests: 96_000, storage_bytes: 480_000_000, ai_tokens_used: 12_000 },
  { months_ago: 1, requests: 151_000, storage_bytes: 700_000_000, ai_tokens_used: 20_500 },
  { months_ago: 0, requests: 64_000, storage_bytes: 760_000_000, ai_tokens_used: 9_000 },
];
