import type {
  LEGAL_DOC_NAMES,
  SUPPORT_CATEGORY_NAMES,
  SUPPORT_PRIORITY_NAMES,
} from '../../../../shared/ipc/cloud-account';
import type { CloudHttp } from '../http';
import {
  checkoutSchema,
  detailedHealthSchema,
  faqSchema,
  gdprDeleteSchema,
  gdprExportSchema,
  legalDocSchema,
  supportTicketSchema,
  systemStatusSchema,
  usageHistorySchema,
} from './schemas';

export type LegalDocName = (typeof LEGAL_DOC_NAMES)[number];

export interface SupportRequestBody {
  category: (typeof SUPPORT_CATEGORY_NAMES)[number];
  priority: (typeof SUPPORT_PRIORITY_NAMES)[number];
  subject: string;
  message: string;
}

/** Status checks must answer fast: one attempt, a short timeout, no retry loop on a sick server. */
const STATUS_TIMEOUT_MS = 8_000;

/** The account endpoints of mockforge-cloud-api.md, one typed method each (the rest: ../api.ts). */
export class AccountApi {
  constructor(private readonly http: CloudHttp) {}

  usageHistory(months: number) {
    return this.http.request({
      method: 'GET',
      path: '/api/v1/usage/history',
      query: { months },
      schema: usageHistorySchema,
      what: 'usage history',
    });
  }

  checkout(body: { plan: string; success_url: string; cancel_url: string }) {
    return this.http.request({
      method: 'POST',
      path: '/api/v1/billing/checkout',
      body,
      schema: checkoutSchema,
      what: 'checkout session',
    });
  }

  gdprExport() {
    return this.http.request({
      method: 'GET',
      path: '/api/v1/gdpr/export',
      schema: gdprExportSchema,
      what: 'data export',
      timeoutMs: 120_000,
    });
  }

  gdprDelete() {
    return this.http.request({
      method: 'POST',
      path: '/api/v1/gdpr/delete',
      body: { confirm: true },
      schema: gdprDeleteSchema,
      what: 'data deletion',
    });
  }

  legal(doc: LegalDocName) {
    return this.http.request({
      method: 'GET',
      path: `/api/v1/legal/${doc}`,
      schema: legalDocSchema,
      what: `the ${doc === 'dpa' ? 'data processing agreement' : doc === 'terms' ? 'terms of service' : 'privacy policy'}`,
      auth: false,
    });
  }

  faq() {
    return this.http.request({ method: 'GET', path: '/api/v1/faq', schema: faqSchema, what: 'FAQ', auth: false });
  }

  /** Signed in or not: the spec does not require auth, and a signed-in ticket names its account. */
  contactSupport(body: SupportRequestBody, signedIn: boolean) {
    return this.http.request({
      method: 'POST',
      path: '/api/v1/support/contact',
      body,
      schema: supportTicketSchema,
      what: 'support request',
      auth: signedIn,
    });
  }

  detailedHealth() {
    return this.http.request({
      method: 'GET',
      path: '/health/detailed',
      schema: detailedHealthSchema,
      what: 'detailed health check',
      auth: false,
      timeoutMs: STATUS_TIMEOUT_MS,
      maxAttempts: 1,
    });
  }

  systemStatus() {
    return this.http.request({
      method: 'GET',
      path: '/api/v1/status',
      schema: systemStatusSchema,
      what: 'service status',
      auth: false,
      timeoutMs: STATUS_TIMEOUT_MS,
      maxAttempts: 1,
    });
  }
}
