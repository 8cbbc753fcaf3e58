/**
 * Reading values out of a parsed document (JSON or YAML, untrusted, any shape) without
 * casts: each reader checks what it needs and treats anything else as absent.
 */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? (v as unknown[]) : [];
}
