import type { Faker } from '@faker-js/faker';
import { scope } from '../scope';
import { fromSafe, params, safe, toJson, type HelperFn } from './common';

/** Mockoon's RandomInt(a, b): an integer between a and b inclusive, in either order; drawn from the project's faker, so a seed fixes it. */
export function randomInt(faker: Faker, a: number, b: number): number {
  const lower = Math.ceil(Math.min(a, b));
  const upper = Math.floor(Math.max(a, b));
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) return NaN;
  return lower > upper ? lower : faker.number.int({ min: lower, max: upper });
}

/**
 * Random values (Mockoon's int, float, boolean, uuid, objectId, oneOf, someOf). They draw
 * from the project's faker (faker.ts), so a project with a templatingSeed gets the same
 * sequence after every restart.
 */
export const randomHelpers: Record<string, HelperFn> = {
  int(...args) {
    const options: { min?: number; max?: number } = {};
    if (args.length >= 2 && typeof args[0] === 'number') options.min = args[0];
    if (args.length >= 3 && typeof args[1] === 'number') options.max = args[1];
    return scope().faker.number.int(options);
  },
  float(...args) {
    const options: { min?: number; max?: number } = {};
    if (args.length >= 2 && typeof args[0] === 'number') options.min = args[0];
    if (args.length >= 3 && typeof args[1] === 'number') options.max = args[1];
    return scope().faker.number.float(options);
  },
  boolean: () => scope().faker.datatype.boolean(),
  uuid: () => scope().faker.string.uuid(),
  objectId: () => scope().faker.database.mongodbObjectId(),
  oneOf(...args) {
    const p = params(args);
    if (p.length === 0) return '';
    let items: unknown[];
    let stringify: unknown = false;
    if (Array.isArray(p[0])) {
      items = p[0] as unknown[];
      if (p.length >= 2) stringify = p[1];
    } else items = p;
    const picked = items[randomInt(scope().faker, 0, items.length - 1)];
    return stringify ? safe(toJson(picked)) : picked;
  },
  someOf(itemList, min, max, stringify) {
    if (!Array.isArray(itemList)) return '';
    const faker = scope().faker;
    // A copy: Mockoon shuffles the array it was given, which would change a data bucket's value.
    const shuffled = faker.helpers.shuffle([...(itemList as unknown[])]);
    const picked = shuffled.slice(0, randomInt(faker, Number(fromSafe(min)), Number(fromSafe(max))));
    return stringify === true ? toJson(picked) : picked;
  },
};
