import type { ByokUpdate, ByokView } from '../../../../shared/models';
import { call } from '../../app/api';
import { setQueryData, useQuery } from '../../app/query';
import { qk } from '../../app/query-keys';

/** The BYOK settings and this month's token count (never the key: only its masked form). */
export const useByok = () => useQuery<ByokView>(qk.aiByok, () => call('ai.byok', {}));

export async function saveByok(update: ByokUpdate): Promise<ByokView> {
  const view = await call('ai.setByok', update);
  setQueryData(qk.aiByok, view);
  return view;
}

export async function deleteByok(): Promise<void> {
  await call('ai.deleteByok', {});
  setQueryData(qk.aiByok, await call('ai.byok', {}));
}
