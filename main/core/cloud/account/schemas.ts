import { z } from 'zod';

/**
 * Answers of the account endpoints (mockforge-cloud-api.md §Billing, §Usage, §GDPR, §Legal &
 * Support, §Health & Status). Tolerant readers: a field no screen uses may be missing, and
 * unknown fields are dropped (zod's default), so a cloud that adds or omits a detail does
 * not break the call. Fields the app shows default to null and the views say "–".
 */
const num = z
  .number()
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const str = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const usageMonthSchema = z.object({
  period_start: z.string(),
  period_end: str,
  requests: z.number(),
  storage_bytes: num,
  ai_tokens_used: num,
});
export const usageHistorySchema = z.array(usageMonthSchema);
export type UsageMonth = z.output<typeof usageMonthSchema>;

export const checkoutSchema = z.object({ checkout_url: z.string(), session_id: str });

/** The export is the user's own data: kept whole (unknown fields included), then scrubbed of secrets. */
export const gdprExportSchema = z.record(z.string(), z.unknown());

export const gdprDeleteSchema = z.object({ message: str, deletion_scheduled_at: str });

export const legalDocSchema = z.object({ title: z.string(), content: z.string(), last_updated: str });
export type LegalDoc = z.output<typeof legalDocSchema>;

export const faqSchema = z.object({
  categories: z.array(z.string()).default([]),
  items: z.array(
    z.object({
      id: z.string(),
      question: z.string(),
      answer: z.string(),
      category: str,
    }),
  ),
});
export type Faq = z.output<typeof faqSchema>;

export const supportTicketSchema = z.object({ ticket_id: z.string(), message: str });

export const detailedHealthSchema = z.object({
  status: z.string(),
  version: str,
  timestamp: str,
  checks: z.record(z.string(), z.string()).default({}),
});
export type DetailedHealth = z.output<typeof detailedHealthSchema>;

export const systemStatusSchema = z.object({
  overall: z.string(),
  services: z.array(z.object({ name: z.string(), status: z.string(), message: str })).default([]),
  timestamp: str,
});
export type SystemStatus = z.output<typeof systemStatusSchema>;
