import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MARKET_KINDS } from '../../../../shared/models';
import { useAppStore } from '../../app/store';
import type { MarketTab } from '../../app/slices/market-slice';
import { ErrorBoundary } from '../../ui/ErrorBoundary';
import { InstalledList } from './InstalledList';
import { MarketDetail } from './MarketDetail';
import { MarketSearch } from './MarketSearch';
import { KIND_LABELS } from './market-queries';
import './marketplace.css';

const TABS: { tab: MarketTab; label: string }[] = [
  ...MARKET_KINDS.map((k) => ({ tab: k, label: KIND_LABELS[k].plural })),
  { tab: 'installed', label: 'Installed' },
];
const tabId = (t: MarketTab) => `market-tab-${t}`;

/** The marketplace browser, in place of the project area (docs/marketplace.md "In the app"). */
export function MarketView() {
  const { tab, item, openMarket, closeMarket } = useAppStore(
    useShallow((s) => ({ tab: s.marketTab, item: s.marketItem, openMarket: s.openMarket, closeMarket: s.closeMarket })),
  );
  useCloseOnProjectNav(closeMarket);
  return (
    <section className="cloud-view market-view" aria-label="Marketplace">
      <header className="project-header cloud-header">
        <div className="project-title-row">
          <div>
            <h1>Marketplace</h1>
            <p className="muted project-desc">
              Ready-made scenarios and templates become new projects; plugins run in your mocks.
            </p>
          </div>
          <div className="toolbar">
            <button type="button" className="btn btn-small" onClick={closeMarket}>
              Back to projects
            </button>
          </div>
        </div>
        <div role="tablist" aria-label="Marketplace" className="tabs">
          {TABS.map((t) => (
            <button
              key={t.tab}
              id={tabId(t.tab)}
              type="button"
              role="tab"
              aria-selected={tab === t.tab}
              aria-controls="market-panel"
              className={`tab ${tab === t.tab ? 'active' : ''}`}
              onClick={() => openMarket(t.tab, null)}
            >
              {t.label}
            </button>
          ))}
        </div>
      </header>
      <div className="cloud-body" id="market-panel" role="tabpanel" aria-labelledby={tabId(tab)}>
        <ErrorBoundary area="the marketplace">
          {item ? (
            <MarketDetail key={`${item.kind}:${item.name}`} kind={item.kind} name={item.name} />
          ) : tab === 'installed' ? (
            <InstalledList />
          ) : (
            <MarketSearch key={tab} kind={tab} />
          )}
        </ErrorBoundary>
      </div>
    </section>
  );
}

/**
 * Picking a project in the sidebar leaves the marketplace, as it leaves the Cloud screens. The
 * sidebar's automatic pick of a first project (after installing into an empty app) is not a
 * choice to leave: a change from no project at all is ignored.
 */
function useCloseOnProjectNav(close: () => void): void {
  useEffect(() => {
    const off = useAppStore.subscribe((s, prev) => {
      if (prev.projectId === null) return;
      if (s.projectId !== prev.projectId || s.view !== prev.view || s.mockId !== prev.mockId) close();
    });
    const onClick = (e: MouseEvent) => {
      if (e.target instanceof Element && e.target.closest('nav[aria-label="Projects"] li button')) close();
    };
    document.addEventListener('click', onClick, true);
    return () => {
      off();
      document.removeEventListener('click', onClick, true);
    };
  }, [close]);
}
