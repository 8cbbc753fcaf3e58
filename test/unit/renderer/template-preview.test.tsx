// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, MockDeckApi, TemplatePreview as Preview } from '../../../shared/ipc/contract';
import { setApiForTests } from '../../../renderer/src/app/api';
import { TemplatePreview } from '../../../renderer/src/features/responses/TemplatePreview';

/** Answers responses.preview with `answer(input)` and records each input. */
function fakePreview(answer: (input: CallInput<'responses.preview'>) => Preview) {
  const inputs: CallInput<'responses.preview'>[] = [];
  const api: MockDeckApi = {
    invoke: (async (name: string, input: CallInput<'responses.preview'>) => {
      if (name !== 'responses.preview') throw new Error(`unexpected call ${name}`);
      inputs.push(input);
      return answer(input);
    }) as MockDeckApi['invoke'],
    on: () => () => undefined,
  };
  setApiForTests(api);
  return inputs;
}

// The panel waits for typing to pause (350 ms) before it asks main to render.
const settle = () => act(async () => await new Promise((r) => setTimeout(r, 450)));

afterEach(() => {
  cleanup();
  setApiForTests(null);
});

const props = {
  mockId: 'm1',
  mockMethod: 'GET',
  mockPath: '/users/{id}',
  responseId: 'r1',
  body: `{"id": "{{urlParam 'id'}}"}`,
  headers: { 'X-A': '1' },
  disableTemplating: false,
  responseType: 'json' as const,
};

describe('the template preview panel', () => {
  it("renders the form's body for the mock's path with an example id, and again for an edited sample", async () => {
    const inputs = fakePreview((i) => ({
      ok: true,
      body: `{"id": "${i.request?.path?.split('/')[2] ?? ''}"}`,
      headers: {},
      request: { method: 'GET', path: i.request?.path ?? '', params: {} },
    }));
    render(<TemplatePreview {...props} />);
    expect(inputs).toEqual([]); // closed: nothing is rendered
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await settle();
    expect(inputs).toEqual([
      {
        mockId: 'm1',
        responseId: 'r1',
        body: props.body,
        headers: { 'X-A': '1' },
        disableTemplating: false,
        request: { path: '/users/42', query: {}, headers: {}, body: '' },
      },
    ]);
    expect(screen.getByLabelText('Rendered body').textContent).toBe('{"id": "42"}');
    fireEvent.change(screen.getByLabelText('Sample path'), { target: { value: '/users/7?tab=a' } });
    fireEvent.change(screen.getByLabelText('Sample headers'), { target: { value: 'X-Role: admin' } });
    await settle();
    expect(inputs.at(-1)?.request).toEqual({
      path: '/users/7',
      query: { tab: 'a' },
      headers: { 'x-role': 'admin' },
      body: '',
    });
    expect(screen.getByLabelText('Rendered body').textContent).toBe('{"id": "7"}');
  });

  it('shows a broken template with its line, and a rendered JSON body that is not JSON', async () => {
    let broken = true;
    fakePreview(() =>
      broken
        ? {
            ok: false,
            error: { line: 3, message: "body: line 3: repeat doesn't match each" },
            request: { method: 'GET', path: '/users/42', params: {} },
          }
        : { ok: true, body: '{"id": }', headers: {}, request: { method: 'GET', path: '/users/42', params: {} } },
    );
    const lines: (number | null)[] = [];
    const onErrorLine = (l: number | null) => lines.push(l);
    const { rerender } = render(<TemplatePreview {...props} onErrorLine={onErrorLine} />);
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await settle();
    expect(lines).toEqual([3]); // the editor marks the body's line 3
    const error = screen.getByTestId('template-error');
    expect(error.textContent).toContain('Template error on line 3');
    expect(error.textContent).toContain("Body: repeat doesn't match each");
    broken = false;
    rerender(<TemplatePreview {...props} onErrorLine={onErrorLine} body={`{"id": {{urlParam 'id'}}}`} />);
    await settle();
    expect(lines.at(-1)).toBeNull();
    expect(screen.queryByTestId('template-error')).toBeNull();
    expect(screen.getByText('Not valid JSON once rendered')).toBeTruthy();
  });

  it('names a sample header line it cannot send, and sends nothing for it', async () => {
    const inputs = fakePreview(() => ({
      ok: true,
      body: '',
      headers: {},
      request: { method: 'GET', path: '/', params: {} },
    }));
    render(<TemplatePreview {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    fireEvent.change(screen.getByLabelText('Sample headers'), { target: { value: 'no colon here' } });
    await settle();
    expect(screen.getByText(/Sample header line 1 needs the form "Name: value"/)).toBeTruthy();
    expect(inputs).toEqual([]);
  });
});
