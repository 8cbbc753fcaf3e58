import { z } from 'zod';
import type { SettingsRepo } from '../store/settings-repo';
import { AppError } from '../util/errors';

export const DEFAULT_BASE_URL = 'https://api.mockforge.dev';

const KEYS = {
  baseUrl: 'cloud.baseUrl',
  orgId: 'cloud.orgId',
  user: 'cloud.user',
  defaultOrgId: 'cloud.defaultOrgId',
} as const;

/** Who is signed in, as shown in the UI: no credential in here. */
export const cloudUserSchema = z.object({ userId: z.string(), username: z.string(), email: z.string().nullable() });
export type CloudUser = z.infer<typeof cloudUserSchema>;

/** Non-secret cloud settings, kept in catalog.db's settings table. */
export class CloudSettings {
  constructor(private readonly repo: SettingsRepo) {}

  baseUrl(): string {
    return this.repo.get(KEYS.baseUrl) ?? DEFAULT_BASE_URL;
  }

  setBaseUrl(url: string): string {
    const normalized = normalizeBaseUrl(url);
    this.repo.set(KEYS.baseUrl, normalized);
    return normalized;
  }

  orgId(): string | null {
    return this.repo.get(KEYS.orgId) ?? null;
  }

  setOrgId(id: string | null): void {
    if (id) this.repo.set(KEYS.orgId, id);
    else this.repo.delete(KEYS.orgId);
  }

  /** The organization the cloud uses when no X-Org-Id is sent (learned from the subscription). */
  defaultOrgId(): string | null {
    return this.repo.get(KEYS.defaultOrgId) ?? null;
  }

  setDefaultOrgId(id: string | null): void {
    if (id) this.repo.set(KEYS.defaultOrgId, id);
    else this.repo.delete(KEYS.defaultOrgId);
  }

  user(): CloudUser | null {
    const raw = this.repo.get(KEYS.user);
    if (!raw) return null;
    const r = cloudUserSchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : null;
  }

  setUser(user: CloudUser | null): void {
    if (user) this.repo.set(KEYS.user, JSON.stringify(user));
    else this.repo.delete(KEYS.user);
  }
}

/** Accepts http(s) URLs only, without credentials, query or fragment; drops a trailing slash. */
export function normalizeBaseUrl(input: string): string {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    throw new AppError('VALIDATION_ERROR', `"${input}" is not a URL`, {
      field: 'url',
      hint: 'e.g. https://api.mockforge.dev',
    });
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new AppError('VALIDATION_ERROR', 'the cloud URL must start with https:// (or http:// for a local server)', {
      field: 'url',
    });
  }
  if (u.username || u.password)
    throw new AppError('VALIDATION_ERROR', 'the cloud URL must not contain a user name or password', { field: 'url' });
  if (u.search || u.hash)
    throw new AppError('VALIDATION_ERROR', 'the cloud URL must not contain ? or #', { field: 'url' });
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}
