import { describe, expect, it } from 'vitest';
import { MockForgeApi } from '../../../main/core/cloud/api';
import { CloudHttp } from '../../../main/core/cloud/http';
import { CloudSession } from '../../../main/core/cloud/session';
import { CloudSettings } from '../../../main/core/cloud/settings';
import { MemorySecretStore } from '../../../main/core/secrets/memory-store';
import { openStore } from '../../../main/core/store/store';

/** A session whose network answers with `reply` for every request. */
function sessionWith(reply: () => Response | Promise<Response>) {
  const store = openStore(null);
  const settings = new CloudSettings(store.settings);
  settings.setBaseUrl('https://cloud.example');
  const secrets = new MemorySecretStore();
  const session = new CloudSession(settings, secrets);
  const http = new CloudHttp({
    baseUrl: () => settings.baseUrl(),
    auth: session,
    orgId: () => null,
    fetch: (async () => reply()) as typeof fetch,
    sleep: async () => undefined,
    retry: { maxAttempts: 2 },
  });
  session.attach(new MockForgeApi(http));
  return { session, secrets, settings, http, close: () => store.close() };
}

const refused = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));

describe('CloudSession', () => {
  it('keeps the session when a refresh fails because the cloud is unreachable', async () => {
    const s = sessionWith(refused);
    await s.secrets.set('cloud-jwt@https://cloud.example', 'eyJa.b.c');
    await expect(s.session.refresh()).rejects.toMatchObject({ code: 'OFFLINE' });
    expect(await s.secrets.get('cloud-jwt@https://cloud.example')).toBe('eyJa.b.c');
    s.close();
  });

  it('ends the session when the cloud refuses the refresh', async () => {
    const s = sessionWith(
      () =>
        new Response(JSON.stringify({ error: 'expired', error_code: 'AUTH_REQUIRED', status: 401, details: {} }), {
          status: 401,
        }),
    );
    await s.secrets.set('cloud-jwt@https://cloud.example', 'eyJa.b.c');
    expect(await s.session.refresh()).toBe(false);
    const err = await s.session.rejected();
    expect(err).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(s.secrets.size()).toBe(0);
    s.close();
  });

  it('files the JWT under the server it came from, so it is never sent to another one', async () => {
    const s = sessionWith(refused);
    await s.secrets.set('cloud-jwt@https://cloud.example', 'eyJa.b.c');
    expect(await s.session.bearer()).toBe('eyJa.b.c');
    s.settings.setBaseUrl('https://evil.example');
    expect(await s.session.bearer()).toBeNull();
    s.close();
  });

  it('logout wipes every secret and the remembered account', async () => {
    const s = sessionWith(refused);
    await s.secrets.set('cloud-jwt@https://cloud.example', 'eyJa.b.c');
    await s.secrets.set('cloud-jwt@https://other.example', 'eyJd.e.f');
    s.settings.setUser({ userId: 'u', username: 'n', email: null });
    s.settings.setOrgId('org');
    const state = await s.session.logout();
    expect(state).toMatchObject({ signedIn: false, user: null, orgId: null });
    expect(s.secrets.size()).toBe(0);
    s.close();
  });
});
