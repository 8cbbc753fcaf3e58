import type { Catalog } from '../../catalog/catalog';
import type { Store } from '../../store/store';

/** What route modules need; handed down by managementApi. */
export interface ManagementDeps {
  catalog: Catalog;
  store: Store;
  flushLogs: () => void;
  flushCounters: () => void;
}
