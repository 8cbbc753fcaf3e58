import { afterEach, describe, expect, it } from 'vitest';
import { Catalog } from '../../../main/core/catalog/catalog';
import { Cloud } from '../../../main/core/cloud/cloud';
import { MemorySecretStore } from '../../../main/core/secrets/memory-store';
import { openStore, type Store } from '../../../main/core/store/store';
import { systemClock } from '../../../main/core/util/clock';

let store: Store;
afterEach(() => store.close());

async function cloudWith(fetch: typeof globalThis.fetch): Promise<Cloud> {
  store = openStore(null);
  const secrets = new MemorySecretStore();
  // Signed in, so authenticated GETs are sent (and retried on a 503).
  await secrets.set('cloud-jwt@http://127.0.0.1:9', 'jwt');
  const cloud = new Cloud({
    catalog: new Catalog(store, systemClock),
    secrets,
    secretsMode: { kind: 'memory', reason: 'test' },
    fetch,
    // Waits long enough that only close() can end them within the test.
    retry: { baseDelayMs: 600_000, maxDelayMs: 600_000 },
  });
  cloud.settings.setBaseUrl('http://127.0.0.1:9');
  return cloud;
}

describe('Cloud.close()', () => {
  it('ends a wait between retries at once, and no request follows', async () => {
    let requests = 0;
    const cloud = await cloudWith(async () => (requests++, new Response('{}', { status: 503 })));
    const waiting = cloud.api.subscription().catch((e: unknown) => e);
    await expect.poll(() => requests).toBe(1);
    cloud.close();
    expect(await waiting).toMatchObject({ code: 'CLOUD_ERROR', message: expect.stringContaining('shutting down') });
    expect(requests).toBe(1);
  });

  it('aborts a request in flight', async () => {
    let signal: AbortSignal | undefined;
    const cloud = await cloudWith(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          signal = init?.signal ?? undefined;
          signal?.addEventListener('abort', () => reject(signal?.reason as Error));
        }),
    );
    const pending = cloud.session.login({ email: 'a@b.c', password: 'pw' }).catch((e: unknown) => e);
    await expect.poll(() => signal).toBeDefined();
    cloud.close();
    expect(await pending).toMatchObject({ message: expect.stringContaining('shutting down') });
    expect(signal?.aborted).toBe(true);
  });
});
