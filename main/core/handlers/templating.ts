import { TEMPLATE_HELPERS } from '../engine/templating';
import type { Router } from './router';
import { previewResponse } from './template-preview';

export function registerTemplatingHandlers(router: Router): void {
  router
    .handle('templating.helpers', () => TEMPLATE_HELPERS)
    .handle('responses.preview', (input, { core }) => previewResponse(core, input));
}
