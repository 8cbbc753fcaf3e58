import { useRef, type KeyboardEvent } from 'react';
import type { CloudTab } from '../../app/slices/cloud-slice';

/**
 * Nine tabs read as three groups: the organization and its plan, the projects it hosts, and
 * you and the service. A group's first tab carries a divider (CSS), so the tablist still
 * holds only tabs for screen readers.
 */
export const CLOUD_TABS: { tab: CloudTab; label: string; groupStart?: true }[] = [
  { tab: 'account', label: 'Account' },
  { tab: 'team', label: 'Team' },
  { tab: 'audit', label: 'Audit log' },
  { tab: 'sync', label: 'Sync', groupStart: true },
  { tab: 'deployments', label: 'Deployments' },
  { tab: 'tokens', label: 'API tokens' },
  { tab: 'data', label: 'Your data', groupStart: true },
  { tab: 'help', label: 'Help' },
  { tab: 'status', label: 'Status' },
];

export const cloudTabId = (tab: CloudTab) => `cloud-tab-${tab}`;
export const CLOUD_PANEL_ID = 'cloud-tabpanel';

/**
 * The WAI-ARIA tabs pattern with manual activation: only the selected tab is in the Tab order;
 * arrow keys, Home and End move focus along the tabs, Enter or Space opens one. Moving focus
 * does not open screens on the way, since each one asks the cloud.
 */
export function CloudTabs({ current, onSelect }: { current: CloudTab; onSelect: (tab: CloudTab) => void }) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const from = refs.current.findIndex((b) => b === document.activeElement);
    if (from < 0) return;
    const last = CLOUD_TABS.length - 1;
    const to =
      e.key === 'ArrowRight'
        ? (from + 1) % CLOUD_TABS.length
        : e.key === 'ArrowLeft'
          ? (from - 1 + CLOUD_TABS.length) % CLOUD_TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : -1;
    if (to < 0) return;
    e.preventDefault();
    refs.current[to]?.focus();
  };
  return (
    <div role="tablist" aria-label="Cloud views" className="tabs cloud-tabs" onKeyDown={onKeyDown}>
      {CLOUD_TABS.map((t, i) => (
        <button
          key={t.tab}
          ref={(el) => {
            refs.current[i] = el;
          }}
          id={cloudTabId(t.tab)}
          type="button"
          role="tab"
          aria-selected={current === t.tab}
          aria-controls={CLOUD_PANEL_ID}
          tabIndex={current === t.tab ? 0 : -1}
          className={`tab${current === t.tab ? ' active' : ''}${t.groupStart ? ' tab-group-start' : ''}`}
          onClick={() => onSelect(t.tab)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
