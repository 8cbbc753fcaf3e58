import { isLoopbackHost } from '../../../shared/ipc/loopback';
import type { StartOptions } from '../server/types';
import { AppError } from '../util/errors';
import type { Router } from './router';

export function registerServerHandlers(router: Router): void {
  router
    .handle('server.status', (_input, { core }) => core.server.state())
    .handle('server.start', (input, { core }) => {
      const opts: StartOptions = {};
      if (input?.port !== undefined) opts.port = input.port;
      if (input?.host !== undefined) {
        if (!isLoopbackHost(input.host) && input.exposeOnNetwork !== true) throw exposureNotConfirmed(input.host);
        opts.host = input.host;
      }
      return core.server.start(opts);
    })
    .handle('server.stop', (_input, { core }) => core.server.stop())
    .handle('chaos.setEnabled', (input, { core }) => core.server.setChaosEnabled(input.enabled, input.persist));
}

/** Any page or script that reaches a transport must not open the mocks to the network silently. */
function exposureNotConfirmed(host: string): AppError {
  return new AppError(
    'VALIDATION_ERROR',
    `listening on "${host.slice(0, 100)}" would expose the mock server to other machines on the network`,
    {
      field: 'host',
      hint: 'use 127.0.0.1 (this computer only), or pass exposeOnNetwork: true once the user has confirmed',
    },
  );
}
