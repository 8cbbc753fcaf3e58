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
        aria-describedby="market-nav-status"
        onClick={() => (open ? closeMarket() : openMarket())}
      >
        <span className="project-name">
          <span aria-hidden="true">▦ </span>Marketplace
        </span>
      </button>
      {/* Beside the button: its name stays the visible "Marketplace" (WCAG 2.5.3), as Cloud's. */}
      <span id="market-nav-status" className="project-meta cloud-nav-status">
        Scenarios, templates and plugins
      </span>
    </div>
  );
}
