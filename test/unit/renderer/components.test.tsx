// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConditionsEditor } from '../../../renderer/src/features/conditions/ConditionsEditor';
import {
  conditionRowErrors,
  newConditionRow,
  type ConditionRow,
  toCondition,
} from '../../../renderer/src/features/conditions/condition-form';
import { ErrorBoundary } from '../../../renderer/src/ui/ErrorBoundary';
import { ErrorNotice } from '../../../renderer/src/ui/ErrorNotice';
import { shortcutFor } from '../../../renderer/src/app/shortcuts';
import { filterCommands, fuzzyScore } from '../../../renderer/src/features/palette/commands';

afterEach(cleanup);

function Conditions({ initial }: { initial: ConditionRow[] }) {
  const [rows, setRows] = useState(initial);
  const [logic, setLogic] = useState<'and' | 'or'>('and');
  const errors = Object.fromEntries(rows.map((r, i) => [i, conditionRowErrors(r)]));
  return (
    <>
      <ConditionsEditor rows={rows} errors={errors} onChange={setRows} logic={logic} onLogicChange={setLogic} />
      <output data-testid="saved">{JSON.stringify({ logic, conditions: rows.map(toCondition) })}</output>
    </>
  );
}

describe('ConditionsEditor', () => {
  it('offers the new targets, operators, invert, regex flags and AND/OR, and saves only what is set', () => {
    render(<Conditions initial={[newConditionRow({ field: 'q', operator: 'equals', value: 'a' })]} />);
    const saved = () => JSON.parse(screen.getByTestId('saved').textContent!) as { logic: string; conditions: object[] };
    expect(saved().conditions[0]).toEqual({ type: 'header', field: 'q', operator: 'equals', value: 'a' });
    fireEvent.change(screen.getByLabelText('Condition 1 source'), { target: { value: 'method' } });
    expect(screen.queryByLabelText('Condition 1 field')).toBeNull();
    fireEvent.change(screen.getByLabelText('Condition 1 source'), { target: { value: 'cookie' } });
    fireEvent.change(screen.getByLabelText('Condition 1 operator'), { target: { value: 'regex' } });
    fireEvent.change(screen.getByLabelText('Condition 1 regex flags'), { target: { value: 'i' } });
    fireEvent.click(screen.getByLabelText('Condition 1 invert'));
    fireEvent.change(screen.getByLabelText('Condition logic'), { target: { value: 'or' } });
    expect(saved()).toEqual({
      logic: 'or',
      conditions: [{ type: 'cookie', field: 'q', operator: 'regex', value: 'a', flags: 'i', invert: true }],
    });
    fireEvent.change(screen.getByLabelText('Condition 1 regex flags'), { target: { value: 'x' } });
    fireEvent.blur(screen.getByLabelText('Condition 1 regex flags'));
    expect(screen.getByRole('alert').textContent).toMatch(/flags are any of i, m and s/i);
  });

  it('flags a bad regex when the value is left and hides the value for exists', () => {
    render(<Conditions initial={[newConditionRow({ field: 'q', operator: 'regex', value: '' })]} />);
    fireEvent.change(screen.getByLabelText('Condition 1 value'), { target: { value: '([a-z' } });
    expect(screen.queryByRole('alert')).toBeNull(); // not while typing
    fireEvent.blur(screen.getByLabelText('Condition 1 value'));
    expect(screen.getByRole('alert').textContent).toMatch(/^Invalid regex/);
    fireEvent.change(screen.getByLabelText('Condition 1 operator'), { target: { value: 'exists' } });
    expect(screen.queryByLabelText('Condition 1 value')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
  it('a new row takes the focus and shows no error before anything was typed and left', () => {
    render(<Conditions initial={[]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Condition 1 source'));
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.blur(screen.getByLabelText('Condition 1 field'));
    expect(screen.getByRole('alert').textContent).toMatch(/field/i);
    expect(screen.getByLabelText('Condition 1 field').getAttribute('aria-invalid')).toBe('true');
  });
  it('adds and removes rows', () => {
    render(<Conditions initial={[]} />);
    expect(screen.getByText(/this response is a fallback/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add condition' }));
    expect(screen.getAllByLabelText(/Condition \d field/)).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Remove condition 1' }));
    expect(screen.getAllByLabelText(/Condition \d field/)).toHaveLength(1);
  });
});

describe('errors on screen', () => {
  it('shows message and hint as sentences', () => {
    render(
      <ErrorNotice
        error={{
          code: 'PORT_IN_USE',
          message: 'port 3001 is in use',
          hint: 'stop the other program or choose another port',
        }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'Port 3001 is in useStop the other program or choose another port',
    );
  });
  it('a crashing pane shows what broke instead of a blank window, and can retry', () => {
    let fail = true;
    const Boom = () => {
      if (fail) throw new Error('cannot read "responses"');
      return <p>recovered</p>;
    };
    const spy = console.error;
    console.error = () => undefined;
    try {
      render(
        <ErrorBoundary area="the mock editor">
          <Boom />
        </ErrorBoundary>,
      );
    } finally {
      console.error = spy;
    }
    expect(screen.getByRole('heading').textContent).toBe('Something broke in the mock editor');
    expect(screen.getByText('cannot read "responses"')).toBeTruthy();
    fail = false;
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Try again' })));
    expect(screen.getByText('recovered')).toBeTruthy();
  });
});

describe('keyboard shortcuts and the palette', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  it('map Ctrl/Cmd+N, S, K and / (only outside text fields)', () => {
    expect(shortcutFor(key('n', { ctrlKey: true }), true)).toBe('new-mock');
    expect(shortcutFor(key('s', { metaKey: true }), true)).toBe('save');
    expect(shortcutFor(key('k', { ctrlKey: true }), false)).toBe('palette');
    expect(shortcutFor(key('P', { ctrlKey: true, shiftKey: true }), false)).toBe('palette');
    expect(shortcutFor(key('/'), false)).toBe('search');
    expect(shortcutFor(key('/'), true)).toBeNull();
    expect(shortcutFor(key('n'), false)).toBeNull();
  });
  it('fuzzy-match commands, tightest first', () => {
    expect(fuzzyScore('New mock', 'nmk')).not.toBeNull();
    expect(fuzzyScore('New mock', 'xyz')).toBeNull();
    const cmds = ['Go to stats', 'Start server', 'Stop server'].map((label) => ({
      id: label,
      label,
      run: () => undefined,
    }));
    expect(filterCommands(cmds, 'stop').map((c) => c.label)).toEqual(['Stop server']);
    expect(filterCommands(cmds, '').length).toBe(3);
  });
});
