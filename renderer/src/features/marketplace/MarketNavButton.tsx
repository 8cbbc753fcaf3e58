import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/store';

/** The sidebar's way into the marketplace browser. */
export function MarketNavButton() {
  const { open, openMarket, closeMarket } = useAppStore(
    useShallow((s) => ({ open: s.marketOpen, openMarket: s.openMarket, closeMarket: s.closeMarket })),
  );
  return (
    <div className="cloud-nav">
      <button
        type="button"
        className={`project-item cloud-nav-btn ${open ? 'active' : ''}`}
        aria-current={open ? 'page' : undefined}
        aria-label="Marketplace"
        onClick={() => (open ? closeMarket() : openMarket())}
      >
        <span className="project-name">▦ Marketplace</span>
        <span className="project-meta">Scenarios, templates and plugins</span>
      </button>
    </div>
  );
}
