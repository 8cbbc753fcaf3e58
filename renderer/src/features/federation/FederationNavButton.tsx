import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/store';
import { SideNavEntry } from '../../ui/SideNavEntry';

/** The sidebar's way into the federation screen (projects composed under /f/<name>/). */
export function FederationNavButton() {
  const { open, openFederations, closeFederations } = useAppStore(
    useShallow((s) => ({
      open: s.federationsOpen,
      openFederations: s.openFederations,
      closeFederations: s.closeFederations,
    })),
  );
  return (
    <SideNavEntry
      label="Federations"
      icon="⇄"
      status="Projects together under /f/<name>/"
      open={open}
      onOpen={openFederations}
      onClose={closeFederations}
    />
  );
}
