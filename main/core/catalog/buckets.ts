import {
  bucketContentProblem,
  bucketCreateSchema,
  bucketUpdateSchema,
  MAX_BUCKETS_PER_PROJECT,
  type DataBucket,
  type DataBucketWithValue,
} from '../../../shared/models';
import type { Store } from '../store/store';
import type { Clock } from '../util/clock';
import { AppError, notFound, parseInput } from '../util/errors';
import { newId } from '../util/ids';
import type { CatalogEvents } from './events';
import { stripUndefined } from './mocks';
import type { ProjectService } from './projects';

/**
 * Who holds bucket values in memory ahead of the store (the server's runtimes write them
 * behind, batched): the service has them written before it reads or replaces a value.
 */
export interface BucketValueHolder {
  /** Writes the pending value of `bucketId` (or of every bucket) to the store now. */
  flush(bucketId?: string): void;
}

/**
 * A project's data buckets: the one write path for their definitions (IPC, REST and CLI
 * alike), and reset. Events after commit: bucket.created/updated/deleted, and bucket.reset
 * when the current value goes back to the content (a reset, or an edited content or
 * templated flag). The current value itself is written by the server as requests change it
 * (main/core/server/bucket-runtime.ts), without events: traffic is not an edit.
 */
export class BucketService {
  private readonly holders = new Set<BucketValueHolder>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: CatalogEvents,
    private readonly projects: ProjectService,
  ) {}

  /** Registers a holder of unwritten values; returns its removal. */
  addValueHolder(holder: BucketValueHolder): () => void {
    this.holders.add(holder);
    return () => this.holders.delete(holder);
  }

  list(projectId: string): DataBucket[] {
    this.projects.require(projectId);
    return this.store.buckets.listByProject(projectId);
  }

  require(id: string): DataBucket {
    const b = this.store.buckets.get(id);
    if (!b) throw notFound('Bucket', id);
    return b;
  }

  /** The bucket with its current value (its content until a request changed it). */
  get(id: string): DataBucketWithValue {
    this.flush(id);
    const b = this.require(id);
    const stored = this.store.buckets.value(id);
    return { ...b, value: stored?.value ?? b.content, valueUpdatedAt: stored?.updatedAt ?? null };
  }

  create(projectId: string, input: unknown): DataBucket {
    const data = parseInput(bucketCreateSchema, input);
    return this.store.tx(() => {
      this.projects.require(projectId);
      if (this.store.buckets.count(projectId) >= MAX_BUCKETS_PER_PROJECT) {
        throw new AppError('VALIDATION_ERROR', `a project has at most ${MAX_BUCKETS_PER_PROJECT} data buckets`, {
          hint: 'delete a bucket you no longer use',
        });
      }
      this.assertNameFree(projectId, data.name);
      const now = this.clock.now().toISOString();
      const b: DataBucket = { id: newId(), projectId, ...data, createdAt: now, updatedAt: now };
      this.store.buckets.insert(b, this.store.buckets.nextSortOrder(projectId));
      this.store.projects.touch(projectId, now);
      this.events.record({ type: 'bucket.created', payload: { projectId, bucketId: b.id } });
      return b;
    });
  }

  /** Edits a bucket; a new content or templated flag also resets its current value to the new content. */
  update(id: string, input: unknown): DataBucket {
    const data = parseInput(bucketUpdateSchema, input);
    // Requests' writes land first, so a description edit keeps them.
    this.flush(id);
    return this.store.tx(() => {
      const b = this.require(id);
      const next: DataBucket = { ...b, ...stripUndefined(data), updatedAt: this.clock.now().toISOString() };
      const problem = bucketContentProblem(next.content, next.templated);
      if (problem) throw new AppError('VALIDATION_ERROR', problem, { field: 'content' });
      if (next.name !== b.name) this.assertNameFree(b.projectId, next.name);
      this.store.buckets.update(next);
      this.store.projects.touch(b.projectId, next.updatedAt);
      const payload = { projectId: b.projectId, bucketId: id };
      this.events.record({ type: 'bucket.updated', payload });
      if (next.content !== b.content || next.templated !== b.templated) {
        this.store.buckets.clearValue(id);
        this.events.record({ type: 'bucket.reset', payload });
      }
      return next;
    });
  }

  delete(id: string): void {
    this.store.tx(() => {
      const b = this.require(id);
      this.store.buckets.delete(id);
      this.store.projects.touch(b.projectId, this.clock.now().toISOString());
      this.events.record({ type: 'bucket.deleted', payload: { projectId: b.projectId, bucketId: id } });
    });
  }

  /** Puts the bucket's content back as its current value (rendered again when templated). */
  reset(id: string): DataBucketWithValue {
    this.store.tx(() => {
      const b = this.require(id);
      this.store.buckets.clearValue(id);
      this.events.record({ type: 'bucket.reset', payload: { projectId: b.projectId, bucketId: id } });
    });
    return this.get(id);
  }

  private flush(bucketId: string): void {
    for (const h of this.holders) h.flush(bucketId);
  }

  private assertNameFree(projectId: string, name: string): void {
    if (this.store.buckets.getByName(projectId, name)) {
      throw new AppError('CONFLICT', `this project already has a data bucket named "${name}"`, {
        field: 'name',
        hint: 'choose another name',
      });
    }
  }
}
