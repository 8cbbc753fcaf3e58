import type {
  CallInput,
  CallName,
  CallOutput,
  EventName,
  EventPayload,
  MockDeckApi,
} from '../../../shared/ipc/contract';
import { appErrorSchema, type AppErrorShape } from '../../../shared/ipc/result';
import { getApi } from '../platform/bridge';

let override: MockDeckApi | null = null;

/** Unit tests swap in an in-memory API; the app always uses the platform bridge. */
export function setApiForTests(api: MockDeckApi | null): void {
  override = api;
}

const api = (): MockDeckApi => override ?? getApi();

/**
 * Turns anything a failed call throws into the shared error shape. The bridge attaches the
 * shape to the Error it rejects with; a transport failure (socket closed, bug) has none, and
 * still gets a message the user can read instead of "[object Object]".
 */
export function toAppError(e: unknown): AppErrorShape {
  const direct = appErrorSchema.safeParse(e);
  if (direct.success) return direct.data;
  if (e && typeof e === 'object') {
    for (const key of ['appError', 'error', 'shape', 'detail']) {
      const nested = appErrorSchema.safeParse((e as Record<string, unknown>)[key]);
      if (nested.success) return nested.data;
    }
  }
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : 'Something went wrong';
  return { code: 'INTERNAL_ERROR', message, hint: 'If this keeps happening, restart MockDeck.' };
}

/**
 * A typed call that rejects with an AppErrorShape, never a raw transport error. Aborting
 * `opts.signal` cancels it in main: a long call (sync, deploy) then rejects with CANCELLED.
 */
export async function call<K extends CallName>(
  name: K,
  input: CallInput<K>,
  opts?: { signal?: AbortSignal },
): Promise<CallOutput<K>> {
  try {
    return await (opts?.signal ? api().invoke(name, input, { signal: opts.signal }) : api().invoke(name, input));
  } catch (e) {
    throw toAppError(e);
  }
}

export function subscribe<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
  return api().on(name, listener);
}

export function isAppError(e: unknown): e is AppErrorShape {
  return appErrorSchema.safeParse(e).success;
}
