import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_JSON_DEPTH, jsonTooDeepAt } from '../../../../shared/wire/json-limits';
import { AppError } from '../../util/errors';
import { rejectLoneSurrogates } from './lone-surrogate';

/** Big enough for a batch-create of a large project; the per-field limits still apply. */
export const MANAGEMENT_BODY_LIMIT = 32 * 1024 * 1024;

/**
 * Replaces whatever parsers the parent instance has (the execution routes keep raw bodies)
 * with one that reads every body as JSON, whatever its Content-Type: `curl -d` sends
 * application/x-www-form-urlencoded by default and users should not have to know that.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MANAGEMENT_BODY_LIMIT }, parseJsonBody);
}

function parseJsonBody(
  _req: FastifyRequest,
  raw: string | Buffer,
  done: (err: Error | null, body?: unknown) => void,
): void {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8');
  if (text.trim() === '') return done(null, undefined);
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch (e) {
    const detail = e instanceof SyntaxError ? e.message : 'unreadable';
    return done(
      new AppError('VALIDATION_ERROR', `request body is not valid JSON: ${detail}`, {
        hint: 'send a JSON object, e.g. -H "Content-Type: application/json" -d \'{"name":"My API"}\'',
      }),
    );
  }
  // Before any handler walks it recursively (zod, JSON.stringify): V8 parses any depth, but
  // a few KB nested 5,000 levels deep would overflow the stack later, as a 500.
  const deepAt = jsonTooDeepAt(body);
  if (deepAt !== undefined) {
    return done(
      new AppError('VALIDATION_ERROR', `request body nests deeper than ${MAX_JSON_DEPTH} levels (at ${deepAt})`, {
        field: deepAt,
        hint: `flatten the JSON: objects and arrays may nest at most ${MAX_JSON_DEPTH} levels`,
      }),
    );
  }
  try {
    rejectLoneSurrogates(text, body);
  } catch (e) {
    return done(e as Error);
  }
  done(null, body);
}

/** The parsed body as the catalog expects it: a missing body is an empty object. */
export function bodyOf(req: FastifyRequest): unknown {
  const body = req.body;
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError(
      'VALIDATION_ERROR',
      `request body must be a JSON object, got ${Array.isArray(body) ? 'an array' : `a ${typeof body}`}`,
      {
        hint: 'send the fields as an object, e.g. {"name":"My API"}',
      },
    );
  }
  return body;
}
