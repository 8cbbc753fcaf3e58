/**
 * A template that cannot be compiled or rendered: a syntax error, a helper given what it
 * cannot use (an unknown faker method), or a render cut off by its limits. `line` is the
 * template line where it went wrong, when known.
 */
export class TemplateError extends Error {
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(message);
    this.name = 'TemplateError';
    this.line = line;
  }
}

/**
 * Any failure of Handlebars or a helper as a TemplateError with the line it happened on:
 * Handlebars' parse errors say "Parse error on line N" (and its compile errors carry
 * lineNumber); a helper's error takes the line of the call (`line`).
 */
export function toTemplateError(e: unknown, line?: number): TemplateError {
  if (e instanceof TemplateError)
    return e.line === undefined && line !== undefined ? new TemplateError(e.message, line) : e;
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return new TemplateError('the template is nested too deeply to render: flatten its blocks', line);
  }
  const message = e instanceof Error ? e.message : String(e);
  const parsed = /line (\d+)/i.exec(message);
  const lineNumber = (e as { lineNumber?: unknown } | null)?.lineNumber;
  const at = line ?? (typeof lineNumber === 'number' ? lineNumber : parsed ? Number(parsed[1]) : undefined);
  // Handlebars' parse errors span lines (the source excerpt and a caret): one line reads better in JSON.
  const oneLine = message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^-*\^$/.test(l))
    .join(' ')
    // Handlebars lists every token it would accept; the first few say enough.
    .replace(/Expecting ((?:'[^']*', ){3})(?:'[^']*', )*('[^']*'), got/, 'Expecting $1… $2, got');
  return new TemplateError(oneLine, at);
}

/** "line 3: …" when the line is known. */
export const describeTemplateError = (e: TemplateError): string =>
  e.line === undefined || e.message.includes(`line ${e.line}`) ? e.message : `line ${e.line}: ${e.message}`;
