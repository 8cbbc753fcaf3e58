import type { FaqView, LegalDocView, ServiceStatusView, UsageMonthView } from '../../../../../shared/ipc/cloud-account';
import { call } from '../../../app/api';
import { useQuery, type QueryResult } from '../../../app/query';

/** Keys under "cloud:" (cloudKeys.all), so a sign-in change drops them with the rest. */
export const accountKeys = {
  usageHistory: (months: number) => `cloud:usage-history:${months}`,
  legal: (doc: LegalDocView['doc']) => `cloud:legal:${doc}`,
  faq: 'cloud:faq',
  serviceStatus: 'cloud:service-status',
} as const;

export const useUsageHistory = (months: number): QueryResult<UsageMonthView[]> =>
  useQuery(accountKeys.usageHistory(months), () => call('account.usageHistory', { months }));
export const useLegalDoc = (doc: LegalDocView['doc']): QueryResult<LegalDocView> =>
  useQuery(accountKeys.legal(doc), () => call('help.legal', { doc }));
export const useFaq = (): QueryResult<FaqView> => useQuery(accountKeys.faq, () => call('help.faq', {}));
export const useServiceStatus = (): QueryResult<ServiceStatusView> =>
  useQuery(accountKeys.serviceStatus, () => call('cloud.serviceStatus', {}));
