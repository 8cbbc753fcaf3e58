import type { Store } from '../store/store';
import type { Clock } from '../util/clock';
import { batchCreate } from './batch-create';
import { BucketService } from './buckets';
import { CatalogEvents } from './events';
import { MockService } from './mocks';
import { ProjectService } from './projects';
import { ResponseService } from './responses';
import { TreeService } from './trees';

/**
 * Outbox rows kept whatever their state: until webhooks and pipelines consume the outbox,
 * nothing marks rows delivered, and the table must not grow with every edit forever.
 */
export const OUTBOX_KEEP_NEWEST = 10_000;

/** Projects, mocks, responses and data buckets with the spec's rules; the one write path for every transport. */
export class Catalog {
  readonly events: CatalogEvents;
  readonly projects: ProjectService;
  readonly mocks: MockService;
  readonly responses: ResponseService;
  /** Data buckets of a project (./buckets.ts). */
  readonly buckets: BucketService;
  /** Whole project trees from a draft, in one transaction (./trees.ts). */
  readonly trees: TreeService;

  constructor(
    readonly store: Store,
    clock: Clock,
  ) {
    this.events = new CatalogEvents(store, clock);
    this.projects = new ProjectService(store, clock, this.events);
    this.mocks = new MockService(store, clock, this.events, this.projects);
    this.responses = new ResponseService(store, clock, this.events, this.mocks);
    this.buckets = new BucketService(store, clock, this.events, this.projects);
    this.trees = new TreeService(store, clock, this.events, this.projects);
    store.outbox.prune({ keepNewest: OUTBOX_KEEP_NEWEST });
  }

  batchCreate(input: unknown): ReturnType<typeof batchCreate> {
    return batchCreate(this.trees, input);
  }
}
