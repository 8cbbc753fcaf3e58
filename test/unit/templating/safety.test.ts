import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRuntime } from '../../../main/core/engine';
import { DEFAULT_TEMPLATE_LIMITS, TemplateError } from '../../../main/core/engine/templating';
import { render } from './render-helper';

const pwned = () => (globalThis as { __pwned?: unknown }).__pwned;
afterEach(() => {
  delete (globalThis as { __pwned?: unknown }).__pwned;
});

function failure(fn: () => unknown): TemplateError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error('expected a TemplateError');
}

describe('no prototype access from a template', () => {
  it.each([
    '{{constructor.constructor}}',
    '{{this.constructor.constructor}}',
    "{{lookup this 'constructor'}}",
    "{{lookup (lookup this 'constructor') 'constructor'}}",
    "{{#with 'text'}}{{constructor.name}}{{/with}}",
    '{{#with (bodyRaw)}}{{constructor.name}}{{__proto__}}{{/with}}',
    "{{#with (jsonParse '{}')}}{{constructor}}{{__defineGetter__}}{{/with}}",
    "{{body '__proto__'}}{{body 'constructor.name'}}{{body '$..constructor'}}{{queryParam 'constructor'}}",
    "{{urlParam '__proto__'}}{{getGlobalVar 'x' '__proto__'}}",
  ])('%s reads nothing', (tpl) => {
    expect(render(tpl)).toBe('');
  });

  it('the classic Handlebars code-execution payload runs no code', () => {
    const payload = `{{#with "s" as |string|}}
  {{#with "e"}}
    {{#with split as |conslist|}}
      {{this.pop}}
      {{this.push (lookup string.sub "constructor")}}
      {{this.pop}}
      {{#with string.split as |codelist|}}
        {{this.pop}}
        {{this.push "globalThis.__pwned = 1;"}}
        {{this.pop}}
        {{#each conslist}}
          {{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}
        {{/each}}
      {{/with}}
    {{/with}}
  {{/with}}
{{/with}}`;
    try {
      render(payload);
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
    }
    expect(pwned()).toBeUndefined();
  });

  it("faker only calls faker's module methods: not Function through constructor", () => {
    expect(failure(() => render("{{faker 'constructor.constructor' 'globalThis.__pwned = 1'}}")).message).toMatch(
      /not a faker method/,
    );
    expect(failure(() => render("{{faker 'person.constructor'}}")).message).toMatch(/not a faker method/);
    expect(failure(() => render("{{faker 'helpers.fake' '{{string.alpha(5)}}'}}")).message).toMatch(
      /not a faker method/,
    );
    expect(pwned()).toBeUndefined();
  });

  it('a JSON body or jsonParse cannot pollute Object.prototype, and setVar ignores __proto__', () => {
    render('{{#with (jsonParse \'{"__proto__": {"polluted": 1}}\')}}{{polluted}}{{/with}}');
    render("{{setVar '__proto__' 'x'}}{{setGlobalVar '__proto__' 'x'}}", { runtime: createMemoryRuntime() });
    render("{{body '__proto__.polluted'}}", { request: { rawBody: Buffer.from('{"__proto__":{"polluted":1}}') } });
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('limits of one render', () => {
  it('cuts off a runaway repeat by time, with a TEMPLATE_ERROR-ready message', () => {
    const e = failure(() => render('{{#repeat 1000000000 comma=false}}{{/repeat}}', { limits: { timeMs: 50 } }));
    expect(e.message).toMatch(/longer than 50 ms/);
    expect(e.line).toBe(1);
  });

  it('cuts off a repeat that makes too much text, before it fills memory', () => {
    const e = failure(() => render('{{#repeat 100000000}}xxxxxxxxxx{{/repeat}}', { limits: { outputChars: 10_000 } }));
    expect(e.message).toMatch(/over the limit of 10000|more than/);
  });

  it("cuts off Handlebars' each over a huge array by time, between items", () => {
    const runtime = createMemoryRuntime({ big: new Array(3_000_000).fill(0) });
    const e = failure(() => render("{{#each (dataRaw 'big')}}{{/each}}", { runtime, limits: { timeMs: 30 } }));
    expect(e.message).toMatch(/longer than 30 ms/);
  });

  it('cuts off loops nested in loops by the work they produce', () => {
    const tpl =
      '{{#repeat 1000 comma=false}}{{#repeat 1000 comma=false}}{{#repeat 100 comma=false}}x{{/repeat}}{{/repeat}}{{/repeat}}';
    const e = failure(() => render(tpl, { limits: { workChars: 1_000_000, timeMs: 60_000 } }));
    expect(e.message).toMatch(/more than 1000000 characters/);
  });

  it('refuses a padStart longer than an output may be', () => {
    expect(failure(() => render("{{padStart 'x' 1000000000 'y'}}")).message).toMatch(/padStart would be 1000000000/);
  });

  it('caps the lengths faker is asked for', () => {
    expect(render("{{faker 'string.alpha' 100000000}}")).toHaveLength(DEFAULT_TEMPLATE_LIMITS.fakerSize);
    expect(render("{{faker 'string.alpha' length=100000000}}")).toHaveLength(DEFAULT_TEMPLATE_LIMITS.fakerSize);
    expect(render("{{faker 'lorem.words' 100000000}}").split(' ').length).toBeLessThanOrEqual(
      DEFAULT_TEMPLATE_LIMITS.fakerSize,
    );
  });

  it('refuses a rendered body over the output limit', () => {
    expect(
      failure(() => render("{{padStart '' 500 'a'}}{{padStart '' 600 'a'}}", { limits: { outputChars: 1000 } }))
        .message,
    ).toMatch(/1100 characters long, over the limit of 1000/);
  });

  it('refuses, before parsing, a template Handlebars would take seconds to compile', () => {
    const deep = '{{#if true}}'.repeat(20_000) + 'x' + '{{/if}}'.repeat(20_000);
    expect(failure(() => render(deep)).message).toMatch(/nested more than 50 deep/);
    expect(render('{{#if true}}'.repeat(50) + 'x' + '{{/if}}'.repeat(50))).toBe('x');
    const parens = '{{add ' + '(add '.repeat(60) + '1' + ')'.repeat(60) + '}}';
    expect(failure(() => render(parens)).message).toMatch(/subexpressions are nested more than 50 deep/);
    const many = "{{urlParam 'id'}}\n".repeat(1001);
    const e = failure(() => render(many));
    expect(e.message).toMatch(/more than 1000 \{\{…\}\} tags/);
    expect(e.line).toBe(1001);
    // Plain text costs nothing: a large static body with one tag is fine.
    expect(render('x'.repeat(1_000_000) + "{{urlParam 'id'}}")).toHaveLength(1_000_002);
  });
});
