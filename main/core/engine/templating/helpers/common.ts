import Handlebars from 'handlebars';

export const { SafeString } = Handlebars;
export type SafeStringType = Handlebars.SafeString;

/** What Handlebars passes a helper last: the block, the hash arguments, the data frame, where the call is. */
export interface Options {
  fn?: (context: unknown, options?: { data?: unknown; blockParams?: unknown[] }) => string;
  inverse?: (context: unknown, options?: { data?: unknown }) => string;
  hash: Record<string, unknown>;
  data?: Record<string, unknown> & { root?: unknown };
  loc?: { start: { line: number; column: number } };
  name?: string;
}

/** A helper as Handlebars calls it: its arguments, then the options. */
export type HelperFn = (this: unknown, ...args: unknown[]) => unknown;

/** The arguments without the trailing Handlebars options. */
export const params = (args: unknown[]): unknown[] => args.slice(0, -1);

export const optionsOf = (args: unknown[]): Options => args[args.length - 1] as Options;

/** A helper's output (SafeString) back to the string it holds; anything else as it is (Mockoon's fromSafeString). */
export const fromSafe = (v: unknown): unknown => (v instanceof SafeString ? v.toString() : v);

/** JSON as Mockoon writes it, with SafeStrings as their text. */
export const toJson = (v: unknown, indent?: number): string =>
  JSON.stringify(v, (_k, value: unknown) => (value instanceof SafeString ? value.toString() : value), indent) ??
  'undefined';

/** `value` with its text, as a value Handlebars prints unescaped (Mockoon's `new SafeString(value)`). */
export const safe = (value: unknown): SafeStringType => new SafeString(value as string);
