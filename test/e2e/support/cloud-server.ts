import type { WorkerFixture } from '@playwright/test';
import { startCloudServer, type CloudServerHandle, type CloudServerOptions } from '../../cloud-server';

/**
 * The `cloud` worker fixture of the specs that talk to the contract server: one server per
 * Playwright worker, started with `opts` and closed when the worker ends.
 */
export function cloudServerFixture(
  opts: CloudServerOptions = {},
): [WorkerFixture<CloudServerHandle, object>, { scope: 'worker' }] {
  return [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startCloudServer(opts);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ];
}
