import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/store';
import { SideNavEntry } from '../../ui/SideNavEntry';

/** The sidebar's way into the marketplace browser. */
export function MarketNavButton() {
  const { open, openMarket, closeMarket } = useAppStore(
    useShallow((s) => ({ open: s.marketOpen, openMarket: s.openMarket, closeMarket: s.closeMarket })),
  );
  return (
    <SideNavEntry
      label="Marketplace"
      icon="▦"
      status="Scenarios, templates and plugins"
      open={open}
      onOpen={openMarket}
      onClose={closeMarket}
    />
  );
}
