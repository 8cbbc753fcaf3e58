import type { TemplateHelperDoc } from '../../../../shared/ipc/contract';
import { call } from '../../app/api';
import { useQuery } from '../../app/query';
import { qk } from '../../app/query-keys';

/** The engine's helper reference, fetched once: the renderer never imports main/. */
export const useTemplateHelpers = () =>
  useQuery<readonly TemplateHelperDoc[]>(qk.templatingHelpers, () => call('templating.helpers', {}));
