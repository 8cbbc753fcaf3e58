import type { DataBucket } from '../../../shared/models';
import type { ProjectRuntime } from '../engine';
import type { Store } from '../store/store';
import type { Clock } from '../util/clock';

/** How long a bucket written by a request waits before it is stored: writes within it are stored once. */
export const BUCKET_WRITE_BEHIND_MS = 50;

export interface BucketRuntimeOptions {
  clock: Clock;
  /**
   * Renders a templated bucket's content when the project starts serving it (the template
   * engine's job); absent, the content is used as written.
   */
  renderContent?: ((content: string, bucket: DataBucket, runtime: ProjectRuntime) => string) | undefined;
  /** Where a failed write goes (the value stays in memory and is tried again on the next write). */
  onError?: ((message: string, error: unknown) => void) | undefined;
  writeBehindMs?: number;
}

/**
 * A served project's runtime (engine/runtime.ts) whose data buckets are the catalog's,
 * persisted: a bucket is read from the store the first time a request needs it (its stored
 * current value, else its content, rendered when templated), then served from memory.
 * Requests' writes (CRUD routes) change the value in memory at once and are stored behind,
 * batched: every bucket written within BUCKET_WRITE_BEHIND_MS is stored in one transaction,
 * so a burst of POSTs costs one serialisation and one commit, and the serving thread never
 * waits for the disk per request. A catalog change of a bucket (edit, reset, delete) drops
 * its memory, so the next request reads the new state; `flush()` stores what is pending
 * (before the catalog reads or replaces a value, and when the server closes). A crash
 * loses at most the last write-behind window.
 */
export class PersistedRuntime implements ProjectRuntime {
  readonly globals = new Map<string, unknown>();
  readonly scenarios = new Map<string, string>();
  private defs: Map<string, DataBucket> | null = null;
  private readonly values = new Map<string, unknown>();
  private readonly dirty = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Buckets whose template is being rendered: one that reads itself ({{data 'self'}}) sees no value, not a loop. */
  private readonly rendering = new Set<string>();

  constructor(
    private readonly store: Store,
    readonly projectId: string,
    private readonly opts: BucketRuntimeOptions,
  ) {}

  bucket(nameOrId: string): unknown {
    const def = this.def(nameOrId);
    if (!def) return undefined;
    if (this.values.has(def.id)) return this.values.get(def.id);
    if (this.rendering.has(def.id)) return undefined;
    const value = this.load(def);
    this.values.set(def.id, value);
    return value;
  }

  setBucket(nameOrId: string, value: unknown): boolean {
    const def = this.def(nameOrId);
    if (!def) return false;
    this.values.set(def.id, value);
    this.dirty.add(def.id);
    this.timer ??= unref(setTimeout(() => this.flush(), this.opts.writeBehindMs ?? BUCKET_WRITE_BEHIND_MS));
    return true;
  }

  /** Stores pending writes now: of one bucket, or all. */
  flush(bucketId?: string): void {
    const ids = bucketId === undefined ? [...this.dirty] : this.dirty.has(bucketId) ? [bucketId] : [];
    if (this.dirty.size === ids.length && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (ids.length === 0) return;
    const now = this.opts.clock.now().toISOString();
    try {
      this.store.tx(() => {
        for (const id of ids) this.store.buckets.setValue(id, JSON.stringify(this.values.get(id)) ?? 'null', now);
      });
      for (const id of ids) this.dirty.delete(id);
    } catch (e) {
      this.report(
        `data bucket values of project ${this.projectId} could not be stored (kept in memory, retried on the next write)`,
        e,
      );
    }
  }

  /** The catalog changed a bucket (or the list): forget what memory holds of it; pending writes of it are void. */
  forget(bucketId: string): void {
    this.dirty.delete(bucketId);
    this.values.delete(bucketId);
    this.defs = null;
  }

  /** Stores what is pending and stops the timer (the project is no longer served, or the server closes). */
  close(): void {
    this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private def(nameOrId: string): DataBucket | undefined {
    if (!this.defs) {
      this.defs = new Map();
      for (const b of this.store.buckets.listByProject(this.projectId)) {
        this.defs.set(b.id, b);
        this.defs.set(b.name, b);
      }
    }
    return this.defs.get(nameOrId);
  }

  private load(def: DataBucket): unknown {
    const stored = this.store.buckets.value(def.id);
    if (stored) return parseOrText(stored.value);
    const render = this.opts.renderContent;
    if (!def.templated || !render) return parseOrText(def.content);
    this.rendering.add(def.id);
    try {
      return parseOrText(render(def.content, def, this));
    } catch (e) {
      // A broken template leaves the bucket its content as written, and says why in the app log.
      this.report(
        `the template of data bucket "${def.name}" could not be rendered; it holds its content as written`,
        e,
      );
      return parseOrText(def.content);
    } finally {
      this.rendering.delete(def.id);
    }
  }

  private report(message: string, error: unknown): void {
    (this.opts.onError ?? ((m, err) => console.error(m, err)))(message, error);
  }
}

/** Mockoon keeps content that is not JSON as a string. */
function parseOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function unref<T extends ReturnType<typeof setTimeout>>(t: T): T {
  t.unref?.();
  return t;
}
