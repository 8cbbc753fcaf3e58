import Handlebars from 'handlebars';

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];
import { TemplateError, toTemplateError } from './errors';
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
    const options = args[args.length - 1] as Options | undefined;
    // A block's body is checked each time it renders: an each over a huge array stops on time too.
    const block = options?.fn;
    if (block) {
      options.fn = Object.assign((context: unknown, o?: { data?: unknown; blockParams?: unknown[] }) => {
        checkTime(s);
        return block(context, o);
      }, block);
    }
    let out: unknown;
    try {
      out = fn.apply(this, args);
    } catch (e) {
      throw toTemplateError(e, options?.loc?.start.line);
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

/**
 * How big a template Handlebars is given. Its parser and code generator slow down steeply
 * with the number of tags and the nesting of blocks (thousands of tags take seconds, a few
 * thousand nested blocks minutes, then overflow the stack), and a template compiles on the
 * serving thread: past these bounds it is refused, before Handlebars sees it. Text between
 * tags costs next to nothing, so a large JSON body with a few tags is fine.
 */
export const TEMPLATE_SHAPE_LIMITS = Object.freeze({ tags: 1000, blockDepth: 50, parenDepth: 50 });

/** Throws TemplateError when `source` has more tags, or deeper blocks or subexpressions, than TEMPLATE_SHAPE_LIMITS allows. */
function checkShape(source: string): void {
  const { tags, blockDepth, parenDepth } = TEMPLATE_SHAPE_LIMITS;
  let count = 0;
  let depth = 0;
  let line = 1;
  let lineAt = 0;
  for (let at = source.indexOf('{{'); at >= 0; at = source.indexOf('{{', at + 2)) {
    for (let i = source.indexOf('\n', lineAt); i >= 0 && i < at; i = source.indexOf('\n', i + 1)) line++;
    lineAt = at;
    if (++count > tags) {
      throw new TemplateError(
        `the template has more than ${tags} {{…}} tags: split the response, or use repeat or each`,
        line,
      );
    }
    const end = source.indexOf('}}', at + 2);
    const tag = source.slice(at + 2, end < 0 ? source.length : end);
    const kind = /^\{?~?\s*([#^/])/.exec(tag)?.[1];
    if (kind === '/') depth = Math.max(0, depth - 1);
    else if (kind === '#' || (kind === '^' && !/^\{?~?\s*\^\s*~?$/.test(tag))) {
      if (++depth > blockDepth) {
        throw new TemplateError(`blocks are nested more than ${blockDepth} deep: flatten the template`, line);
      }
    }
    let parens = 0;
    for (let i = 0; i < tag.length; i++) {
      const c = tag.charCodeAt(i);
      if (c === 40 && ++parens > parenDepth) {
        throw new TemplateError(`subexpressions are nested more than ${parenDepth} deep: simplify the tag`, line);
      } else if (c === 41) parens--;
    }
  }
}

/** A compiled template: parsed now (a syntax error throws here, with its line), compiled to code on first render. */
export function compileTemplate(source: string): Handlebars.TemplateDelegate {
  checkShape(source);
  try {
    // What hbs.compile does on its first call (compiler.js compileInput), done now: a template
    // that cannot compile fails here, and the template object is ours to set up once.
    const options = { ...COMPILE_OPTIONS, data: true };
    const ast = hbs.parse(source);
    const environment = new internals.Compiler().compile(ast, options);
    const spec = new internals.JavaScriptCompiler().compile(environment, options, undefined, true);
    return setUpOnce(hbs.template(spec) as SettableTemplate);
  } catch (e) {
    throw toTemplateError(e);
  }
}

/** The parts of Handlebars' environment its type declarations leave out. */
interface HandlebarsInternals {
  Compiler: new () => { compile(ast: hbs.AST.Program, options: object): unknown };
  JavaScriptCompiler: new () => {
    compile(environment: unknown, options: object, context: undefined, asObject: true): TemplateSpecification;
  };
}
const internals = hbs as unknown as HandlebarsInternals;

type SettableTemplate = Handlebars.TemplateDelegate & { _setup(options: object): void };

/**
 * Handlebars sets a template up again on every render: it copies every registered helper
 * (about 75 here) into a new object, wrapping each in a new closure, and rebuilds the
 * prototype-access rules — half the cost of rendering a small template. Every render here
 * passes the same runtime options (RUNTIME_OPTIONS: no per-render helpers, partials or
 * decorators) and the helpers never change after start-up, so the first set-up is the
 * set-up of every render.
 */
function setUpOnce(template: SettableTemplate): SettableTemplate {
  const setup = template._setup.bind(template);
  let done = false;
  template._setup = (options: object) => {
    if (done) return;
    setup(options);
    done = true;
  };
  return template;
}
