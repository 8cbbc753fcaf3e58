import type { AccountView } from '../../../../shared/ipc/cloud';
import type {
  DataDeletionView,
  DataExportView,
  FaqView,
  LegalDocView,
  ServiceStatusView,
  SupportTicketView,
  UpgradeResultView,
  UsageMonthView,
} from '../../../../shared/ipc/cloud-account';
import type { SyncConflictsRepo } from '../../store/sync-conflicts-repo';
import type { SyncLinksRepo } from '../../store/sync-links-repo';
import type { Clock } from '../../util/clock';
import { AppError } from '../../util/errors';
import type { MockForgeApi } from '../api';
import type { OpenExternal } from '../oauth';
import type { CloudSession } from '../session';
import type { CloudSettings } from '../settings';
import { AccountApi, type LegalDocName, type SupportRequestBody } from './account-api';
import { runCheckoutFlow } from './checkout';
import { scrubSecrets } from './scrub-secrets';
import { checkServiceStatus } from './service-status';

export interface AccountServiceDeps {
  api: AccountApi;
  mockforge: MockForgeApi;
  session: CloudSession;
  settings: CloudSettings;
  links: SyncLinksRepo;
  conflicts: SyncConflictsRepo;
  /** The plan, usage and limits view (Cloud.account). */
  account: () => Promise<AccountView>;
  openExternal: OpenExternal | undefined;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  /** Aborted when the app closes. */
  stopped: AbortSignal;
}

/** After a paid checkout the plan changes when the payment provider's webhook lands: wait a little for it. */
const PLAN_POLLS = 5;
const PLAN_POLL_MS = 1_000;

/** The account use cases of issue 19: usage history, upgrade, the user's data, help and service status. */
export class AccountService {
  constructor(private readonly d: AccountServiceDeps) {}

  async usageHistory(months: number): Promise<UsageMonthView[]> {
    return (await this.d.api.usageHistory(months)).map((m) => ({
      periodStart: m.period_start,
      periodEnd: m.period_end,
      requests: m.requests,
      storageBytes: m.storage_bytes,
      aiTokensUsed: m.ai_tokens_used,
    }));
  }

  async upgrade(plan: string, signal?: AbortSignal, timeoutMs?: number): Promise<UpgradeResultView> {
    const open = this.d.openExternal;
    if (!open) {
      throw new AppError('CLOUD_ERROR', 'MockDeck cannot open a browser here for the checkout.', {
        hint: 'upgrade from the desktop app or `mockdeck ui`, or on the cloud’s website',
      });
    }
    const both = signal ? AbortSignal.any([signal, this.d.stopped]) : this.d.stopped;
    const { outcome, checkoutUrl } = await runCheckoutFlow({
      api: this.d.api,
      plan,
      openExternal: open,
      signal: both,
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    if (outcome === 'success') await this.waitForPlan(plan);
    return { outcome, requestedPlan: plan, checkoutUrl, account: await this.d.account() };
  }

  private async waitForPlan(plan: string): Promise<void> {
    for (let i = 0; i < PLAN_POLLS; i++) {
      if ((await this.d.mockforge.subscription()).plan === plan) return;
      await this.d.sleep(PLAN_POLL_MS);
    }
  }

  async exportData(): Promise<DataExportView> {
    const raw = await this.d.api.gdprExport();
    const { value, removed } = scrubSecrets(raw, await this.knownSecrets());
    const content = `${JSON.stringify(value, null, 2)}\n`;
    const day = this.d.clock.now().toISOString().slice(0, 10);
    return { fileName: `mockforge-export-${day}.json`, content, bytes: Buffer.byteLength(content), removed };
  }

  /** Every credential this process holds for the cloud: the session JWT or the environment's API token. */
  private async knownSecrets(): Promise<string[]> {
    const bearer = await this.d.session.bearer();
    return bearer ? [bearer] : [];
  }

  /**
   * The cloud deletes the account; this machine then forgets it: the links and conflicts of
   * every organization on this server, and every stored credential (a sign-out). Local
   * projects stay — they are the user's own files, not cloud data.
   */
  async deleteData(): Promise<DataDeletionView> {
    const r = await this.d.api.gdprDelete();
    const baseUrl = this.d.settings.baseUrl();
    const wipedLinks = this.d.links.forgetServer(baseUrl);
    this.d.conflicts.forgetServer(baseUrl);
    await this.d.session.logout();
    return {
      message: r.message ?? 'Data deletion initiated. This action cannot be undone.',
      deletionScheduledAt: r.deletion_scheduled_at,
      wipedLinks,
    };
  }

  async legal(doc: LegalDocName): Promise<LegalDocView> {
    const r = await this.d.api.legal(doc);
    return { doc, title: r.title, content: r.content, lastUpdated: r.last_updated };
  }

  async faq(): Promise<FaqView> {
    const r = await this.d.api.faq();
    const categories = r.categories.length
      ? r.categories
      : [...new Set(r.items.map((i) => i.category).filter((c): c is string => !!c))];
    return { categories, items: r.items };
  }

  async contactSupport(body: SupportRequestBody): Promise<SupportTicketView> {
    const signedIn = (await this.d.session.bearer()) !== null;
    const r = await this.d.api.contactSupport(body, signedIn);
    return { ticketId: r.ticket_id, message: r.message };
  }

  serviceStatus(): Promise<ServiceStatusView> {
    return checkServiceStatus(this.d.api, this.d.settings.baseUrl(), this.d.clock.now());
  }
}
