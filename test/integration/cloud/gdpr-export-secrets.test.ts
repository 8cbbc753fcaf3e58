import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMOVED, scrubSecrets } from '../../../main/core/cloud/account/scrub-secrets';
import type { CloudServerHandle } from '../../cloud-server/index';
import { newUser, openLocal, startServer, type Local } from './harness';

/**
 * The GDPR export file must never hold a secret MockDeck holds, even when the cloud puts one
 * in its answer: a server that echoes the session JWT, an API token or a password hash.
 */
describe('GDPR export never contains a secret', () => {
  let server: CloudServerHandle;
  let local: Local;
  let fullToken = '';
  beforeAll(async () => {
    server = await startServer();
    // A careless server: the export answer echoes the caller's credential and a token it just created.
    const echoing: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input).includes('/gdpr/export')) return res;
      const data = (await res.json()) as Record<string, unknown> & { api_tokens: Record<string, unknown>[] };
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      const jwt = auth.replace(/^Bearer /, '');
      data.request = { authorization: auth, note: `session ${jwt} in prose` };
      data.api_tokens = data.api_tokens.map((t) => ({ ...t, token: fullToken, token_hash: 'abc123hash' }));
      data.user_data = { ...(data.user_data as object), password_hash: '$argon2id$v=19$secret' };
      data.support_notes = `please rotate ${fullToken}`;
      return new Response(JSON.stringify(data), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    local = openLocal(server.url, { fetch: echoing });
    await local.cloud.session.register(newUser());
    fullToken = (await local.cloud.createToken({ name: 'leaky', scopes: ['read'] })).token;
  });
  afterAll(async () => {
    local.close();
    await server.close();
  });

  it('removes the session JWT, API tokens and credential fields, and says how many', async () => {
    const jwt = (await local.secrets.get(`cloud-jwt@${server.url}`))!;
    const out = await local.cloud.accountService.exportData();
    expect(out.content).not.toContain(jwt);
    expect(out.content).not.toContain(jwt.split('.')[1]!); // not even the JWT's payload
    expect(out.content).not.toContain(fullToken);
    expect(out.content).not.toContain(fullToken.slice(4)); // nor the token without its prefix
    expect(out.content).not.toContain('$argon2id$');
    expect(out.content).not.toContain('abc123hash');
    const data = JSON.parse(out.content) as {
      api_tokens: { name: string; token: string }[];
      user_data: { email: string };
    };
    expect(data.api_tokens[0]).toMatchObject({ name: 'leaky', token: REMOVED });
    expect(data.user_data.email).toMatch(/@example\.com$/); // the user's own data is kept
    expect(out.removed).toBeGreaterThanOrEqual(5);
  });

  it('scrubs a secret wherever it sits, and cuts pathological nesting', () => {
    const secret = 'opaque-provider-key-1234567890';
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let i = 0; i < 200; i++) at = (at.next = {}) as Record<string, unknown>;
    const r = scrubSecrets({ a: [`x ${secret} y`], [secret]: 1, deep }, [secret, 'short']);
    expect(JSON.stringify(r.value)).not.toContain(secret);
    expect(JSON.stringify(r.value)).toContain('nested too deeply');
    // A short "secret" would blank innocent words: it is not used as a pattern.
    expect(JSON.stringify(scrubSecrets({ a: 'short story' }, ['short']).value)).toContain('short story');
  });
});
