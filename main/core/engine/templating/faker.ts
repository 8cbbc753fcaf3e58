import type { Faker } from '@faker-js/faker';
// The English locale alone: the package's main entry loads every locale (~0.4 s at startup).
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import type { Project } from '../../../../shared/models';
import type { ProjectRuntime } from '../runtime';

type FakerClass = new (options: { locale: Faker['rawDefinitions']; seed?: number }) => Faker;
const FakerCtor = englishFaker.constructor as FakerClass;

/**
 * The faker a project's templates draw from. Without a seed every project shares one
 * unseeded faker. With `templatingSeed`, the project gets its own faker seeded once: the
 * same requests in the same order get the same fake data, from the server's start (or the
 * seed's last change) on. It lives as long as the project's runtime, so editing a mock does
 * not restart the sequence; changing the seed does.
 */
const seeded = new WeakMap<ProjectRuntime, { seed: number; faker: Faker }>();

export function fakerFor(project: Project, runtime: ProjectRuntime): Faker {
  const seed = project.templatingSeed;
  if (seed === null || seed === undefined) return englishFaker;
  const held = seeded.get(runtime);
  if (held && held.seed === seed) return held.faker;
  const faker = new FakerCtor({ locale: englishFaker.rawDefinitions, seed });
  seeded.set(runtime, { seed, faker });
  return faker;
}

/** A faker seeded with `seed`, not tied to any project (previews, tests). */
export const seededFaker = (seed: number): Faker => new FakerCtor({ locale: englishFaker.rawDefinitions, seed });

export { englishFaker };

/**
 * The faker methods a template may call, as `module.method`: the public methods of faker's
 * modules (person, string, date…), found once. Looking a template's name up here, never on
 * the faker object itself, is what keeps `{{faker 'constructor.constructor'}}` from reaching
 * Function. Methods that run a template or a pattern of their own (which would bypass the
 * size cap) or take functions are left out.
 */
const EXCLUDED = new Set([
  'helpers.fake',
  'helpers.mustache',
  'helpers.multiple',
  'helpers.maybe',
  'helpers.uniqueArray',
]);

export const FAKER_METHODS: ReadonlySet<string> = (() => {
  const names = new Set<string>();
  for (const moduleName of Object.keys(englishFaker)) {
    const mod: unknown = (englishFaker as unknown as Record<string, unknown>)[moduleName];
    if (mod === null || typeof mod !== 'object') continue;
    for (let proto = Object.getPrototypeOf(mod) as object | null; proto && proto !== Object.prototype;) {
      for (const method of Object.getOwnPropertyNames(proto)) {
        const name = `${moduleName}.${method}`;
        if (method === 'constructor' || method.startsWith('_') || EXCLUDED.has(name)) continue;
        if (typeof (proto as Record<string, unknown>)[method] === 'function') names.add(name);
      }
      proto = Object.getPrototypeOf(proto) as object | null;
    }
  }
  return names;
})();

/** Modules whose numeric arguments are lengths or counts: capped, so one call cannot make a huge string. */
export const SIZED_MODULES: ReadonlySet<string> = new Set([
  'string',
  'lorem',
  'word',
  'helpers',
  'datatype',
  'system',
  'internet',
]);
