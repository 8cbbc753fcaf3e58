import type { Router } from './router';

export function registerAppHandlers(router: Router): void {
  router.handle('app.info', (_input, { app, transport }) => ({
    version: app.version,
    dataDir: app.dataDir,
    platform: app.platform,
    transport,
  }));
}
