import { useId, type ReactNode } from 'react';

/**
 * One of the sidebar's ways into a screen (Federations, Marketplace, Cloud, AI): a button that
 * opens the screen or, when it is the one open, closes it again, and a status line beside it.
 * The line is beside the button, not in it, so the button's name is exactly its visible label
 * (WCAG 2.5.3) while screen readers still hear the line, as the button's description.
 */
export function SideNavEntry({
  label,
  icon,
  status,
  statusTestId,
  open,
  onOpen,
  onClose,
}: {
  /** The visible text and the whole accessible name. */
  label: string;
  /** Decoration before the label (a state dot, a glyph): hidden from assistive technology. */
  icon: ReactNode;
  status: ReactNode;
  statusTestId?: string;
  /** Whether this entry's screen is the one shown (aria-current="page"). */
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
}) {
  const statusId = useId();
  return (
    <div className="side-nav">
      <button
        type="button"
        className={`project-item side-nav-btn ${open ? 'active' : ''}`}
        aria-current={open ? 'page' : undefined}
        aria-describedby={statusId}
        onClick={() => (open ? onClose() : onOpen())}
      >
        <span className="project-name">
          <span className="side-nav-icon" aria-hidden="true">
            {icon}
          </span>
          {label}
        </span>
      </button>
      <span id={statusId} className="project-meta side-nav-status" data-testid={statusTestId}>
        {status}
      </span>
    </div>
  );
}
