import fc from 'fast-check';
import { CONDITION_OPERATORS, CONDITION_TYPES } from '../../../shared/models';

/**
 * Generators of what an attacker or a careless client sends: names every JavaScript object
 * inherits, percent-encodings that decode to nothing valid, lone surrogates, deep and big
 * JSON. Every generator yields what an HTTP client can put on the wire (the fuzz suite
 * tests the server, not Node's client-side checks).
 */

/** Names a plain object inherits, and other names that mean something to JavaScript or to us. */
export const PROTO_NAMES = [
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
  'then',
  'length',
] as const;

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** One unit of hostile text: any code point, a lone surrogate, a control character, or a special one. */
const hostileUnit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: loneSurrogate },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '\u0000',
      '\n',
      '\r',
      '\t',
      '\u2028',
      '\uFEFF',
      '\u202E',
      '"',
      '\\',
      '%',
      '/',
      '.',
      '{',
      '}',
      '[',
      ']',
      '=',
      '&',
      '?',
      '#',
      '+',
      ' ',
    ),
  },
);

/** Text as hostile as JSON can carry it. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: hostileUnit, maxLength: 24 }) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTO_NAMES) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '..',
      '.',
      'null',
      'undefined',
      'NaN',
      '-1',
      '1e20',
      '0x10',
      '$',
      '*',
      '(a+)+$',
      '(?<=a)b',
      '[',
      '\\',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => 'a'.repeat(n)) },
);

/** Raw (already escaped) URL text: sequences that decode to invalid UTF-8, or not at all. */
const rawEscapes = fc.constantFrom(
  '%',
  '%%',
  '%zz',
  '%00',
  '%2F',
  '%2e%2e',
  '%ED%A0%80',
  '%FF',
  '%C0%AF',
  '%E0%A4%A',
  '%F4%90%80%80',
  '%EF%BF%BD',
  ';',
  ',',
  '~',
  '!',
);

/** Percent-encodes every byte of the UTF-8 text that is not unreserved (a lone surrogate becomes U+FFFD's bytes). */
export function percentEncode(text: string): string {
  let out = '';
  for (const b of Buffer.from(text, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** One path segment as it goes on the wire. */
export const pathSegment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileText.map(percentEncode) },
  { weight: 1, arbitrary: rawEscapes },
  { weight: 1, arbitrary: fc.tuple(rawEscapes, hostileText.map(percentEncode)).map(([a, b]) => a + b) },
);

/** A query string (without "?"): repeated keys, prototype names, bracket keys, broken escapes. */
export const queryString: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(...PROTO_NAMES, 'a[b]', 'a[]', 'a.b', 'page', 'limit', 'search', 'q'),
        hostileText.map(percentEncode),
        rawEscapes,
      ),
      fc.option(fc.oneof(hostileText.map(percentEncode), rawEscapes), { nil: undefined }),
    ),
    { maxLength: 6 },
  )
  .map((pairs) => pairs.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join('&'));

/** Headers a client may send; never ones that change how the request is framed. */
const FRAMING = new Set([
  'content-length',
  'transfer-encoding',
  'host',
  'connection',
  'expect',
  'upgrade',
  'te',
  'trailer',
  'keep-alive',
]);
const tokenChar = fc.constantFrom(
  ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~".split(''),
);
const headerName = fc
  .oneof(
    fc.constantFrom(...PROTO_NAMES, 'x-role', 'content-type', 'authorization', 'cookie', 'x-forwarded-for', 'origin'),
    fc.string({ unit: tokenChar, minLength: 1, maxLength: 20 }),
  )
  .filter((n) => !FRAMING.has(n.toLowerCase()));
// Node's client (and RFC 9110) allow tab, visible ASCII and obs-text in a field value.
const valueChar = fc
  .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(0x09))
  .map((c) => String.fromCharCode(c));
// A few long values, so that some requests pass the 16 KiB header limit (431) and most do not.
const headerValue = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: valueChar, maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...PROTO_NAMES) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 6_000 }).map((n) => 'v'.repeat(n)) },
);
export const headers: fc.Arbitrary<[string, string][]> = fc.array(fc.tuple(headerName, headerValue), { maxLength: 5 });

/** JSON text nested `depth` levels deep, of arrays or objects, around `leaf`. */
export const deepJson = (depth: number, objects: boolean, leaf = '"x"'): string =>
  objects ? '{"a":'.repeat(depth) + leaf + '}'.repeat(depth) : '['.repeat(depth) + leaf + ']'.repeat(depth);

/** Any JSON value, with hostile strings and keys (JSON.stringify escapes lone surrogates as \udxxx). */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: hostileText },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...PROTO_NAMES), hostileText), hostileText, { maxKeys: 4 }),
  },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, 1e20, -1, 0, -0, 1.5, 2 ** 53 + 1, true, null, [], {}) },
);

/** JSON bodies as text: hostile values, deep nesting, big ones, objects with __proto__ keys. */
export const jsonBodyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileJsonValue.map((v) => JSON.stringify(v) ?? 'null') },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 50_000 }), fc.boolean())
      .map(([d, o]) => `{"data":${deepJson(d, o)}}`),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 10_000, max: 1_000_000 }).map((n) => JSON.stringify({ data: 'x'.repeat(n) })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"__proto__":{"data":"x"},"constructor":{"prototype":{"data":"y"}}}',
      '{"data":"\\ud800"}',
      '{"a":',
      '',
      'null',
      '[]',
      '"str"',
      '\uFEFF{}',
      '{"data":1}{"data":2}',
    ),
  },
);

/** A request body as bytes with the Content-Type it claims. */
export const body: fc.Arbitrary<{ contentType: string | undefined; bytes: Buffer }> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      contentType: fc.constantFrom(
        'application/json',
        'application/vnd.api+json',
        'application/json; charset=utf-16',
        undefined,
        'text/plain',
      ),
      bytes: jsonBodyText.map((t) => Buffer.from(t, 'utf8')),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      contentType: fc.constant('application/x-www-form-urlencoded'),
      bytes: queryString.map((q) => Buffer.from(q, 'latin1')),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      contentType: fc.constantFrom(
        'application/octet-stream',
        'application/json',
        'multipart/form-data; boundary=x',
        undefined,
      ),
      // Bytes that are not UTF-8: a lone surrogate's encoding, 0xFF, a cut sequence.
      bytes: fc
        .uint8Array({ maxLength: 64 })
        .map((a) => Buffer.concat([Buffer.from([0xed, 0xa0, 0x80, 0xff, 0xe2, 0x82]), Buffer.from(a)])),
    }),
  },
);

/** A condition as a client could save it, hostile field names and values included. */
export const condition = fc.record({
  type: fc.oneof(fc.constantFrom(...CONDITION_TYPES), hostileText),
  field: fc.oneof(fc.constantFrom(...PROTO_NAMES, '$', 'data', 'a.b.0'), hostileText),
  operator: fc.oneof(fc.constantFrom(...CONDITION_OPERATORS), hostileText),
  value: hostileText,
});
