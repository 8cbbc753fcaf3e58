import { redact } from '../../util/redact';

/** Fields whose value is a credential whatever it looks like: dropped from an export. */
const SECRET_KEY =
  /^(?:token|secret|password|password_hash|passwd|token_hash|api_key|apikey|private_key|client_secret|access_token|refresh_token|jwt|session_token|new_token)$/i;

export const REMOVED = '[removed by MockDeck: credential]';

/** Deeper than any real export; beyond it the branch is cut rather than walked forever. */
const MAX_DEPTH = 64;

export interface ScrubResult {
  value: unknown;
  /** How many values were removed or masked. */
  removed: number;
}

/**
 * Copies `value` without any credential: every string MockDeck holds as a secret (the session
 * JWT, an API token) is cut out wherever it appears, fields named like credentials are
 * replaced, and anything shaped like a token, JWT or bearer value is masked (util/redact).
 * The cloud's export is the user's data, but a file on disk outlives the session, and a
 * server that echoes a credential must not put it there.
 */
export function scrubSecrets(value: unknown, secrets: readonly string[]): ScrubResult {
  // Short strings would match innocent text; real secrets are long.
  const known = [...new Set(secrets.filter((s) => s.length >= 8))];
  let removed = 0;
  const cleanString = (s: string): string => {
    let out = s;
    for (const k of known) if (out.includes(k)) out = out.split(k).join('•••');
    out = redact(out);
    if (out !== s) removed++;
    return out;
  };
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return cleanString(v);
    if (v === null || typeof v !== 'object') return v;
    if (depth >= MAX_DEPTH) {
      removed++;
      return '[cut by MockDeck: nested too deeply]';
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (SECRET_KEY.test(k) && x !== null && x !== '') {
        removed++;
        out[cleanString(k)] = REMOVED;
      } else out[cleanString(k)] = walk(x, depth + 1);
    }
    return out;
  };
  return { value: walk(value, 0), removed };
}
