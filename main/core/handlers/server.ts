import type { StartOptions } from '../server/types';
import type { Router } from './router';

export function registerServerHandlers(router: Router): void {
  router
    .handle('server.status', (_input, { core }) => core.server.state())
    .handle('server.start', (input, { core }) => {
      const opts: StartOptions = {};
      if (input?.port !== undefined) opts.port = input.port;
      if (input?.host !== undefined) opts.host = input.host;
      return core.server.start(opts);
    })
    .handle('server.stop', (_input, { core }) => core.server.stop());
}
