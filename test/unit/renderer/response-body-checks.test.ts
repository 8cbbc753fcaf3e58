// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  bodylessWarning,
  emptyResponseForm,
  validateResponseForm,
  xmlProblem,
} from '../../../renderer/src/features/responses/response-form';

describe('response body checks', () => {
  it('XML bodies are checked like JSON ones: well-formed passes, broken names the problem', () => {
    expect(xmlProblem('<order id="1"><total>9.5</total></order>')).toBeUndefined();
    expect(xmlProblem('')).toBeUndefined();
    expect(xmlProblem('<order><total>9.5</order>')).toMatch(/^body is not well-formed XML/);
    const form = { ...emptyResponseForm(true), name: 'Order', body: '<order>' };
    expect(validateResponseForm(form, 'xml').body).toMatch(/not well-formed XML/);
    // A template is checked once rendered, as for JSON.
    expect(validateResponseForm({ ...form, body: '<order>{{id}}' }, 'xml').body).toBeUndefined();
    // The XML check is for XML responses only.
    expect(validateResponseForm({ ...form, body: 'plain <' }, 'text').body).toBeUndefined();
  });

  it('warns about a body on a 204 or 304, never on a 200 or an empty body', () => {
    expect(bodylessWarning('204', '{"ok":true}')).toMatch(/204 response has no body/);
    expect(bodylessWarning('304', 'x')).toMatch(/304/);
    expect(bodylessWarning('204', '  ')).toBeUndefined();
    expect(bodylessWarning('200', 'x')).toBeUndefined();
  });
});
