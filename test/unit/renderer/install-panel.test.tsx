// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, MockDeckApi } from '../../../shared/ipc/contract';
import type { MarketInstallView } from '../../../shared/ipc/marketplace';
import type { InstallProgress } from '../../../shared/models';
import { setApiForTests } from '../../../renderer/src/app/api';
import { InstallPanel } from '../../../renderer/src/features/marketplace/InstallPanel';

afterEach(() => {
  cleanup();
  setApiForTests(null);
});

describe('InstallPanel', () => {
  it('fills its bar from market.installProgress while the download runs, then names each step', async () => {
    let finish: (v: MarketInstallView) => void = () => undefined;
    const listeners = new Map<string, (p: unknown) => void>();
    const api = {
      invoke: (name: string) =>
        name === 'market.install' ? new Promise<MarketInstallView>((r) => (finish = r)) : Promise.resolve([]),
      on: (name: EventName, l: (p: unknown) => void) => {
        listeners.set(name, l);
        return () => listeners.delete(name);
      },
    } as unknown as MockDeckApi;
    setApiForTests(api);
    render(<InstallPanel kind="scenarios" name="payment-flow" version="1.1.0" />);
    fireEvent.click(screen.getByRole('button', { name: 'Install 1.1.0' }));
    const emit = (p: Partial<InstallProgress>) =>
      act(() =>
        listeners.get('market.installProgress')?.({ kind: 'scenarios', name: 'payment-flow', total: 2048, ...p }),
      );

    await act(async () => undefined);
    const bar = () => screen.getByLabelText('Installing payment-flow') as HTMLProgressElement;
    expect(bar().hasAttribute('value')).toBe(false); // nothing known yet: indeterminate
    emit({ phase: 'downloading', received: 1024 });
    expect(bar().value).toBe(1024);
    expect(bar().max).toBe(2048);
    expect(screen.getByTestId('market-progress').textContent).toMatch(/Downloading payment-flow \(1 KiB of 2 KiB\)/);
    // Another package's progress is not this one's.
    emit({ name: 'other', phase: 'downloading', received: 2048 });
    expect(bar().value).toBe(1024);
    emit({ phase: 'verifying', received: 2048 });
    expect(screen.getByTestId('market-progress').textContent).toMatch(/Checking the SHA-256 payment-flow/);
    expect(bar().hasAttribute('value')).toBe(false);

    await act(async () =>
      finish({
        kind: 'scenarios',
        name: 'payment-flow',
        version: '1.1.0',
        warning: null,
        project: {
          project: { id: 'p1', name: 'Payment flow' },
          mockCount: 3,
          slug: 'payment-flow',
          slugChanged: false,
        },
      } as unknown as MarketInstallView),
    );
    expect(screen.queryByTestId('market-progress')).toBeNull();
    expect(screen.getByRole('status', { name: 'Installed' }).textContent).toMatch(
      /Installed scenario payment-flow 1\.1\.0/,
    );
    expect(listeners.has('market.installProgress')).toBe(false); // unsubscribed once done
  });
});
