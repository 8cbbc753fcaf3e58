import Handlebars from 'handlebars';
import { toTemplateError } from './errors';
import { blockHelpers } from './helpers/blocks';
import { SafeString, type HelperFn, type Options } from './helpers/common';
import { dateHelpers } from './helpers/dates';
import { fakerHelpers } from './helpers/faker-helper';
import { logicHelpers } from './helpers/logic';
import { mathHelpers } from './helpers/math';
import { randomHelpers } from './helpers/random';
import { requestHelpers } from './helpers/request';
import { stringHelpers } from './helpers/strings';
import { variableHelpers } from './helpers/variables';
import { charge, checkTime, scope } from './scope';

/** Handlebars' own helpers MockDeck keeps (log is silenced: a template must not write to the app's output). */
const BUILT_IN = ['if', 'unless', 'each', 'with', 'lookup', 'log'] as const;

/** Hooks Handlebars calls for names that are not helpers; not helpers a template names. */
export const HOOKS = ['helperMissing', 'blockHelperMissing'] as const;

const OURS: Record<string, HelperFn> = {
  ...requestHelpers,
  ...fakerHelpers,
  ...randomHelpers,
  ...dateHelpers,
  ...mathHelpers,
  ...stringHelpers,
  ...logicHelpers,
  ...variableHelpers,
  ...blockHelpers,
};

/**
 * Every helper runs through this guard: it stops a render that ran out of time, counts the
 * characters the helper made against the render's work budget (so a loop inside a loop is
 * stopped by what it produces, not only by the clock), and gives a helper's failure the
 * template line of the call.
 */
function guarded(fn: HelperFn): HelperFn {
  return function (this: unknown, ...args: unknown[]) {
    const s = scope();
    checkTime(s);
    let out: unknown;
    try {
      out = fn.apply(this, args);
    } catch (e) {
      throw toTemplateError(e, (args[args.length - 1] as Options | undefined)?.loc?.start.line);
    }
    if (typeof out === 'string') charge(s, out.length);
    else if (out instanceof SafeString) charge(s, out.toString().length);
    return out;
  };
}

/**
 * MockDeck's own Handlebars environment (Handlebars.create(): the global one is left alone),
 * with Mockoon's helpers and Handlebars' built-ins, all guarded.
 */
export const hbs = Handlebars.create();

const builtIns = hbs.helpers as Record<string, HelperFn>;
for (const name of BUILT_IN) {
  const original = name === 'log' ? () => undefined : builtIns[name]!;
  hbs.registerHelper(name, guarded(original));
}
for (const [name, fn] of Object.entries(OURS)) hbs.registerHelper(name, guarded(fn));
// Mockoon's: a name that is neither a helper nor a value prints nothing.
hbs.registerHelper('helperMissing', () => '');

/** The helpers a template can call, by name (hooks excluded). */
export const REGISTERED_HELPERS: readonly string[] = Object.keys(hbs.helpers).filter(
  (n) => !(HOOKS as readonly string[]).includes(n),
);

/**
 * Compile-time options: Mockoon's defaults (HTML-escaping `{{…}}`, `{{{…}}}` raw). Runtime
 * options: no prototype access at all, not even what Handlebars allows by default, so
 * `{{constructor.constructor}}`, `{{lookup this '__proto__'}}` and the like read nothing.
 */
export const COMPILE_OPTIONS: CompileOptions = Object.freeze({
  noEscape: false,
  strict: false,
  knownHelpersOnly: false,
});

export const RUNTIME_OPTIONS = Object.freeze({
  allowProtoPropertiesByDefault: false,
  allowProtoMethodsByDefault: false,
  allowedProtoProperties: Object.freeze({}) as Record<string, boolean>,
  allowedProtoMethods: Object.freeze({}) as Record<string, boolean>,
  allowCallsToHelperMissing: false,
});

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

/** A compiled template: parsed now (a syntax error throws here, with its line), compiled to code on first render. */
export function compileTemplate(source: string): Handlebars.TemplateDelegate {
  try {
    const ast = hbs.parse(source);
    return hbs.compile(ast, COMPILE_OPTIONS);
  } catch (e) {
    throw toTemplateError(e);
  }
}
