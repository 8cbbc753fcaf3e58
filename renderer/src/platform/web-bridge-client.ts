import {
  WEB_BRIDGE_CLOSE,
  WEB_BRIDGE_TOKEN_PARAM,
  parseWebBridgeServerMessage,
  type WebBridgeCancel,
  type WebBridgeRequest,
} from '../../../shared/ipc/bridge-protocol';
import type { MockDeckApi } from '../../../shared/ipc/contract';
import type { AppErrorShape } from '../../../shared/ipc/result';
import { ApiError, cancelledBeforeSent, unwrapResult } from './api-error';

/** The renderer's side of main/ipc/web-bridge.ts: the same typed API over a WebSocket. */

export interface WebBridgeClientOptions {
  /** ws://127.0.0.1:PORT */
  url: string;
  token: string;
  /** First reconnect delay; doubles up to `maxReconnectMs`. */
  reconnectMs?: number;
  maxReconnectMs?: number;
  /** How long a call made while disconnected waits for the connection before failing. */
  offlineTimeoutMs?: number;
  /** Injected by tests in runtimes without a global WebSocket. */
  WebSocketImpl?: typeof WebSocket;
}

export interface WebBridgeClient extends MockDeckApi {
  /** Stops reconnecting and rejects every pending call. */
  close(): void;
  readonly connected: boolean;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** Text to send; null once it is on the wire. */
  unsent: string | null;
}

const offline = (message: string): AppErrorShape => ({
  code: 'OFFLINE',
  message,
  hint: 'MockDeck restarts the connection by itself; try again in a moment.',
});

export function createWebBridgeClient(opts: WebBridgeClientOptions): WebBridgeClient {
  const Impl = opts.WebSocketImpl ?? globalThis.WebSocket;
  const minDelay = opts.reconnectMs ?? 250;
  const maxDelay = opts.maxReconnectMs ?? 5000;
  const offlineTimeout = opts.offlineTimeoutMs ?? 15_000;
  const pending = new Map<string, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocket | null = null;
  let nextId = 1;
  let delay = minDelay;
  let closed = false;
  let fatal: AppErrorShape | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const failAll = (shape: AppErrorShape, onlySent: boolean): void => {
    for (const [id, p] of pending) {
      if (onlySent && p.unsent !== null) continue;
      pending.delete(id);
      p.reject(new ApiError(shape));
    }
  };

  const connect = (): void => {
    const url = new URL(opts.url);
    url.searchParams.set(WEB_BRIDGE_TOKEN_PARAM, opts.token);
    const ws = new Impl(url.toString());
    socket = ws;
    ws.onopen = () => {
      delay = minDelay;
      for (const p of pending.values()) {
        if (p.unsent === null) continue;
        ws.send(p.unsent);
        p.unsent = null;
      }
    };
    ws.onmessage = (e: MessageEvent) => onMessage(e.data);
    ws.onclose = (e: CloseEvent) => {
      if (socket === ws) socket = null;
      if (e.code === WEB_BRIDGE_CLOSE.unauthorized) {
        // Retrying with the same token cannot succeed.
        fatal = { code: 'UNAUTHORIZED', message: `the web bridge refused this page: ${e.reason || 'wrong token'}` };
        failAll(fatal, false);
        return;
      }
      // A call already sent may or may not have run: report it rather than resend it.
      failAll(offline('the connection to MockDeck was lost before the call finished'), true);
      if (!closed) {
        timer = setTimeout(connect, delay);
        delay = Math.min(delay * 2, maxDelay);
      }
    };
  };

  const onMessage = (data: unknown): void => {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const msg = parseWebBridgeServerMessage(json);
    if (!msg) return;
    if ('event' in msg) {
      const { event, payload } = msg;
      for (const l of listeners.get(event) ?? []) l(payload);
      return;
    }
    const p = msg.id === null ? undefined : pending.get(String(msg.id));
    if (!p) return;
    pending.delete(String(msg.id));
    try {
      p.resolve(unwrapResult(msg.result));
    } catch (e) {
      p.reject(e as Error);
    }
  };

  /**
   * Aborting `signal` sends `{cancel: id}` for a call already sent (its reply then says
   * CANCELLED, or carries the result if it finished first); a call still queued is dropped.
   */
  const invoke = (name: string, input: unknown, opts?: { signal?: AbortSignal }): Promise<unknown> => {
    if (fatal) return Promise.reject(new ApiError(fatal));
    if (closed) return Promise.reject(new ApiError(offline('the web bridge client is closed')));
    const signal = opts?.signal;
    if (signal?.aborted) return Promise.reject(cancelledBeforeSent());
    const id = String(nextId++);
    const text = JSON.stringify({ id, name, input } satisfies WebBridgeRequest);
    const settled = new Promise((resolve, reject) => {
      const open = socket?.readyState === Impl.OPEN;
      const p: Pending = { resolve, reject, unsent: open ? null : text };
      pending.set(id, p);
      signal?.addEventListener(
        'abort',
        () => {
          if (pending.get(id) !== p) return;
          if (p.unsent !== null) {
            pending.delete(id);
            reject(cancelledBeforeSent());
          } else if (socket?.readyState === Impl.OPEN) {
            socket.send(JSON.stringify({ cancel: id } satisfies WebBridgeCancel));
          }
        },
        { once: true },
      );
      if (open) {
        socket?.send(text);
        return;
      }
      // Queued until the socket (re)opens, but a spinner must not wait forever.
      setTimeout(() => {
        if (p.unsent === null || pending.get(id) !== p) return;
        pending.delete(id);
        reject(new ApiError(offline('MockDeck is not reachable: the call was not sent')));
      }, offlineTimeout);
    });
    return settled;
  };

  const on = (name: string, listener: (payload: unknown) => void): (() => void) => {
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };

  connect();
  return {
    invoke: invoke as MockDeckApi['invoke'],
    on: on as MockDeckApi['on'],
    get connected() {
      return socket?.readyState === Impl.OPEN;
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close(1000, 'closed by the page');
      failAll(offline('the web bridge client is closed'), false);
    },
  };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Reads `?bridge=ws://127.0.0.1:PORT&token=T` from a page query. Only loopback ws:// URLs
 * are accepted: a link to the app must not be able to point it at someone else's server.
 */
export function readBridgeParams(search: string): { url: string; token: string } | null {
  const params = new URLSearchParams(search);
  const raw = params.get('bridge');
  const token = params.get(WEB_BRIDGE_TOKEN_PARAM);
  if (!raw || !token) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'ws:' || !LOOPBACK_HOSTS.has(url.hostname) || url.username || url.password) return null;
  return { url: `${url.protocol}//${url.host}`, token };
}
