import type { FaqView, LegalDocView, ServiceStatusView, UsageMonthView } from '../../../../../shared/ipc/cloud-account';
import { call } from '../../../app/api';
import { useQuery, type QueryResult } from '../../../app/query';
import { qk } from '../../../app/query-keys';

/** Keys under qk.cloud.all, so a sign-in change drops them with the rest. */
export const useUsageHistory = (months: number): QueryResult<UsageMonthView[]> =>
  useQuery(qk.cloud.usageHistory(months), () => call('account.usageHistory', { months }));
export const useLegalDoc = (doc: LegalDocView['doc']): QueryResult<LegalDocView> =>
  useQuery(qk.cloud.legal(doc), () => call('help.legal', { doc }));
export const useFaq = (): QueryResult<FaqView> => useQuery(qk.cloud.faq, () => call('help.faq', {}));
export const useServiceStatus = (): QueryResult<ServiceStatusView> =>
  useQuery(qk.cloud.serviceStatus, () => call('cloud.serviceStatus', {}));
