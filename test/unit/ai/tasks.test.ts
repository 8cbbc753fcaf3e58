import { describe, expect, it } from 'vitest';
import { normalizeAiBaseUrl } from '../../../main/core/ai/ai-settings';
import { withoutKey } from '../../../main/core/ai/chat-client';
import { mockDataTask, parseAnswerJson, projectTask } from '../../../main/core/ai/tasks';
import { redact } from '../../../main/core/util/redact';

const endpoint = (route: string, method = 'GET') => ({
  method,
  route,
  description: 'd',
  scenarios: [{ name: 'Success', status: 200, responseBody: { ok: true } }],
});

describe('reading a model answer', () => {
  it('takes plain JSON, JSON in a fence or a sentence, and names what is missing', () => {
    expect(parseAnswerJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseAnswerJson('```json\n{"a":1}\n```')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseAnswerJson('Here it is: {"a":1}. Enjoy')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseAnswerJson('   ')).toEqual({ ok: false, problem: 'the answer was empty' });
    expect(parseAnswerJson('no json here')).toEqual({ ok: false, problem: 'the answer holds no JSON object' });
  });

  it('a project answer must have routes with a slash, known methods, one of each, and pass batch-create', () => {
    expect(projectTask.check({ endpoints: [endpoint('/users')] })).toMatchObject({ ok: true });
    expect(projectTask.check({ endpoints: [endpoint('users')] })).toEqual({
      ok: false,
      problem: 'endpoints.0.route: route must start with "/" and hold no query, e.g. /users/{id}',
    });
    expect(projectTask.check({ endpoints: [endpoint('/a', 'FETCH')] })).toMatchObject({ ok: false });
    expect(projectTask.check({ endpoints: [endpoint('/a'), endpoint('/a')] })).toEqual({
      ok: false,
      problem: 'GET /a appears twice: give each method and route once',
    });
    expect(projectTask.check({ endpoints: [] })).toEqual({
      ok: false,
      problem: 'endpoints: the answer has no endpoints',
    });
  });

  it('mock data is an object or an array under data, bounded in depth', () => {
    expect(mockDataTask.check({ data: [1, 2] })).toEqual({ ok: true, value: [1, 2] });
    expect(mockDataTask.check({ data: 'text' })).toEqual({
      ok: false,
      problem: 'data: data must be a JSON object or array',
    });
    let deep: unknown = 1;
    for (let i = 0; i < 70; i++) deep = { a: deep };
    expect(mockDataTask.check({ data: deep })).toMatchObject({
      ok: false,
      problem: expect.stringContaining('deeper than 64'),
    });
  });

  it('the JSON schema sent to providers is an object schema with the answer fields', () => {
    expect(projectTask.jsonSchema).toMatchObject({ type: 'object', required: ['endpoints'] });
    expect(mockDataTask.jsonSchema).toMatchObject({ type: 'object', required: ['data'] });
  });
});

describe('keys stay out of messages and URLs', () => {
  it('a provider message quoting the key loses it; the log redacts sk- keys', () => {
    expect(withoutKey('bad key sk-abc123456789 given', 'sk-abc123456789')).toBe('bad key ••• given');
    expect(redact('Incorrect API key provided: sk-proj-abcdefgh1234')).toBe('Incorrect API key provided: sk-…•••');
  });

  it('a base URL may not carry credentials or a query', () => {
    expect(normalizeAiBaseUrl('http://127.0.0.1:11434/v1/')).toBe('http://127.0.0.1:11434/v1');
    expect(() => normalizeAiBaseUrl('https://user:sk-1@api.openai.com/v1')).toThrow(/credentials/);
    expect(() => normalizeAiBaseUrl('https://api.openai.com/v1?key=1')).toThrow(/query/);
    expect(() => normalizeAiBaseUrl('file:///etc')).toThrow(/https:\/\//);
  });
});
