import { checkSize, scope } from '../scope';
import { fromSafe, optionsOf, params, safe, SafeString, type HelperFn } from './common';

const text = (v: unknown): string => String(fromSafe(v));

/** Mockoon's "object or undefined (but not a SafeString) counts as empty" rule of substr and includes. */
const textOrEmpty = (v: unknown): string =>
  (typeof v === 'object' || v === undefined) && !(v instanceof SafeString) ? '' : String(v);

function pad(end: boolean): HelperFn {
  return (...args) => {
    const p = params(args);
    if (p.length === 0) return '';
    const value = typeof p[0] !== 'string' ? String(p[0]) : p[0];
    const length = p.length >= 2 ? (typeof p[1] !== 'number' ? Number(p[1]) : p[1]) : 0;
    const padChar = p.length === 3 ? (typeof p[2] !== 'string' ? String(p[2]) : p[2]) : ' ';
    if (padChar !== '') checkSize(scope(), length, end ? 'padEnd' : 'padStart');
    return end ? value.padEnd(length, padChar) : value.padStart(length, padChar);
  };
}

/** Block or argument: `{{base64 'text'}}` or `{{#base64}}text{{/base64}}`. */
function blockOrArg(args: unknown[]): string {
  const options = optionsOf(args);
  return args.length === 1 ? (options.fn?.(options) ?? '') : String(args[0]);
}

/** Strings (Mockoon's string helpers). */
export const stringHelpers: Record<string, HelperFn> = {
  lowercase(...args) {
    const p = params(args);
    return p.length === 0 ? '' : text(p[0]).toLowerCase();
  },
  uppercase(...args) {
    const p = params(args);
    return p.length === 0 ? '' : text(p[0]).toUpperCase();
  },
  split(...args) {
    const p = params(args);
    if (p.length === 0) return '';
    const data = fromSafe(p[0]);
    const given = p.length >= 2 ? p[1] : undefined;
    const separator = given && typeof given === 'string' ? given : ' ';
    if (!data || typeof data !== 'string') return '';
    return data.split(separator);
  },
  join(arr, sep) {
    if (!Array.isArray(arr)) return arr;
    return arr.join(typeof sep !== 'string' ? ', ' : sep);
  },
  concat(...args) {
    const p = params(args);
    if (Array.isArray(p[0])) return p.reduce<unknown[]>((acc, item) => acc.concat(item), []);
    return p.reduce<string>((acc, item) => `${acc}${String(item)}`, '');
  },
  padStart: pad(false),
  padEnd: pad(true),
  substr(data, from, length) {
    const s = textOrEmpty(data);
    const start =
      (typeof from === 'object' || from === undefined) && !(from instanceof SafeString) ? 0 : Number(String(from));
    const len =
      (typeof length === 'object' || length === undefined) && !(length instanceof SafeString)
        ? undefined
        : Number(String(length));
    return len !== undefined ? s.substr(start, len) : s.substr(start);
  },
  includes: (data, search) => textOrEmpty(data).includes(textOrEmpty(search)),
  base64: (...args) => safe(Buffer.from(blockOrArg(args), 'utf-8').toString('base64')),
  base64Decode: (...args) => safe(Buffer.from(blockOrArg(args), 'base64').toString('utf-8')),
};
