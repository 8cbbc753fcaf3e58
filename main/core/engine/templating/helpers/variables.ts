import { valueAtPath } from '../paths';
import { scope } from '../scope';
import { fromSafe, optionsOf, params, safe, toJson, type HelperFn } from './common';

/** A variable name: a string, so `setVar` cannot write a data frame's odd keys (`__proto__`). */
const varName = (v: unknown): string | undefined => {
  const name = fromSafe(v);
  if (typeof name !== 'string' && typeof name !== 'number') return undefined;
  const key = String(name);
  return key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : key;
};

/**
 * Variables: setVar/getVar live in the render's data frame (`{{@name}}` reads them too),
 * as in Mockoon; setGlobalVar/getGlobalVar in the project's runtime, kept between requests
 * until the server stops. data/dataRaw read a data bucket's current value.
 */
export const variableHelpers: Record<string, HelperFn> = {
  setVar(...args) {
    if (args.length < 3) return undefined;
    const options = optionsOf(args);
    const name = varName(args[0]);
    if (name === undefined) return undefined;
    options.data ??= {};
    options.data[name] = fromSafe(args[1]);
    return undefined;
  },
  getVar(...args) {
    if (args.length < 2) return undefined;
    const options = optionsOf(args);
    const name = varName(args[0]);
    if (name === undefined || !options.data || !Object.hasOwn(options.data, name)) return undefined;
    return options.data[name];
  },
  setGlobalVar(...args) {
    const p = params(args);
    if (p.length < 2) return undefined;
    const name = varName(p[0]);
    if (name !== undefined) scope().runtime.globals.set(name, fromSafe(p[1]));
    return undefined;
  },
  getGlobalVar(...args) {
    const p = params(args);
    if (p.length < 1) return undefined;
    const name = varName(p[0]);
    const globals = scope().runtime.globals;
    const defaultValue = fromSafe(p[2]) ?? '';
    if (name === undefined || !globals.has(name)) return defaultValue;
    return valueAtPath(globals.get(name), fromSafe(p[1]), defaultValue);
  },
  data(...args) {
    const p = params(args);
    if (p.length < 1) return undefined;
    const value = bucketValue(p[0], p[1]);
    if (value === NO_BUCKET) return undefined;
    return Array.isArray(value) || typeof value === 'object' ? safe(toJson(value)) : safe(value);
  },
  dataRaw(...args) {
    const p = params(args);
    if (p.length < 1) return undefined;
    const value = bucketValue(p[0], p[1]);
    return value === NO_BUCKET ? undefined : value;
  },
};

const NO_BUCKET = Symbol('no bucket');

function bucketValue(nameOrId: unknown, path: unknown): unknown {
  const value = scope().runtime.bucket(String(fromSafe(nameOrId)));
  if (value === undefined) return NO_BUCKET;
  return valueAtPath(value, fromSafe(path), '');
}
