export type Scope = 'read' | 'write' | 'admin';
export const SCOPES: { scope: Scope; help: string }[] = [
  { scope: 'read', help: 'read projects, deployments and usage' },
  { scope: 'write', help: 'also create, change and deploy' },
  { scope: 'admin', help: 'also manage tokens and the organization' },
];

export interface TokenForm {
  name: string;
  scopes: Scope[];
  /** yyyy-mm-dd from a date input, or '' for no expiry. */
  expires: string;
}

export function tokenFormErrors(
  f: TokenForm,
  now = new Date(),
): Partial<Record<'name' | 'scopes' | 'expires', string>> {
  const errors: Partial<Record<'name' | 'scopes' | 'expires', string>> = {};
  const name = f.name.trim();
  if (!name) errors.name = 'Name is required: say where the token is used, e.g. "GitHub Actions"';
  else if (name.length > 200) errors.name = 'Name can have at most 200 characters';
  if (f.scopes.length === 0) errors.scopes = 'Pick at least one scope';
  if (f.expires) {
    const at = expiryToIso(f.expires);
    if (!at) errors.expires = 'Enter a date like 2030-12-31';
    else if (Date.parse(at) <= now.getTime()) errors.expires = 'The expiry date must be in the future';
  }
  return errors;
}

/** A date picked in the UI means "valid through that day", so it expires at the day's end (UTC). */
export function expiryToIso(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const t = Date.parse(`${date}T23:59:59.000Z`);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

export function toggleScope(scopes: Scope[], scope: Scope, on: boolean): Scope[] {
  const next = on ? [...new Set([...scopes, scope])] : scopes.filter((s) => s !== scope);
  // Keep the order of SCOPES so the list reads the same however it was clicked.
  return SCOPES.map((s) => s.scope).filter((s) => next.includes(s));
}
