import { z } from 'zod';
import type { SecretStore } from '../secrets/secret-store';
import { AppError } from '../util/errors';
import type { MockForgeApi } from './api';
import type { AuthProvider } from './http';
import { runOAuthFlow, type OAuthProvider, type OpenExternal } from './oauth';
import type { CloudSettings, CloudUser } from './settings';

/** What the UI may know about the sign-in: never the credential itself. */
export interface AuthState {
  signedIn: boolean;
  /** 'session' = a JWT from sign-in kept in the secret store; 'env-token' = MOCKDECK_CLOUD_TOKEN (CI). */
  via: 'session' | 'env-token' | null;
  user: CloudUser | null;
  baseUrl: string;
  orgId: string | null;
}

export type AuthListener = (state: AuthState) => void;

const jwtClaimsSchema = z
  .object({
    sub: z.string().optional(),
    userId: z.string().optional(),
    username: z.string().optional(),
    email: z.string().optional(),
  })
  .loose();

/**
 * The signed-in state. The JWT (also what refreshes the session) lives only in the
 * SecretStore, filed under the cloud's origin so a token is never sent to another server.
 */
export class CloudSession implements AuthProvider {
  private api!: MockForgeApi;
  private readonly listeners = new Set<AuthListener>();

  constructor(
    private readonly settings: CloudSettings,
    private readonly secrets: SecretStore,
    /** An API token from the environment (MOCKDECK_CLOUD_TOKEN): session-only, never stored. */
    private readonly envToken: string | null = null,
  ) {}

  attach(api: MockForgeApi): void {
    this.api = api;
  }

  onChange(listener: AuthListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private key(): string {
    return `cloud-jwt@${this.settings.baseUrl()}`;
  }

  async bearer(): Promise<string | null> {
    return this.envToken ?? (await this.secrets.get(this.key()));
  }

  async refresh(): Promise<boolean> {
    if (this.envToken) return false;
    const jwt = await this.secrets.get(this.key());
    if (!jwt) return false;
    try {
      const r = await this.api.refresh(jwt);
      await this.secrets.set(this.key(), r.token);
      return true;
    } catch (e) {
      // Only a refusal ends the session; being offline or a flaky server must not sign the user out.
      if (e instanceof AppError && (e.code === 'UNAUTHORIZED' || e.code === 'VALIDATION_ERROR')) return false;
      throw e;
    }
  }

  async rejected(): Promise<AppError> {
    if (this.envToken) {
      return new AppError(
        'UNAUTHORIZED',
        'The cloud rejected the API token in MOCKDECK_CLOUD_TOKEN (expired, deleted or for another organization).',
        {
          hint: 'Create a new token (mockdeck cloud tokens create NAME) and set MOCKDECK_CLOUD_TOKEN to it.',
        },
      );
    }
    await this.secrets.delete(this.key());
    this.settings.setUser(null);
    await this.notify();
    return new AppError('UNAUTHORIZED', 'Your cloud session has expired or was revoked.', {
      hint: 'Sign in again (mockdeck cloud login, or Account → Sign in).',
    });
  }

  async register(input: { username: string; email: string; password: string }): Promise<AuthState> {
    const r = await this.api.register(input);
    return this.store(r.token, userOf(r, input.email, input.username));
  }

  async login(input: { email: string; password: string }): Promise<AuthState> {
    const r = await this.api.login(input);
    return this.store(r.token, userOf(r, input.email));
  }

  async loginOAuth(
    provider: OAuthProvider,
    openExternal: OpenExternal,
    timeoutMs?: number,
    signal?: AbortSignal,
  ): Promise<AuthState> {
    const token = await runOAuthFlow({
      baseUrl: this.settings.baseUrl(),
      provider,
      openExternal,
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(signal ? { signal } : {}),
    });
    const claims = decodeClaims(token);
    return this.store(token, {
      userId: claims.userId ?? claims.sub ?? 'unknown',
      username: claims.username ?? claims.email ?? `${provider} user`,
      email: claims.email ?? null,
    });
  }

  /** Wipes every stored secret (not only this server's) and the remembered account. */
  async logout(): Promise<AuthState> {
    await this.secrets.clear();
    this.settings.setUser(null);
    this.settings.setOrgId(null);
    this.settings.setDefaultOrgId(null);
    return this.notify();
  }

  async state(): Promise<AuthState> {
    const bearer = await this.bearer();
    return {
      signedIn: bearer !== null,
      via: this.envToken ? 'env-token' : bearer ? 'session' : null,
      user: this.settings.user(),
      baseUrl: this.settings.baseUrl(),
      orgId: this.settings.orgId(),
    };
  }

  async notify(): Promise<AuthState> {
    const s = await this.state();
    for (const l of this.listeners) l(s);
    return s;
  }

  private async store(token: string, user: CloudUser): Promise<AuthState> {
    await this.secrets.set(this.key(), token);
    // Another account may have another default organization.
    this.settings.setDefaultOrgId(null);
    this.settings.setUser(user);
    return this.notify();
  }
}

/** Who signed in, from the answer, else the token's claims, else what the user typed. */
function userOf(
  r: { token: string; user_id?: string | undefined; username?: string | undefined },
  email: string,
  username?: string,
): CloudUser {
  const claims = decodeClaims(r.token);
  return {
    userId: r.user_id ?? claims.userId ?? claims.sub ?? 'unknown',
    username: r.username ?? claims.username ?? username ?? email,
    email,
  };
}

/** Reads display claims from a JWT without trusting them for anything else. */
function decodeClaims(token: string): z.infer<typeof jwtClaimsSchema> {
  try {
    const payload = token.split('.')[1] ?? '';
    const r = jwtClaimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return r.success ? r.data : {};
  } catch {
    return {};
  }
}
