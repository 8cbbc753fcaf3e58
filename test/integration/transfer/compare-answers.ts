/**
 * Comparing what Mockoon and MockDeck answer to the same request: status, content type, and
 * the body — exactly, or, when the response is a template that draws random values (faker,
 * uuid, dates), the same JSON shape (same keys and value types at every depth).
 */

export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

export async function ask(url: string, method: string, body?: string): Promise<Answer> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(15_000),
  });
  return {
    status: res.status,
    contentType: (res.headers.get('content-type') ?? '').toLowerCase().replace(/\s+/g, ''),
    body: await res.text(),
  };
}

/** Why two answers differ, or null when they agree. `templated`: compare JSON bodies by shape. */
export function difference(mockoon: Answer, mockdeck: Answer, templated: boolean): string | null {
  if (mockoon.status !== mockdeck.status) return `status ${mockoon.status} vs ${mockdeck.status}`;
  if (mockoon.contentType !== mockdeck.contentType) {
    return `content type ${mockoon.contentType || '(none)'} vs ${mockdeck.contentType || '(none)'}`;
  }
  if (mockoon.body === mockdeck.body) return null;
  if (!templated) return `body differs: ${excerpt(mockoon.body)} vs ${excerpt(mockdeck.body)}`;
  const a = parse(mockoon.body);
  const b = parse(mockdeck.body);
  if (a === undefined || b === undefined) {
    return a === b
      ? null
      : `body: ${a === undefined ? 'Mockoon' : 'MockDeck'} sent no JSON: ${excerpt(mockoon.body)} vs ${excerpt(mockdeck.body)}`;
  }
  return shapeDifference(a.value, b.value, '$');
}

function parse(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Same keys and kinds; arrays agree on their first elements' shape (lengths may be random). */
export function shapeDifference(a: unknown, b: unknown, at: string): string | null {
  if (kind(a) !== kind(b)) return `${at}: ${kind(a)} vs ${kind(b)}`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length === 0 || b.length === 0) return null;
    return shapeDifference(a[0], b[0], `${at}[0]`);
  }
  if (kind(a) === 'object') {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const ak = Object.keys(ao).sort();
    const bk = Object.keys(bo).sort();
    if (ak.join() !== bk.join()) return `${at}: keys ${ak.join(',')} vs ${bk.join(',')}`;
    for (const k of ak) {
      const d = shapeDifference(ao[k], bo[k], `${at}.${k}`);
      if (d) return d;
    }
  }
  return null;
}

const excerpt = (s: string): string => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
