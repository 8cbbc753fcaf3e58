import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProject, createPipeline, executeRequest } from '../../../main/core/engine';
import { createTemplateRenderer, TEMPLATE_HELPERS } from '../../../main/core/engine/templating';
import { mock, project, request, response, seeded } from '../engine/fixtures';

/**
 * Arbitrary template strings never crash or hang the server: whatever a response body or
 * header holds, executeRequest answers (200 with the render, or 500 TEMPLATE_ERROR) within
 * the render's time limit, and the next request is answered too. The strings are built from
 * the pieces templates are made of (every helper name, tags, blocks, literals, paths, odd
 * characters), so most of them reach the helpers instead of stopping at the parser.
 * Reproducible: TEMPLATE_FUZZ_SEED, TEMPLATE_FUZZ_RUNS.
 */
const SEED = Number(process.env.TEMPLATE_FUZZ_SEED ?? 11);
const RUNS = Number(process.env.TEMPLATE_FUZZ_RUNS ?? 300);

const helperName = fc.constantFrom(
  ...TEMPLATE_HELPERS.map((h) => h.name),
  'constructor',
  '__proto__',
  'this',
  '@index',
  '../x',
);
const literal = fc.oneof(
  fc.integer({ min: -5, max: 1_000_000_000 }).map(String),
  fc.constantFrom(
    "'id'",
    "'user.name'",
    "'$..*'",
    "'$.items[?(@.a > 1)]'",
    "'person.firstName'",
    "'string.alpha'",
    "'{min: 1, max: 9}'",
    'true',
    'null',
    "'__proto__'",
    "'constructor.constructor'",
    "'yyyy-MM-dd'",
    "'bucket'",
  ),
  fc.string({ maxLength: 6 }).map((s) => `'${s.replace(/'/g, '')}'`),
);
const args = fc.array(
  fc.oneof(
    literal,
    helperName.map((h) => `(${h} ${"'x'"})`),
  ),
  { maxLength: 4 },
);
const mustache = fc.tuple(helperName, args).map(([h, a]) => `{{${[h, ...a].join(' ')}}}`);
const block = fc
  .tuple(helperName, args, fc.string({ maxLength: 8 }))
  .map(([h, a, inner]) => `{{#${[h, ...a].join(' ')}}}${inner}{{/${h}}}`);
const junk = fc.constantFrom(
  '{{',
  '}}',
  '{{{',
  '}}}',
  '{{#',
  '{{/',
  '{{else}}',
  '{{!--',
  '--}}',
  '(',
  ')',
  '"',
  "'",
  '\\',
  '\n',
  '=',
  '@root',
  '|x|',
  ' as ',
);
const template = fc
  .array(fc.oneof(mustache, block, junk, fc.string({ maxLength: 10 })), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('arbitrary template strings', () => {
  it('never crash or hang executeRequest: each is answered, 200 or TEMPLATE_ERROR', () => {
    const pipeline = createPipeline({
      compileRenderer: createTemplateRenderer({ timeMs: 200, workChars: 2_000_000, outputChars: 500_000 }),
    });
    const m = mock({ path: '/items/{id}' });
    const body = JSON.stringify({ user: { name: 'Ann' }, items: [{ a: 1 }, { a: 2 }] });
    fc.assert(
      fc.property(template, template, (tpl, headerTpl) => {
        const r = response(m.id, { body: tpl, headers: { 'X-T': headerTpl.replace(/[\r\n]/g, ' ') } });
        const c = compileProject(
          { project: project({ templatingSeed: 3 }), mocks: [m], responses: [r] },
          undefined,
          pipeline,
        );
        const req = request({
          method: 'GET',
          path: '/items/7',
          headers: { 'content-type': 'application/json', host: 'h' },
          query: { q: 'x' },
          rawBody: Buffer.from(body),
        });
        for (let i = 0; i < 2; i++) {
          const res = executeRequest(c, req, { random: seeded(i) });
          expect(res.pending).toBeNull();
          if (res.status === 500) expect(res.errorCode).toBe('TEMPLATE_ERROR');
          else expect(res.status).toBe(200);
          expect(typeof res.body).toBe('string');
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
