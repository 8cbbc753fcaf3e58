// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CloudTab } from '../../../renderer/src/app/slices/cloud-slice';
import { CLOUD_TABS, CloudTabs } from '../../../renderer/src/features/cloud/CloudTabs';

afterEach(cleanup);

function Harness({ opened }: { opened: CloudTab[] }) {
  const [tab, setTab] = useState<CloudTab>('account');
  return (
    <CloudTabs
      current={tab}
      onSelect={(t) => {
        opened.push(t);
        setTab(t);
      }}
    />
  );
}

describe('cloud tabs', () => {
  it('keeps only the selected tab in the Tab order, each tab naming the panel it controls', () => {
    render(<Harness opened={[]} />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(CLOUD_TABS.map((t) => t.label));
    expect(tabs.map((t) => t.tabIndex)).toEqual(CLOUD_TABS.map((t) => (t.tab === 'account' ? 0 : -1)));
    for (const t of tabs) expect(t.getAttribute('aria-controls')).toBe('cloud-tabpanel');
  });

  it('arrow keys, Home and End move focus (wrapping) without opening screens; Enter opens one', () => {
    const opened: CloudTab[] = [];
    render(<Harness opened={opened} />);
    const list = screen.getByRole('tablist', { name: 'Cloud views' });
    const tab = (name: string) => screen.getByRole('tab', { name });
    tab('Account').focus();
    fireEvent.keyDown(list, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('Team'));
    fireEvent.keyDown(list, { key: 'End' });
    expect(document.activeElement).toBe(tab('Status'));
    fireEvent.keyDown(list, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('Account'));
    fireEvent.keyDown(list, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(tab('Status'));
    fireEvent.keyDown(list, { key: 'Home' });
    expect(document.activeElement).toBe(tab('Account'));
    expect(opened).toEqual([]);

    fireEvent.keyDown(list, { key: 'ArrowLeft' });
    fireEvent.keyDown(list, { key: 'ArrowLeft' });
    // A button opens on Enter through its click.
    fireEvent.click(document.activeElement!);
    expect(opened).toEqual(['help']);
    expect(tab('Help').getAttribute('aria-selected')).toBe('true');
    expect(tab('Help').tabIndex).toBe(0);
    expect(tab('Account').tabIndex).toBe(-1);
  });
});
