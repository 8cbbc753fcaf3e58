import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { examplePath, type TemplateHelperDoc } from '../../../shared/ipc/contract';
import {
  helperCompletions,
  helperPosition,
  tokenizeTag,
  type TokenKind,
} from '../../../renderer/src/features/responses/handlebars';
import { defaultSample, sampleToRequest } from '../../../renderer/src/features/responses/sample-request';

const kinds = (tag: string): [string, TokenKind][] => tokenizeTag(tag).map((t) => [tag.slice(t.from, t.to), t.kind]);

describe('Handlebars highlighting', () => {
  it('marks the braces, the helper, strings, numbers and data variables of a tag', () => {
    expect(kinds("{{urlParam 'id'}}")).toEqual([
      ['{{', 'brace'],
      ['urlParam', 'helper'],
      ["'id'", 'string'],
      ['}}', 'brace'],
    ]);
    expect(kinds('{{#repeat 5 comma=true}}')).toEqual([
      ['{{', 'brace'],
      ['#repeat', 'helper'],
      ['5', 'number'],
      ['comma', 'param'],
      ['true', 'param'],
      ['}}', 'brace'],
    ]);
    expect(kinds('{{@index}}')).toEqual([
      ['{{', 'brace'],
      ['@index', 'data'],
      ['}}', 'brace'],
    ]);
  });

  it("takes a subexpression's first word as a helper, and a comment as one token", () => {
    expect(kinds('{{int (add 1 2)}}').filter(([, k]) => k === 'helper')).toEqual([
      ['int', 'helper'],
      ['add', 'helper'],
    ]);
    expect(kinds('{{!-- note --}}')).toEqual([
      ['{{', 'brace'],
      ['!-- note --', 'comment'],
      ['}}', 'brace'],
    ]);
    expect(kinds("{{{body 'a'}}}")[0]).toEqual(['{{{', 'brace']);
    expect(kinds("{{{body 'a'}}}").at(-1)).toEqual(['}}}', 'brace']);
  });
});

describe('helper completion', () => {
  it('offers a helper name right after {{, {{# or a subexpression paren, not elsewhere', () => {
    expect(helperPosition('{"id": "{{')).toEqual({ word: '', start: 10 });
    expect(helperPosition('{"id": "{{url')).toEqual({ word: 'url', start: 10 });
    expect(helperPosition('{{#rep')).toEqual({ word: 'rep', start: 3 });
    expect(helperPosition('{{int (ad')).toEqual({ word: 'ad', start: 7 });
    expect(helperPosition("{{urlParam 'i")).toBeNull(); // an argument, not a helper
    expect(helperPosition('{{urlParam}} and text')).toBeNull(); // the tag is closed
    expect(helperPosition('{"name": "url')).toBeNull(); // no tag at all
  });

  const helpers: TemplateHelperDoc[] = [
    { name: 'urlParam', signature: "urlParam 'name'", description: 'A path parameter.', group: 'request' },
    { name: 'faker', signature: "faker 'module.method' …args", description: 'Fake data.', group: 'faker' },
  ];

  function complete(doc: string, explicit = false): CompletionResult | null {
    const state = EditorState.create({ doc });
    const r = helperCompletions(helpers)(new CompletionContext(state, doc.length, explicit));
    return r instanceof Promise ? null : r;
  }

  it('lists every helper with its signature, description and group, from where the name starts', () => {
    const r = complete('{"id": "{{ur');
    expect(r?.from).toBe(10);
    expect(r?.options.map((o) => [o.label, o.detail, o.info, o.section])).toEqual([
      ['urlParam', "urlParam 'name'", 'A path parameter.', { name: 'request', rank: 0 }],
      ['faker', "faker 'module.method' …args", 'Fake data.', { name: 'faker', rank: 1 }],
    ]);
    expect(complete('{"id": 1}')).toBeNull();
    expect(complete('line one\n{{')?.from).toBe(11);
  });
});

describe('the preview sample request', () => {
  it("starts from the mock's path with example parameters", () => {
    expect(examplePath('/users/{id}')).toBe('/users/42');
    expect(examplePath('/orgs/:orgId/repos/{slug}')).toBe('/orgs/42/repos/sample-slug');
    expect(examplePath('health')).toBe('/health');
    expect(defaultSample('/users/{userId}')).toEqual({ path: '/users/42', headers: '', body: '' });
  });

  it('splits the query from the path and reads one header a line', () => {
    expect(
      sampleToRequest({ path: '/users/7?tab=a&tab=b&q=x%20y', headers: 'X-Role: admin\n\nAccept:  */*', body: '{}' }),
    ).toEqual({
      request: {
        path: '/users/7',
        query: { tab: ['a', 'b'], q: 'x y' },
        headers: { 'x-role': 'admin', accept: '*/*' },
        body: '{}',
      },
    });
  });

  it('names what is wrong with a sample it cannot send', () => {
    expect(sampleToRequest({ path: 'users', headers: '', body: '' })).toEqual({
      error: 'the sample path must start with "/", e.g. /users/42',
    });
    expect(sampleToRequest({ path: '/u', headers: 'X-Ok: 1\nbroken', body: '' })).toEqual({
      error: 'sample header line 2 needs the form "Name: value", e.g. X-Role: admin',
    });
  });
});
