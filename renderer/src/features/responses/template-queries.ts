import type { TemplateHelperDoc } from '../../../../shared/ipc/contract';
import { call } from '../../app/api';
import { useQuery } from '../../app/query';

/** The engine's helper reference, fetched once: the renderer never imports main/. */
export const useTemplateHelpers = () =>
  useQuery<readonly TemplateHelperDoc[]>('templating.helpers', () => call('templating.helpers', {}));
