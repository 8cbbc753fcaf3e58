import type { Store } from '../store/store';
import type { Clock } from '../util/clock';
import { batchCreate } from './batch-create';
import { CatalogEvents } from './events';
import { MockService } from './mocks';
import { ProjectService } from './projects';
import { ResponseService } from './responses';

/** Projects, mocks and responses with the spec's rules; the one write path for every transport. */
export class Catalog {
  readonly events = new CatalogEvents();
  readonly projects: ProjectService;
  readonly mocks: MockService;
  readonly responses: ResponseService;

  constructor(
    readonly store: Store,
    clock: Clock,
  ) {
    this.projects = new ProjectService(store, clock, this.events);
    this.mocks = new MockService(store, clock, this.events, this.projects);
    this.responses = new ResponseService(store, clock, this.events, this.mocks);
  }

  batchCreate(input: unknown): ReturnType<typeof batchCreate> {
    return batchCreate(this.store, this, input);
  }
}
