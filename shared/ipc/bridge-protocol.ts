import { z } from 'zod';
import { appErrorSchema, type Result } from './result';

/**
 * Wire details shared by main, the preload and the renderer's bridge clients. The call and
 * event table itself lives in contract.ts; this file only says how it travels.
 */

/** The one Electron IPC channel for calls, the one for cancelling a call, and the one for pushed events. */
export const INVOKE_CHANNEL = 'mockdeck:invoke';
export const CANCEL_CHANNEL = 'mockdeck:cancel';
export const EVENT_CHANNEL = 'mockdeck:event';

/**
 * What the preload exposes as `window.mockdeck`. `invoke` resolves with the Result rather
 * than rejecting, because errors crossing contextBridge lose every property but `message`;
 * the renderer turns `{ ok: false }` into an ApiError carrying the whole AppErrorShape.
 */
export interface PreloadBridge {
  /** `callId` (the page's own id for this call) is what `cancel` names later. */
  invoke(name: string, input: unknown, opts?: { callId?: string }): Promise<Result<unknown>>;
  /** Asks main to cancel the call made with this `callId`; its invoke then resolves with CANCELLED. */
  cancel(callId: string): void;
  on(name: string, listener: (payload: unknown) => void): () => void;
}

/** A page-chosen call id for `cancel` (Electron) — short, so junk cannot be large. */
export const electronCallIdSchema = z.string().min(1).max(100);

/** Web bridge: the token travels in the connection URL, `?token=…`. */
export const WEB_BRIDGE_TOKEN_PARAM = 'token';
/** Close codes the web bridge uses (4000–4999 are free for applications). */
export const WEB_BRIDGE_CLOSE = {
  unauthorized: 4401,
  // The standard "going away": the app is quitting or the harness stopped.
  shuttingDown: 1001,
} as const;

export const callIdSchema = z.union([z.string().min(1).max(100), z.number().int()]);

/** Client → bridge. */
export const webBridgeRequestSchema = z.object({
  id: callIdSchema,
  name: z.string().min(1).max(200),
  input: z.unknown().optional(),
});
export type WebBridgeRequest = z.infer<typeof webBridgeRequestSchema>;

/**
 * Client → bridge: cancel the call sent with this id. No reply of its own: the call answers
 * (with CANCELLED, or with its result if it finished first).
 */
export const webBridgeCancelSchema = z.object({ cancel: callIdSchema }).strict();
export type WebBridgeCancel = z.infer<typeof webBridgeCancelSchema>;

/** Bridge → client: the reply to one request (`id` is null when the request had none we could read). */
export interface WebBridgeReply {
  id: string | number | null;
  result: Result<unknown>;
}
/** Bridge → client: a pushed contract event. */
export interface WebBridgeEvent {
  event: string;
  payload: unknown;
}

const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);

export const webBridgeReplySchema = z.object({ id: callIdSchema.nullable(), result: resultSchema });
export const webBridgeEventSchema = z.object({ event: z.string(), payload: z.unknown() });

/**
 * What a client accepts from the bridge: a reply or an event, nothing else. Picks the schema
 * by shape rather than through a union, which would build a failed parse for every pushed
 * event (tens of ms a second while requests flood in).
 */
export function parseWebBridgeServerMessage(
  json: unknown,
): z.infer<typeof webBridgeReplySchema> | z.infer<typeof webBridgeEventSchema> | undefined {
  const schema =
    json !== null && typeof json === 'object' && 'event' in json ? webBridgeEventSchema : webBridgeReplySchema;
  const r = schema.safeParse(json);
  return r.success ? r.data : undefined;
}
