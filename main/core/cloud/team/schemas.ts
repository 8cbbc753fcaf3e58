import { z } from 'zod';

/**
 * Answers of MockBird §1–2 (profile, organizations, members, invitations) and MockForge's
 * audit log. Only what the screens use is required; the rest may be missing or null.
 */
const optStr = z
  .string()
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const meSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string().nullable().optional(),
  imageUrl: optStr,
  subscriptionTier: optStr,
  createdAt: optStr,
  orgId: optStr,
  orgRole: optStr,
  orgName: optStr,
  orgSlug: optStr,
});
export type Me = z.infer<typeof meSchema>;

export const profileResultSchema = z.object({
  userId: z.string(),
  name: z.string().nullable().optional(),
  firstName: optStr,
  lastName: optStr,
  imageUrl: optStr,
});

export const mockbirdOrgSchema = z.object({
  orgId: z.string(),
  name: z.string(),
  slug: z.string(),
  imageUrl: optStr,
  membersCount: z.number().optional(),
  createdAt: optStr,
});

const memberUserSchema = z.object({
  userId: z.string(),
  firstName: optStr,
  lastName: optStr,
  email: z.string(),
  imageUrl: optStr,
});
export const memberSchema = z.object({
  membershipId: z.string(),
  role: z.string(),
  joinedAt: optStr,
  user: memberUserSchema,
});
export type Member = z.infer<typeof memberSchema>;

export const memberPageSchema = z.object({
  data: z.array(memberSchema),
  totalCount: z.number(),
  limit: z.number().optional(),
  offset: z.number().optional(),
});
export type MemberPage = z.infer<typeof memberPageSchema>;

export const invitationSchema = z.object({
  id: z.string(),
  emailAddress: z.string(),
  role: z.string(),
  status: z.string().default('pending'),
  createdAt: optStr,
});

export const removedSchema = z.object({ message: z.string().optional() });

export const auditEntrySchema = z.object({
  id: z.string(),
  user_id: optStr,
  event_type: z.string(),
  description: z.string().default(''),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  ip_address: optStr,
  user_agent: optStr,
  created_at: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
