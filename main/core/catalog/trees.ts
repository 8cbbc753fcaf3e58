import { z } from 'zod';
import {
  mockDraftSchema,
  normalizeMockPath,
  projectDraftSchema,
  slugify,
  type Mock,
  type MockDraft,
  type Project,
  type ProjectDraft,
  type TreeSource,
} from '../../../shared/models';
import type { Store } from '../store/store';
import type { Clock } from '../util/clock';
import { AppError, parseInput } from '../util/errors';
import { newId } from '../util/ids';
import type { CatalogEvents } from './events';
import type { ProjectService } from './projects';
import { TREE_WRITE_TIMEOUT_MS, TreeWorkers } from './tree-worker';

export interface TreeOptions {
  /** What the tree comes from; recorded in the `project.imported` event. */
  source: TreeSource;
  /**
   * `unique` (default): the draft's slug, or one made from its name, with -2, -3… added when
   * another project has it. `exact`: the draft's slug as it is; CONFLICT (field `project.slug`) when taken.
   */
  slug?: 'unique' | 'exact';
  /**
   * `drop` (default): a port another project owns is left out, and reported in `adjusted`.
   * `refuse`: CONFLICT (field `project.port`).
   */
  port?: 'drop' | 'refuse';
}

export interface TreeResult {
  project: Project;
  mockCount: number;
  responseCount: number;
  /** What was changed from the draft so the tree fits here. */
  adjusted: {
    /** Set when the project got another slug than the one wanted (the draft's, or its name's). */
    slug: { wanted: string; got: string } | null;
    /** The draft's port when another project owns it (policy `drop`). */
    droppedPort: number | null;
  };
}

const mockDraftsSchema = z.array(mockDraftSchema).min(1).max(1000);

/**
 * Writes whole project trees (project → mocks → responses) from a ProjectDraft
 * (shared/models/content.ts), each in ONE transaction: all of it or nothing. Batch-create,
 * project-file import and sync's cloud copies use it; importers, the marketplace and AI
 * generation should too. The draft is validated before anything is written, and errors name
 * the JSON path in the draft, e.g. `mocks.2.responses.0.statusCode`.
 *
 * Rules are the same as creating the tree one call at a time: mock paths are normalised
 * (`:id` → `{id}`), a mock keeps at most one default response (the last marked), order is
 * the draft's. Events, delivered after commit: `project.created` then `project.imported` for
 * a new tree; `mock.created` per mock added to an existing project.
 */
export class TreeService {
  private readonly workers = new TreeWorkers();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: CatalogEvents,
    private readonly projects: ProjectService,
  ) {}

  /** Validates the draft and writes it on this thread. */
  create(draftInput: unknown, opts: TreeOptions): TreeResult {
    return this.write(parseInput(projectDraftSchema, draftInput), opts);
  }

  /**
   * Validates the draft here, then writes it on a worker thread with its own connection to
   * catalog.db (./tree-worker.ts), so a 10,000-mock tree does not hold up mock answers on
   * this thread; its events reach this thread's listeners once it has committed. Writes run
   * one at a time and each is bounded by `timeoutMs` (rolled back past it). An in-memory
   * store cannot be shared with another thread: it writes here.
   */
  async createOffThread(
    draftInput: unknown,
    opts: TreeOptions,
    limits: { timeoutMs?: number } = {},
  ): Promise<TreeResult> {
    const draft = parseInput(projectDraftSchema, draftInput);
    if (this.store.dataDir === null) return this.write(draft, opts);
    const { result, events } = await this.workers.write(this.store.dataDir, draft, opts, {
      now: this.clock.now().toISOString(),
      timeoutMs: limits.timeoutMs ?? TREE_WRITE_TIMEOUT_MS,
    });
    this.events.deliverCommitted(events);
    return result;
  }

  /** Ends tree writes in progress on worker threads (rolled back, their callers told); for closing the app. */
  closeWorkers(): Promise<void> {
    return this.workers.close();
  }

  /** Writes a validated draft in one transaction on this thread's connection (the worker calls it too). */
  write(draft: ProjectDraft, opts: TreeOptions): TreeResult {
    const { store } = this;
    return store.tx(() => {
      const header = draft.project;
      const wanted = header.slug ?? slugify(header.name);
      const slug = opts.slug === 'exact' ? wanted : this.projects.uniqueSlug(wanted);
      const port = header.port ?? null;
      const dropPort = port !== null && opts.port !== 'refuse' && store.projects.getByPort(port) !== undefined;
      const project = inDraft('project', () =>
        this.projects.create({
          name: header.name,
          description: header.description,
          isPublic: header.isPublic,
          templatingSeed: header.templatingSeed,
          slug,
          port: dropPort ? null : port,
        }),
      );
      const { responseCount } = this.insertMocks(project.id, draft.mocks, 0, project.createdAt);
      const mockCount = draft.mocks.length;
      this.events.record({
        type: 'project.imported',
        payload: { projectId: project.id, source: opts.source, mockCount, responseCount },
      });
      return {
        project,
        mockCount,
        responseCount,
        adjusted: {
          slug: slug === wanted ? null : { wanted, got: slug },
          droppedPort: dropPort ? port : null,
        },
      };
    });
  }

  /**
   * Adds mocks with their responses after a project's existing mocks, in one transaction.
   * Errors name the path in `mocks`, e.g. `mocks.0.responses.1.body`.
   */
  addMocks(projectId: string, mocksInput: unknown): Mock[] {
    const mocks = parseInput(mockDraftsSchema, mocksInput, 'mocks');
    return this.store.tx(() => {
      this.projects.require(projectId);
      const now = this.clock.now().toISOString();
      const first = this.store.mocks.nextSortOrder(projectId);
      const inserted = this.insertMocks(projectId, mocks, first, now).mocks;
      this.store.projects.touch(projectId, now);
      for (const m of inserted) this.events.record({ type: 'mock.created', payload: { projectId, mockId: m.id } });
      return inserted;
    });
  }

  /**
   * Inserts mocks from `sortOrder` on. Records no event per mock: a new tree is announced
   * once (`project.imported`), so a 10,000-mock import is one event, not 10,000.
   */
  private insertMocks(
    projectId: string,
    drafts: readonly MockDraft[],
    sortOrder: number,
    now: string,
  ): { mocks: Mock[]; responseCount: number } {
    let responseCount = 0;
    const mocks = drafts.map(({ responses, ...content }, i) => {
      const mock: Mock = {
        id: newId(),
        projectId,
        ...content,
        path: normalizeMockPath(content.path),
        createdAt: now,
        updatedAt: now,
      };
      this.store.mocks.insert(mock, sortOrder + i);
      const defaultAt = responses.findLastIndex((r) => r.isDefault);
      responses.forEach((r, j) => {
        this.store.responses.insert({
          id: newId(),
          mockId: mock.id,
          ...r,
          isDefault: j === defaultAt,
          sortOrder: j,
          createdAt: now,
          updatedAt: now,
        });
      });
      responseCount += responses.length;
      return mock;
    });
    return { mocks, responseCount };
  }
}

/** Re-labels an error of the project part (slug or port taken) with its path in the draft. */
function inDraft<T>(prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AppError && e.field) {
      const opts: { field: string; hint?: string } = { field: `${prefix}.${e.field}` };
      if (e.hint) opts.hint = e.hint;
      throw new AppError(e.code, e.message, opts);
    }
    throw e;
  }
}
