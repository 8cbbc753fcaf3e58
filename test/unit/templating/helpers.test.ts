import { describe, expect, it } from 'vitest';
import { createMemoryRuntime } from '../../../main/core/engine';
import { render } from './render-helper';

/** One test (or more) per helper; docs/templating.md lists the same helpers. */

describe('request helpers', () => {
  it('urlParam reads a path parameter, nothing for an unknown one', () => {
    expect(render("{{urlParam 'id'}}|{{urlParam 'nope'}}")).toBe('42|');
    expect(render("{{urlParam 'constructor'}}")).toBe('');
  });

  it('queryParam reads a parameter (arrays as JSON), a default, or the whole query', () => {
    expect(render("{{queryParam 'q'}}")).toBe('hello');
    expect(render("{{queryParam 'tags'}}")).toBe('["a","b"]');
    expect(render("{{queryParam 'tags.1'}}")).toBe('b');
    expect(render("{{queryParam 'missing' 'dflt'}}")).toBe('dflt');
    expect(render('{{queryParam}}')).toBe('{"q":"hello","tags":["a","b"]}');
  });

  it('queryParamRaw hands the value to other helpers', () => {
    expect(render("{{#each (queryParamRaw 'tags')}}[{{this}}]{{/each}}")).toBe('[a][b]');
    expect(render("{{len (queryParamRaw 'tags')}}")).toBe('2');
  });

  it('header reads a header whatever the case of its name, or the default', () => {
    expect(render("{{header 'X-Trace'}}|{{header 'x-none' 'd'}}")).toBe('abc|d');
  });

  it('cookie reads a cookie, decoded, or the default', () => {
    expect(render("{{cookie 'session'}}|{{cookie 'name'}}|{{cookie 'x' 'none'}}")).toBe('s1|Jörg|none');
  });

  it('body reads a dotted path, an escaped dot, a JSONPath, a default, and the whole body', () => {
    expect(render("{{body 'user.name'}}")).toBe('Ann');
    expect(render("{{body 'user.e\\.mail'}}")).toBe('ann@x.io');
    expect(render("{{body 'items.1.price'}}")).toBe('20');
    expect(render("{{body 'items.0'}}")).toBe('{"id":1,"price":5}');
    expect(render("{{body '$.items[*].id'}}")).toBe('[1,2]');
    expect(render("{{body '$.items[?(@.price > 10)].id'}}")).toBe('[2]');
    expect(render("{{body '$..price'}}")).toBe('[5,20]');
    expect(render("{{body 'nope' 'none'}}")).toBe('none');
    expect(render('{{body}}')).toContain('"user":{"name":"Ann"');
  });

  it('body reads form fields too, and a text body as text', () => {
    const form = { rawBody: Buffer.from('a=1&b=x+y&b=z'), contentType: 'application/x-www-form-urlencoded' };
    expect(render("{{body 'a'}}|{{body 'b'}}", { request: form })).toBe('1|["x y","z"]');
    expect(render("{{body 'a' 'd'}}", { request: { rawBody: Buffer.from('plain'), contentType: 'text/plain' } })).toBe(
      'plain',
    );
    expect(render("{{body 'a' 'd'}}", { request: { rawBody: Buffer.alloc(0) } })).toBe('d');
  });

  it('bodyRaw hands values to other helpers, or the default', () => {
    expect(render("{{#each (bodyRaw 'items')}}{{id}};{{/each}}")).toBe('1;2;');
    expect(render("{{bodyRaw 'nope' 'x'}}")).toBe('x');
  });

  it('method, baseUrl, hostname and ip describe the request', () => {
    expect(render('{{method}} {{baseUrl}} {{hostname}} {{ip}}')).toBe(
      'POST http://localhost:3001/m/shop localhost 127.0.0.1',
    );
    expect(render('{{baseUrl}}', { request: { ownPort: true } })).toBe('http://localhost:3001');
  });
});

describe('faker', () => {
  it('calls module.method with positional, object and hash arguments', () => {
    expect(render("{{faker 'person.firstName'}}")).toMatch(/^[A-Z][a-z'-]+/);
    expect(render("{{faker 'string.numeric' 6}}")).toMatch(/^\d{6}$/);
    expect(render("{{faker 'number.int' '{min: 3, max: 3}'}}")).toBe('3');
    expect(render("{{faker 'number.int' min=7 max=7}}")).toBe('7');
  });

  it('is repeatable with a project seed: the same sequence from the same seed', () => {
    const tpl = "{{faker 'person.fullName'}}|{{int 0 1000000}}|{{uuid}}";
    const run = (seed: number) => {
      const runtime = createMemoryRuntime();
      return [
        render(tpl, { project: { templatingSeed: seed }, runtime }),
        render(tpl, { project: { templatingSeed: seed }, runtime }),
      ];
    };
    const a = run(7);
    expect(run(7)).toEqual(a);
    expect(a[0]).not.toBe(a[1]); // the sequence moves on between requests
    expect(run(8)).not.toEqual(a);
  });

  it('refuses a method it does not offer, with the line', () => {
    expect(() => render("ok\n{{faker 'person.nope'}}")).toThrow(/line 2.*"person\.nope" is not a faker method/);
  });
});

describe('random values', () => {
  it('int and float stay within their bounds', () => {
    for (let i = 0; i < 20; i++) {
      const n = Number(render('{{int 5 7}}'));
      expect(Number.isInteger(n) && n >= 5 && n <= 7).toBe(true);
      const f = Number(render('{{float 1 2}}'));
      expect(f >= 1 && f <= 2).toBe(true);
    }
  });

  it('boolean, uuid and objectId have their shapes', () => {
    expect(render('{{boolean}}')).toMatch(/^(true|false)$/);
    expect(render('{{uuid}}')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(render('{{objectId}}')).toMatch(/^[0-9a-f]{24}$/);
  });

  it('oneOf picks one of its arguments or of an array, as JSON when asked', () => {
    expect(['a', 'b']).toContain(render("{{oneOf 'a' 'b'}}"));
    expect(render("{{oneOf (array 'x')}}")).toBe('x');
    expect(render("{{{oneOf (array 'x') true}}}")).toBe('"x"');
  });

  it('someOf picks between min and max items, as JSON when asked, leaving the list alone', () => {
    const out = render("{{{someOf (array 'a' 'b' 'c') 2 2 true}}}");
    const picked = JSON.parse(out) as string[];
    expect(picked).toHaveLength(2);
    for (const p of picked) expect(['a', 'b', 'c']).toContain(p);
    const bucket = createMemoryRuntime({ list: [1, 2, 3] });
    render("{{someOf (dataRaw 'list') 1 3}}", { runtime: bucket });
    expect(bucket.bucket('list')).toEqual([1, 2, 3]);
  });
});

describe('dates', () => {
  it('now formats the current time (ISO 8601 without a format)', () => {
    expect(render("{{now 'yyyy'}}")).toBe(String(new Date().getFullYear()));
    expect(render('{{now}}')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
  });

  it('date picks a date between two, formatted', () => {
    const d = render("{{date '2020-01-01T00:00:00Z' '2020-01-31T00:00:00Z' 'yyyy-MM'}}");
    expect(['2019-12', '2020-01']).toContain(d); // the server's time zone may be west of UTC
  });

  it('dateFormat formats a date string', () => {
    expect(render("{{dateFormat '2024-05-01T12:00:00' 'dd/MM/yyyy HH:mm'}}")).toBe('01/05/2024 12:00');
    expect(render("{{dateFormat 'x'}}")).toBe('');
  });

  it('dateTimeShift shifts a date by days, months, years, hours, minutes, seconds', () => {
    expect(
      render(
        "{{dateTimeShift date='2024-01-31T10:00:00' days=1 months=1 years=1 hours=2 minutes=3 seconds=4 format='yyyy-MM-dd HH:mm:ss'}}",
      ),
    ).toBe('2025-03-01 12:03:04');
  });
});

describe('math', () => {
  it.each([
    ['{{add 1 2 3}}', '6'],
    ["{{add 1 'x' 2}}", '3'],
    ['{{subtract 10 3 2}}', '5'],
    ['{{multiply 2 3 4}}', '24'],
    ['{{divide 20 0 2}}', '10'],
    ['{{modulo 10 3}}', '1'],
    ['{{modulo 10 0}}', ''],
    ['{{ceil 1.2}}', '2'],
    ['{{floor 1.8}}', '1'],
    ['{{round 1.5}}', '2'],
    ['{{add}}', ''],
  ])('%s → %s', (tpl, out) => expect(render(tpl)).toBe(out));
});

describe('strings', () => {
  it.each([
    ["{{lowercase 'AbC'}}", 'abc'],
    ["{{uppercase 'AbC'}}", 'ABC'],
    ["{{#each (split 'a-b-c' '-')}}{{this}};{{/each}}", 'a;b;c;'],
    ["{{len (split 'a b c')}}", '3'],
    ["{{join (split 'a b' ' ') '+'}}", 'a+b'],
    ["{{join (array 'a' 'b')}}", 'a, b'],
    ["{{concat 'id-' (urlParam 'id') '-x'}}", 'id-42-x'],
    ['{{len (concat (array 1 2) (array 3))}}', '3'],
    ["{{padStart '7' 3 '0'}}", '007'],
    ["{{padEnd '7' 3 '-'}}", '7--'],
    ["{{substr 'hello' 1 3}}", 'ell'],
    ["{{substr 'hello' 2}}", 'llo'],
    ["{{includes 'hello' 'ell'}}", 'true'],
    ["{{includes 'hello' 'z'}}", 'false'],
    ["{{base64 'hi there'}}", 'aGkgdGhlcmU='],
    ["{{#base64}}id {{urlParam 'id'}}{{/base64}}", 'aWQgNDI='],
    ["{{base64Decode 'aGkgdGhlcmU='}}", 'hi there'],
  ])('%s → %s', (tpl, out) => expect(render(tpl)).toBe(out));
});

describe('comparison', () => {
  it.each([
    ["{{eq 'a' 'a'}}", 'true'],
    ["{{eq (urlParam 'id') '42'}}", 'true'],
    ['{{eq 1 "1"}}', 'false'],
    ['{{gt 2 1}}', 'true'],
    ["{{gt 'x' 1}}", 'false'],
    ['{{gte 2 2}}', 'true'],
    ['{{lt 1 2}}', 'true'],
    ['{{lte 3 2}}', 'false'],
    ['{{and true 1 "x"}}', 'true'],
    ['{{and true 0}}', 'false'],
    ['{{or false 0 "x"}}', 'true'],
    ['{{or false 0}}', 'false'],
    ['{{not false}}', 'true'],
    ['{{not (array 1)}}', 'false'],
    ["{{#if (and (eq (urlParam 'id') '42') (gt 3 2))}}yes{{else}}no{{/if}}", 'yes'],
  ])('%s → %s', (tpl, out) => expect(render(tpl)).toBe(out));
});

describe('values', () => {
  it('len counts an array or a string, 0 for anything else', () => {
    expect(render("{{len 'abcd'}}|{{len (bodyRaw 'items')}}|{{len 5}}")).toBe('4|2|0');
  });

  it('stringify prints an object as indented JSON', () => {
    expect(render("{{{stringify (bodyRaw 'items.0')}}}")).toBe('{\n  "id": 1,\n  "price": 5\n}');
    expect(render("{{stringify 'plain'}}")).toBe('plain');
  });

  it('jsonParse makes a value of a JSON string; nothing of invalid JSON', () => {
    expect(render('{{#with (jsonParse \'{"a":{"b":3}}\')}}{{a.b}}{{/with}}')).toBe('3');
    expect(render("{{jsonParse '{nope'}}")).toBe('');
  });

  it('array makes an array of its arguments', () => {
    expect(render("{{#each (array 1 'two')}}<{{this}}>{{/each}}")).toBe('<1><two>');
  });
});

describe('variables', () => {
  it('setVar and getVar keep a value for the rest of the render (@name reads it too)', () => {
    expect(render("{{setVar 'n' (urlParam 'id')}}{{getVar 'n'}}/{{@n}}")).toBe('42/42');
    expect(render("{{getVar 'unset'}}")).toBe('');
  });

  it('setGlobalVar and getGlobalVar keep a value between renders of a project, with a path and a default', () => {
    const runtime = createMemoryRuntime();
    render("{{setGlobalVar 'user' (bodyRaw 'user')}}", { runtime });
    expect(render("{{getGlobalVar 'user' 'name'}}", { runtime })).toBe('Ann');
    expect(render("{{getGlobalVar 'nope' '' 'dflt'}}", { runtime })).toBe('dflt');
    expect(runtime.globals.get('user')).toEqual({ name: 'Ann', 'e.mail': 'ann@x.io' });
  });

  it('data prints a bucket value (objects as JSON), dataRaw hands it on; an unknown bucket prints nothing', () => {
    const runtime = createMemoryRuntime({ users: [{ name: 'A' }, { name: 'B' }], count: 3 });
    expect(render("{{data 'users'}}", { runtime })).toBe('[{"name":"A"},{"name":"B"}]');
    expect(render("{{data 'users' '1.name'}}|{{data 'count'}}", { runtime })).toBe('B|3');
    expect(render("{{data 'users' '$[*].name'}}", { runtime })).toBe('["A","B"]');
    expect(render("{{#each (dataRaw 'users')}}{{name}}{{/each}}", { runtime })).toBe('AB');
    expect(render("[{{data 'none'}}{{dataRaw 'none'}}]", { runtime })).toBe('[]');
  });
});

describe('blocks', () => {
  it('repeat renders a count of copies, comma-separated, with @index, @first, @last, @total', () => {
    expect(render('{{#repeat 3}}{{@index}}{{/repeat}}')).toBe('0,\n1,\n2\n');
    expect(
      render('{{#repeat 2 comma=false}}[{{@index}}/{{@total}}{{#if @first}}f{{/if}}{{#if @last}}l{{/if}}]{{/repeat}}'),
    ).toBe('[0/2f][1/2l]');
  });

  it('repeat with two numbers renders a count between them', () => {
    for (let i = 0; i < 10; i++) {
      const n = render('{{#repeat 2 4 comma=false}}x{{/repeat}}').length;
      expect(n >= 2 && n <= 4).toBe(true);
    }
  });

  it('repeat without a count is a template error', () => {
    expect(() => render('{{#repeat}}x{{/repeat}}')).toThrow(/repeat needs a count/);
  });

  it('switch renders the first case equal to its value, nothing when none is', () => {
    const tpl =
      "{{#switch (urlParam 'id')}}{{#case '1'}}one{{/case}}{{#case '42'}}answer{{/case}}{{#case '42'}}again{{/case}}{{/switch}}";
    expect(render(tpl)).toBe('answer');
    expect(render(tpl, { params: { id: '7' } })).toBe('');
  });

  it('Handlebars built-ins work (if, unless, each, with, lookup); log prints nothing', () => {
    expect(
      render("{{#unless false}}u{{/unless}}{{#with (bodyRaw 'user')}}{{name}}{{/with}}{{lookup (bodyRaw 'items') 1}}"),
    ).toBe('uAnn[object Object]');
    expect(render("{{log 'hidden'}}x")).toBe('x');
  });

  it('an unknown helper prints nothing, as in Mockoon', () => {
    expect(render("[{{notAHelper 'x'}}]")).toBe('[]');
  });
});
