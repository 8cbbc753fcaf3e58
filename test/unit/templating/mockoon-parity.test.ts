import { TemplateParser } from '@mockoon/commons-server';
import { describe, expect, it } from 'vitest';
import { createMemoryRuntime } from '../../../main/core/engine';
import { render, sampleRequest } from './render-helper';

/**
 * The same templates through Mockoon's own engine (@mockoon/commons-server's TemplateParser,
 * given a request shaped as its Express request) and through MockDeck's: equal output for
 * every deterministic helper. Random helpers (faker, int, uuid…) are covered by the unit
 * tests instead: Mockoon draws from its own faker.
 */

const req = sampleRequest();
const bodyText = req.rawBody.toString('utf8');
const headers = req.headers as Record<string, string>;
const buckets = {
  users: [
    { name: 'A', age: 30 },
    { name: 'B', age: 40 },
  ],
  count: 3,
};

/** What Mockoon's request helpers read of an Express request. */
function mockoonRequest() {
  return {
    method: 'POST',
    body: JSON.parse(bodyText) as unknown,
    stringBody: bodyText,
    query: { ...req.query },
    params: { id: '42' },
    headers,
    cookies: { session: 's1', name: 'Jörg' },
    hostname: 'localhost',
    ip: '127.0.0.1',
    get: (name: string) => headers[name.toLowerCase()],
  };
}

function mockoon(template: string): string {
  return TemplateParser({
    shouldOmitDataHelper: false,
    content: template,
    environment: { endpointPrefix: 'm/shop', port: 3001, tlsOptions: { enabled: false } },
    processedDatabuckets: Object.entries(buckets).map(([name, value]) => ({
      id: name,
      name,
      value: structuredClone(value),
    })),
    globalVariables: {},
    request: mockoonRequest(),
    envVarsPrefix: 'MOCKOON_',
  } as unknown as Parameters<typeof TemplateParser>[0]);
}

const mockdeck = (template: string): string =>
  render(template, { runtime: createMemoryRuntime(structuredClone(buckets)) });

const TEMPLATES: Record<string, string[]> = {
  request: [
    "{{urlParam 'id'}} {{urlParam 'nope'}}",
    "{{queryParam 'q'}} {{queryParam 'tags'}} {{queryParam 'tags.0'}} {{queryParam 'x' 'dflt'}} {{queryParam}}",
    "{{#each (queryParamRaw 'tags')}}{{@index}}={{this}};{{/each}}{{queryParamRaw 'none' 'd'}}",
    "{{header 'X-Trace'}} {{header 'x-none' 'dflt'}} {{header 'Content-Type'}}",
    "{{cookie 'session'}} {{cookie 'name'}} {{cookie 'none' 'd'}}",
    "{{body 'user.name'}} {{body 'user.e\\.mail'}} {{body 'items.1.price'}} {{body 'items'}} {{body 'none' 'd'}} {{body 'user.name' '' true}}",
    "{{body '$.items[*].id'}} {{body '$.items[0].price'}} {{body '$..price'}} {{body '$.items[?(@.price > 10)].id'}}",
    "{{body '$.items[0:1]'}} {{body '$.items[-1:]'}} {{body '$.items[0,1].id'}} {{body '$.user'}} {{body '$.user.*'}} {{body '$[\"user\"].name'}} {{body '$.nope' 'd'}}",
    "{{body '$.items[?(@.id == 1)].price'}} {{body '$.items[?(@.price >= 5)].id'}} {{body '$.items[?(@.id != 1)]'}}",
    '{{body}}',
    "{{#each (bodyRaw 'items')}}{{id}}:{{price}} {{/each}}{{bodyRaw 'none' 'd'}}{{len (bodyRaw 'items')}}",
    '{{method}} {{baseUrl}} {{hostname}} {{ip}}',
  ],
  blocks: [
    '{{#repeat 3}}{"i": {{@index}} }{{/repeat}}',
    '{{#repeat 2 comma=false}}[{{@index}}/{{@total}} {{@first}} {{@last}}]{{/repeat}}',
    // Mockoon's comma rule: trailing blanks trimmed, a comma unless one is there, none after the last copy.
    '{{#repeat 3}}{{/repeat}}',
    '{{#repeat 3}}   {{/repeat}}',
    '{{#repeat 3}}a,{{/repeat}}',
    '{{#repeat 4}} a , {{/repeat}}',
    '[{{#repeat 5}}{{#if @first}}x{{/if}}{{/repeat}}]',
    '[{{#repeat 4}}{{#if @last}}z{{/if}}{{/repeat}}]',
    '{{#repeat 3}}\n  {"n": {{@index}} }\n\n{{/repeat}}',
    '{{#repeat 3 comma=false}}a {{/repeat}}',
    '{{#repeat 1}}only,{{/repeat}}',
    '{{#repeat 0}}never{{/repeat}}',
    "{{#switch (urlParam 'id')}}{{#case '1'}}one{{/case}}{{#case '42'}}answer{{/case}}{{#case '42'}}again{{/case}}{{/switch}}",
    "{{#switch 'z'}}{{#case 'a'}}A{{/case}}{{/switch}}",
    "{{oneOf (array 'only')}} {{{oneOf (array 'only') true}}} {{oneOf 'x'}}",
  ],
  dates: [
    "{{dateFormat '2024-05-01T12:34:56' 'dd/MM/yyyy HH:mm:ss'}} {{dateFormat '2024-01-07T00:00:00' 'EEEE DDD YYYY'}}",
    "{{dateTimeShift date='2024-01-31T10:00:00' days=1 months=1 years=1 hours=2 minutes=3 seconds=4 format='yyyy-MM-dd HH:mm:ss'}}",
    "{{dateTimeShift date='2024-03-10T00:00:00' days=-10 format='yyyy-MM-dd'}}",
  ],
  math: [
    "{{add 1 2 3}} {{add 1 'x' 2}} {{add '1.5' 2}} {{add}} {{subtract 10 3 2}} {{multiply 2 3 4}} {{divide 20 0 2}} {{divide 1 3}}",
    "{{modulo 10 3}} {{modulo 10 0}} {{ceil 1.2}} {{floor 1.8}} {{round 1.5}} {{round '2.5'}} {{ceil}}",
    "{{add (urlParam 'id') 1}} {{multiply (body 'items.1.price') 2}}",
  ],
  strings: [
    "{{lowercase 'AbC'}} {{uppercase 'AbC'}} {{uppercase (urlParam 'id')}} {{lowercase}}",
    "{{#each (split 'a-b-c' '-')}}{{this}};{{/each}} {{split 'a b'}} {{join (split 'a b c') '+'}} {{join (array 'x' 'y')}}",
    "{{concat 'id-' (urlParam 'id') '-x'}} {{concat 1 2}} {{concat (array 1 2) (array 3)}}",
    "{{padStart '7' 3 '0'}} {{padEnd '7' 3 '-'}} {{padStart 5 3}} {{padStart}}",
    "{{substr 'hello' 1 3}} {{substr 'hello' 2}} {{substr (urlParam 'id') 1}}",
    "{{includes 'hello' 'ell'}} {{includes 'hello' 'z'}} {{includes (urlParam 'id') '4'}}",
    "{{base64 'hi there'}} {{#base64}}id {{urlParam 'id'}}{{/base64}} {{base64Decode 'aGkgdGhlcmU='}} {{#base64Decode}}aGk={{/base64Decode}}",
    "{{{concat '<' '>'}}} {{concat '<' '>' '&'}} {{header 'X-Trace'}}\"'`=",
  ],
  comparison: [
    "{{eq 'a' 'a'}} {{eq (urlParam 'id') '42'}} {{eq 1 '1'}} {{eq 1}}",
    "{{gt 2 1}} {{gt 'x' 1}} {{gte 2 2}} {{lt 1 2}} {{lte 3 2}} {{gt (urlParam 'id') 41}}",
    "{{#if (eq (urlParam 'id') '42')}}yes{{else}}no{{/if}} {{#unless (gt 1 2)}}u{{/unless}}",
  ],
  values: [
    "{{len 'abcd'}} {{len (bodyRaw 'items')}} {{len 5}} {{len}}",
    "{{{stringify (bodyRaw 'items.0')}}} {{stringify (bodyRaw 'user')}} {{stringify 'plain'}}",
    '{{#with (jsonParse \'{"a":{"b":3}}\')}}{{a.b}}{{/with}} [{{jsonParse \'{nope\'}}]',
  ],
  variables: [
    "{{setVar 'n' (urlParam 'id')}}{{getVar 'n'}}/{{@n}} [{{getVar 'unset'}}]",
    "{{setVar 'list' (bodyRaw 'items')}}{{#each (getVar 'list')}}{{id}}{{/each}}",
    "{{setGlobalVar 'user' (bodyRaw 'user')}}{{getGlobalVar 'user' 'name'}} {{getGlobalVar 'nope' '' 'dflt'}} {{setGlobalVar 'c' 5}}{{getGlobalVar 'c'}}",
    "{{data 'users'}} {{data 'users' '1.name'}} {{data 'count'}} {{data 'users' '$[*].name'}} [{{data 'none'}}]",
    "{{#each (dataRaw 'users')}}{{name}}={{age}};{{/each}} {{len (dataRaw 'users')}}",
  ],
  handlebars: [
    "{{#each (bodyRaw 'user')}}{{@key}}={{this}};{{/each}} {{lookup (bodyRaw 'items') 1}} {{#with (bodyRaw 'user')}}{{name}}{{/with}}",
    "[{{notAHelper 'x'}}] [{{missing}}] {{!-- comment --}}{{{body 'user.name'}}}",
  ],
};

describe("MockDeck's templates render as Mockoon's own engine renders them", () => {
  for (const [group, templates] of Object.entries(TEMPLATES)) {
    it.each(templates)(`${group}: %s`, (template) => {
      expect(mockdeck(template)).toBe(mockoon(template));
    });
  }
});
