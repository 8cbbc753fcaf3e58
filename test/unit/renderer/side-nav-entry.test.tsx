// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SideNavEntry } from '../../../renderer/src/ui/SideNavEntry';

afterEach(cleanup);

function Entry({ initiallyOpen = false }: { initiallyOpen?: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <SideNavEntry
      label="Cloud"
      icon={<span className="dot dot-on" />}
      status="Signed in as ada"
      statusTestId="cloud-nav-status"
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
    />
  );
}

describe('SideNavEntry', () => {
  it('is named by its visible label alone and described by its status line', () => {
    render(<Entry />);
    const button = screen.getByRole('button', { name: 'Cloud' });
    expect(button.textContent).toBe('Cloud');
    expect(button.getAttribute('aria-describedby')).toBe(screen.getByTestId('cloud-nav-status').id);
    expect(screen.getByTestId('cloud-nav-status').textContent).toBe('Signed in as ada');
    expect(button.contains(screen.getByTestId('cloud-nav-status'))).toBe(false);
  });

  it('opens its screen, marks itself the current page, and closes it on a second click', () => {
    render(<Entry />);
    const button = screen.getByRole('button', { name: 'Cloud' });
    expect(button.getAttribute('aria-current')).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute('aria-current')).toBe('page');
    expect(button.className).toContain('active');
    fireEvent.click(button);
    expect(button.getAttribute('aria-current')).toBeNull();
    expect(button.className).not.toContain('active');
  });

  it('gives each entry its own status id', () => {
    render(
      <>
        <Entry />
        <SideNavEntry label="AI" icon="·" status="Not set up" open={false} onOpen={() => {}} onClose={() => {}} />
      </>,
    );
    const ids = screen.getAllByRole('button').map((b) => b.getAttribute('aria-describedby'));
    expect(new Set(ids).size).toBe(2);
  });
});
