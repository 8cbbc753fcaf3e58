import type { Router } from './router';

/** AI generation and its BYOK settings (docs/ai.md): thin over the core's AiService. */
export function registerAiHandlers(router: Router): void {
  router.handle('ai.generateProject', ({ prompt }, { core, signal }) => core.ai.generateProject(prompt, signal));
  router.handle('ai.generateMockData', ({ prompt }, { core, signal }) => core.ai.generateMockData(prompt, signal));
  router.handle('ai.byok', (_input, { core }) => core.ai.view());
  router.handle('ai.setByok', (input, { core }) => core.ai.configure(input));
  router.handle('ai.deleteByok', (_input, { core }) => core.ai.remove());
  router.handle('ai.testConnection', (_input, { core, signal }) => core.ai.testConnection(signal));
}
