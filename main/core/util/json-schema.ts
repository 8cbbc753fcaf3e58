import Ajv from 'ajv';
import type { RegExpEngine } from 'ajv/dist/types';
import { RE2JS } from 're2js';
import { jsonSchemaProblem, MAX_REGEX_INPUT, MAX_REGEX_PROGRAM, REGEX_BUDGET } from '../../../shared/models';

/**
 * valid_json_schema conditions: the schema (the condition's value) is compiled by ajv once,
 * when the project is compiled; a request only runs the compiled validator.
 *
 * Bounded work (docs/security.md, item 2): the schema is at most MAX_JSON_SCHEMA_LENGTH
 * characters; its `pattern`s run on re2js (linear time, the same program-size limit as regex
 * conditions, the first MAX_REGEX_INPUT characters, and one validation's patterns share
 * REGEX_BUDGET steps as a request's regex conditions do: a pattern tested after it is spent
 * does not match) instead of JavaScript's backtracking RegExp; a validation that throws (a
 * recursive $ref over a deeply nested value) is "not valid"; `uniqueItems`, whose check is
 * quadratic in an array's length, is refused; remote
 * `$ref`s are never fetched; `format` is not checked (ajv ships no formats).
 */
const re2Engine: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    const re = RE2JS.compile(pattern, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
    if (re.programSize() > MAX_REGEX_PROGRAM) {
      throw new Error(
        `pattern "${pattern}" is too complex (${re.programSize()} steps, the limit is ${MAX_REGEX_PROGRAM})`,
      );
    }
    const size = Math.max(1, re.programSize());
    return {
      // ajv caches patterns by this string: without it every pattern would share one key.
      toString: () => `/${pattern}/${flags}`,
      test(s: string) {
        const text = s.length > MAX_REGEX_INPUT ? s.slice(0, MAX_REGEX_INPUT) : s;
        budget -= text.length * size;
        return budget >= 0 && re.test(text);
      },
    };
  },
  { code: 're2js' },
);

/** What is left of the running validation's regex work; validations are synchronous, so one counter serves all. */
let budget = REGEX_BUDGET;

let ajv: Ajv | undefined;
const instance = (): Ajv =>
  (ajv ??= new Ajv({ strict: false, validateFormats: false, allErrors: false, code: { regExp: re2Engine } }));

export type JsonValidator = (value: unknown) => boolean;

/** Compiles a schema, or throws an Error that says what is wrong with it and how to fix it. */
export function compileJsonSchema(text: string): JsonValidator {
  const problem = jsonSchemaProblem(text);
  if (problem) throw new Error(problem);
  const schema = JSON.parse(text) as object | boolean;
  if (text.includes('"uniqueItems"')) {
    throw new Error(
      'JSON schema uses uniqueItems, which MockDeck does not check (its cost grows with the square of an array): remove it',
    );
  }
  try {
    const validate = instance().compile(schema);
    return (value) => {
      budget = REGEX_BUDGET;
      try {
        return validate(value) === true;
      } catch {
        return false;
      }
    };
  } catch (e) {
    throw new Error(`JSON schema cannot be compiled: ${(e as Error).message}`, { cause: e });
  }
}

/** Why a schema cannot be used, or undefined: for the services, which refuse it before it is saved. */
export function jsonSchemaCompileProblem(text: string): string | undefined {
  try {
    compileJsonSchema(text);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
