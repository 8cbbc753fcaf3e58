import { valueAtPath } from '../paths';
import { baseUrl, cookies, firstHeader, hostname, templateBody, templateBodyText } from '../request-data';
import { scope } from '../scope';
import { fromSafe, params, safe, toJson, type HelperFn } from './common';

/** A path argument: numbers allowed (`{{body 0}}`), as Mockoon converts them. */
const pathArg = (v: unknown): string => String(fromSafe(v) ?? '');

/**
 * Request helpers (Mockoon's request-helpers): what the request sent, read at the path
 * given (object-path or JSONPath, paths.ts), or the default value given after it. `body`
 * and `queryParam` print objects and arrays as JSON; their Raw twins hand the value itself
 * to other helpers (each, len…).
 */
export const requestHelpers: Record<string, HelperFn> = {
  body(...args) {
    const p = params(args);
    const path = pathArg(p[0]);
    const defaultValue = fromSafe(p[1]) ?? '';
    const stringify = p[2] ?? false;
    const s = scope();
    if (path === '') return safe(templateBodyText(s));
    const body = templateBody(s);
    const value = valueAtPath(body ? body : defaultValue, path, defaultValue);
    return Array.isArray(value) || typeof value === 'object' || stringify ? safe(toJson(value)) : safe(value);
  },
  bodyRaw(...args) {
    const p = params(args);
    const path = pathArg(p[0]);
    const defaultValue = fromSafe(p[1]) ?? '';
    const body = templateBody(scope());
    if (!body) return defaultValue;
    return valueAtPath(body, path, defaultValue);
  },
  urlParam(name) {
    const key = String(fromSafe(name));
    const p = scope().params;
    return Object.hasOwn(p, key) ? p[key] : undefined;
  },
  queryParam(...args) {
    const p = params(args);
    const path = pathArg(p[0]);
    const defaultValue = fromSafe(p[1]) ?? '';
    const stringify = p[2] ?? false;
    const value = valueAtPath(scope().req.query, path, defaultValue);
    return Array.isArray(value) || typeof value === 'object' || stringify ? safe(toJson(value)) : safe(value);
  },
  queryParamRaw(...args) {
    const p = params(args);
    const path = pathArg(p[0]);
    const defaultValue = fromSafe(p[1]) ?? '';
    return valueAtPath(scope().req.query, path, defaultValue);
  },
  header(name, defaultValue) {
    const fallback = typeof defaultValue === 'object' ? '' : defaultValue;
    if (typeof name === 'object') return fallback;
    return firstHeader(scope().req, String(name)) || fallback;
  },
  cookie(key, defaultValue) {
    const fallback = typeof defaultValue === 'object' ? '' : defaultValue;
    return cookies(scope().req).get(String(fromSafe(key))) || fallback;
  },
  method: () => scope().req.method.toUpperCase(),
  baseUrl: () => baseUrl(scope().req, scope().project.slug),
  hostname: () => hostname(scope().req),
  ip: () => scope().req.ip ?? '',
};
