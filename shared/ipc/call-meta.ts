import type { z } from 'zod';

/**
 * What the contract says about each call besides its types: what it does (in one sentence a
 * user understands), whether it changes anything, and which transports may make it. The
 * router enforces `transports`; the MCP server is generated from the rest.
 */

/** Every way a call reaches the handlers. */
export const TRANSPORTS = ['electron', 'web-bridge', 'direct', 'rest', 'cli', 'mcp'] as const;
export type Transport = (typeof TRANSPORTS)[number];

export interface CallMeta {
  /** One user-facing sentence: what the call does. */
  readonly description: string;
  /** False for calls that only read: safe to retry, to expose to an assistant, to cache. */
  readonly mutates: boolean;
  readonly transports: readonly Transport[];
}

export interface CallSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** Type only: the value is never read. */
  readonly output: O;
  readonly meta: CallMeta;
}

/** Declares a call: its input schema and metadata now, its output type through `.returns<T>()`. */
export const call = <I extends z.ZodType>(input: I, meta: CallMeta) => ({
  returns: <O>(): CallSpec<I, O> => ({ input, meta, output: undefined as unknown as O }),
});

/**
 * The renderer's transports and in-process callers (tests, the app's own wiring): every call
 * the UI makes is allowed over these.
 */
const UI: readonly Transport[] = ['electron', 'web-bridge', 'direct'];

/** A read-only call, made by the UI and by the `extra` transports. */
export const reads = (description: string, ...extra: Transport[]): CallMeta => ({
  description,
  mutates: false,
  transports: [...UI, ...extra],
});

/** A call that changes local or cloud state, made by the UI and by the `extra` transports. */
export const writes = (description: string, ...extra: Transport[]): CallMeta => ({
  description,
  mutates: true,
  transports: [...UI, ...extra],
});
