import type { ByokUpdate, ByokView } from '../../../../shared/models';
import { call } from '../../app/api';
import { setQueryData, useQuery } from '../../app/query';

/** The BYOK settings and this month's token count (never the key: only its masked form). */
export const BYOK_KEY = 'ai.byok';

export const useByok = () => useQuery<ByokView>(BYOK_KEY, () => call('ai.byok', {}));

export async function saveByok(update: ByokUpdate): Promise<ByokView> {
  const view = await call('ai.setByok', update);
  setQueryData(BYOK_KEY, view);
  return view;
}

export async function deleteByok(): Promise<void> {
  await call('ai.deleteByok', {});
  setQueryData(BYOK_KEY, await call('ai.byok', {}));
}
