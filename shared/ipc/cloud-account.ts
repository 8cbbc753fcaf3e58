import { z } from 'zod';
import { call, reads, writes } from './call-meta';
import type { AccountView } from './cloud';

/**
 * The account block of the IPC contract (spread into `calls` in contract.ts): usage history,
 * plan upgrade, the user's data (GDPR export and deletion), help (legal documents, FAQ,
 * support) and the cloud's service status. No answer here carries a credential.
 */
const none = z.object({}).strict().optional();

/** What the user types to confirm deleting their cloud data: the same in the UI and the core. */
export const DELETE_DATA_PHRASE = 'DELETE MY DATA';

export const UPGRADE_PLANS = ['pro', 'team'] as const;
export const LEGAL_DOC_NAMES = ['terms', 'privacy', 'dpa'] as const;
export const SUPPORT_CATEGORY_NAMES = ['technical', 'billing', 'account', 'feature_request', 'other'] as const;
export const SUPPORT_PRIORITY_NAMES = ['low', 'medium', 'high', 'urgent'] as const;

export interface UsageMonthView {
  periodStart: string;
  periodEnd: string | null;
  requests: number;
  storageBytes: number | null;
  aiTokensUsed: number | null;
}
export interface UpgradeResultView {
  outcome: 'success' | 'cancelled';
  /** The plan asked for; `account.plan` says what the cloud reports now. */
  requestedPlan: string;
  checkoutUrl: string;
  /** The subscription as the cloud reports it after the browser came back. */
  account: AccountView;
}
export interface DataExportView {
  /** A suggested file name, e.g. mockforge-export-2025-01-20.json. */
  fileName: string;
  /** The export as pretty JSON, credentials removed. */
  content: string;
  bytes: number;
  /** Values MockDeck removed or masked because they were (or looked like) credentials. */
  removed: number;
}
export interface DataDeletionView {
  message: string;
  deletionScheduledAt: string | null;
  /** Local cloud links, conflicts and stored credentials were wiped; local projects are kept. */
  wipedLinks: number;
}
export interface LegalDocView {
  doc: (typeof LEGAL_DOC_NAMES)[number];
  title: string;
  /** Markdown: render without raw HTML. */
  content: string;
  lastUpdated: string | null;
}
export interface FaqView {
  categories: string[];
  items: { id: string; question: string; answer: string; category: string | null }[];
}
export interface SupportTicketView {
  ticketId: string;
  message: string | null;
}
export interface ServiceStatusView {
  baseUrl: string;
  checkedAt: string;
  /**
   * operational: all good · degraded: the cloud reports a problem · down: the cloud answers
   * but is failing · unreachable: MockDeck could not reach it at all (network, VPN, URL).
   */
  verdict: 'operational' | 'degraded' | 'down' | 'unreachable';
  /** One sentence for the user: whose problem it is and what to do. */
  summary: string;
  health: {
    status: string;
    version: string | null;
    timestamp: string | null;
    checks: { name: string; status: string }[];
  } | null;
  healthError: string | null;
  status: {
    overall: string;
    timestamp: string | null;
    services: { name: string; status: string; message: string | null }[];
  } | null;
  statusError: string | null;
}

export const cloudAccountCalls = {
  'account.usageHistory': call(
    z.object({
      months: z.number().int().min(1, 'months must be 1 to 36').max(36, 'months must be 1 to 36').default(6),
    }),
    reads('Shows your cloud usage month by month (requests, storage, AI tokens).', 'cli', 'mcp'),
  ).returns<UsageMonthView[]>(),
  'account.upgrade': call(
    z.object({ plan: z.enum(UPGRADE_PLANS) }),
    writes(
      'Opens the cloud checkout for a plan upgrade in the system browser and waits until it returns; can be cancelled.',
    ),
  ).returns<UpgradeResultView>(),
  'account.exportData': call(
    none,
    reads('Downloads everything the cloud holds about you (GDPR export), without any credential.', 'cli'),
  ).returns<DataExportView>(),
  'account.deleteData': call(
    z.object({
      confirmation: z
        .string()
        .refine((v) => v.trim() === DELETE_DATA_PHRASE, `type ${DELETE_DATA_PHRASE} to confirm the deletion`),
    }),
    writes('Asks the cloud to delete all your data, then signs out and forgets this machine’s cloud links.'),
  ).returns<DataDeletionView>(),
  'help.legal': call(
    z.object({ doc: z.enum(LEGAL_DOC_NAMES) }),
    reads('Shows the cloud’s terms of service, privacy policy or data processing agreement.'),
  ).returns<LegalDocView>(),
  'help.faq': call(none, reads('Lists the cloud’s frequently asked questions.')).returns<FaqView>(),
  'help.contact': call(
    z.object({
      category: z.enum(SUPPORT_CATEGORY_NAMES),
      priority: z.enum(SUPPORT_PRIORITY_NAMES),
      subject: z.string().trim().min(1, 'subject is required').max(200, 'subject must be at most 200 characters'),
      message: z
        .string()
        .trim()
        .min(10, 'message needs at least 10 characters')
        .max(10_000, 'message must be at most 10000 characters'),
    }),
    writes('Sends a support request to the cloud and returns its ticket id.'),
  ).returns<SupportTicketView>(),
  'cloud.serviceStatus': call(
    none,
    reads(
      'Checks whether the cloud and each of its services are up, to tell a cloud outage from a network problem.',
      'cli',
      'mcp',
    ),
  ).returns<ServiceStatusView>(),
} as const;
