// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ChaosPanel } from '../../../renderer/src/features/chaos/ChaosPanel';
import type { Chaos } from '../../../shared/models';

afterEach(cleanup);

function panel(value: Chaos | null = null) {
  const saved: (Chaos | null)[] = [];
  render(
    <ChaosPanel
      scope="mock"
      value={value}
      killed={false}
      note="note"
      save={async (next) => {
        saved.push(next);
      }}
    />,
  );
  return saved;
}

describe('ChaosPanel', () => {
  it('shows the histogram of the chosen distribution and saves the setting', async () => {
    const saved = panel();
    fireEvent.click(screen.getByLabelText('Chaos for this mock'));
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/^Latency histogram: p50 \d+ ms/);
    fireEvent.change(screen.getByLabelText('Latency'), { target: { value: 'fixed' } });
    fireEvent.change(screen.getByLabelText('Latency (ms)'), { target: { value: '250' } });
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Latency histogram: p50 250 ms · p95 250 ms · p99 250 ms',
    );
    fireEvent.change(screen.getByLabelText('Error rate (%)'), { target: { value: '10' } });
    expect(screen.getByTestId('chaos-rates').textContent).toMatch(/10 answer 503, 90 get the mock’s answer/);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save chaos' }));
    });
    expect(saved).toEqual([
      {
        latency: { kind: 'fixed', ms: 250 },
        errorRate: 0.1,
        errorStatus: 503,
        errorBody: '',
        fault: null,
        faultRate: 0,
      },
    ]);
  });

  it('refuses a bad setting under its field and saves nothing; turning it off saves null', async () => {
    const on: Chaos = {
      latency: null,
      errorRate: 0.5,
      errorStatus: 500,
      errorBody: '',
      fault: null,
      faultRate: 0,
    };
    const saved = panel(on);
    expect((screen.getByRole('button', { name: 'Save chaos' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Error status'), { target: { value: '200' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save chaos' }));
    });
    expect(screen.getByRole('alert').textContent).toMatch(/^Error status must be an error status from 400 to 599/);
    expect(saved).toEqual([]);
    fireEvent.click(screen.getByLabelText('Chaos for this mock'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save chaos' }));
    });
    expect(saved).toEqual([null]);
  });
});
