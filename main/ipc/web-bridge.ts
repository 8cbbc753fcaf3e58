import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import {
  WEB_BRIDGE_CLOSE,
  WEB_BRIDGE_TOKEN_PARAM,
  webBridgeCancelSchema,
  webBridgeRequestSchema,
  type WebBridgeEvent,
  type WebBridgeReply,
} from '../../shared/ipc/bridge-protocol';
import type { EventSource } from '../core/events/event-hub';
import type { Dispatcher } from '../core/handlers/router';
import { consoleLogger, type Logger } from '../core/util/logger';

/**
 * The loopback WebSocket transport: the same handler table and events as Electron IPC, for
 * the real renderer running in a plain browser (Playwright drives it, since the Electron
 * binary cannot be downloaded on the build machines). Loopback only, and every connection
 * must present the random token, because any web page the user visits may also open
 * sockets to 127.0.0.1.
 */

// Transports do not import each other: EventSource lives with the hub, re-exported for
// callers that took it from here.
export type { EventSource };

export interface WebBridgeOptions {
  dispatcher: Dispatcher;
  events?: EventSource;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Generated (32 random bytes) when absent. */
  token?: string;
  logger?: Logger;
  /** Largest accepted message; response bodies may be up to 5 MB, so leave room. */
  maxPayloadBytes?: number;
  /**
   * The browser origins whose pages may connect (e.g. http://127.0.0.1:PORT of the browser
   * UI's static server), read at each upgrade so a server started after the bridge can be
   * named. A browser always sends Origin: any other site's page is refused with 403 before
   * the token is even looked at. A request without Origin is no browser page and needs only
   * the token. None allowed when absent.
   */
  allowedOrigins?: () => Iterable<string>;
}

export interface WebBridge {
  /** ws://127.0.0.1:PORT, without the token. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Authenticated connections open now. */
  clientCount(): number;
  close(): Promise<void>;
}

export const WEB_BRIDGE_HOST = '127.0.0.1';
const DEFAULT_MAX_PAYLOAD = 16 * 1024 * 1024;
/** A client that stops reading gets cut off instead of growing main's memory without bound. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

/**
 * The Electron shell opens no socket unless asked (MOCKDECK_WEB_BRIDGE=1), packaged or not:
 * a listening socket is attack surface every local process and web page can reach, and
 * the desktop renderer itself talks over Electron IPC. `mockdeck ui` starts its own.
 */
export function isWebBridgeEnabled(opts: { env: Record<string, string | undefined> }): boolean {
  return opts.env.MOCKDECK_WEB_BRIDGE === '1';
}

/** `Origin` values are compared in URL-normalised form: scheme://host[:port], lower case. */
export function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export const newBridgeToken = (): string => randomBytes(32).toString('base64url');

/** The page query a renderer reads to find the bridge: `?bridge=ws://…&token=…`. */
export function bridgeQuery(bridge: Pick<WebBridge, 'url' | 'token'>): string {
  return new URLSearchParams({ bridge: bridge.url, [WEB_BRIDGE_TOKEN_PARAM]: bridge.token }).toString();
}

export async function startWebBridge(opts: WebBridgeOptions): Promise<WebBridge> {
  const logger = opts.logger ?? consoleLogger;
  const token = opts.token ?? newBridgeToken();
  if (token.length < 16) throw new Error('web bridge token must be at least 16 characters');
  const wss = new WebSocketServer({
    host: WEB_BRIDGE_HOST,
    port: opts.port ?? 0,
    maxPayload: opts.maxPayloadBytes ?? DEFAULT_MAX_PAYLOAD,
    verifyClient: ({ req }, done) => {
      const origin = req.headers.origin;
      if (origin === undefined || originAllowed(origin, opts.allowedOrigins)) return done(true);
      logger.warn(`web bridge refused a connection from the page origin ${origin.slice(0, 200)}`);
      done(false, 403, 'origin not allowed');
    },
  });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });
  wss.on('error', (e) => logger.error('web bridge server error', e));
  const port = (wss.address() as AddressInfo).port;
  const clients = new Set<WebSocket>();

  wss.on('connection', (ws, req) => {
    if (!tokenMatches(req, token)) {
      logger.warn(`web bridge refused a connection without the right token from ${req.socket.remoteAddress ?? '?'}`);
      ws.close(WEB_BRIDGE_CLOSE.unauthorized, 'unauthorized: missing or wrong token');
      return;
    }
    clients.add(ws);
    // Calls of this connection still running, by id: a cancel message aborts one; a closed
    // connection aborts them all (nobody is left to read their answers).
    const inFlight = new Map<string, AbortController>();
    ws.on('close', () => {
      clients.delete(ws);
      for (const c of inFlight.values()) c.abort();
    });
    ws.on('error', (e) => logger.warn('web bridge client error', e));
    ws.on('message', (data, isBinary) => {
      void handleMessage(ws, data, isBinary, { dispatcher: opts.dispatcher, logger, inFlight });
    });
  });

  const unsubscribe = opts.events?.subscribe((event, payload) => {
    if (clients.size === 0) return;
    const text = JSON.stringify({ event, payload } satisfies WebBridgeEvent);
    for (const ws of clients) send(ws, text);
  });

  return {
    url: `ws://${WEB_BRIDGE_HOST}:${port}`,
    port,
    token,
    clientCount: () => clients.size,
    async close() {
      unsubscribe?.();
      for (const ws of clients) ws.close(WEB_BRIDGE_CLOSE.shuttingDown, 'MockDeck is shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      // Clients that do not answer the close handshake must not keep the process alive.
      for (const ws of clients) ws.terminate();
    },
  };
}

function originAllowed(origin: string, allowed: (() => Iterable<string>) | undefined): boolean {
  const given = originOf(origin);
  if (given === null || !allowed) return false;
  for (const o of allowed()) if (originOf(o) === given) return true;
  return false;
}

function tokenMatches(req: IncomingMessage, token: string): boolean {
  const given = new URL(req.url ?? '/', 'ws://bridge').searchParams.get(WEB_BRIDGE_TOKEN_PARAM);
  if (!given) return false;
  // Compare digests so neither the length nor the content leaks through timing.
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}

interface Connection {
  dispatcher: Dispatcher;
  logger: Logger;
  inFlight: Map<string, AbortController>;
}

async function handleMessage(ws: WebSocket, data: RawData, isBinary: boolean, conn: Connection): Promise<void> {
  const request = parseRequest(data, isBinary);
  if ('error' in request) {
    send(ws, JSON.stringify(request.error));
    return;
  }
  if ('cancel' in request) {
    conn.inFlight.get(String(request.cancel))?.abort();
    return;
  }
  const key = String(request.id);
  const controller = new AbortController();
  conn.inFlight.set(key, controller);
  let result;
  try {
    result = await conn.dispatcher.dispatch(request.name, request.input, { signal: controller.signal });
  } catch (e) {
    // The router never throws; if it ever does, the caller still gets an answer.
    conn.logger.error('web bridge dispatch threw', e);
    result = { ok: false as const, error: { code: 'INTERNAL_ERROR' as const, message: 'internal error' } };
  } finally {
    if (conn.inFlight.get(key) === controller) conn.inFlight.delete(key);
  }
  send(ws, JSON.stringify({ id: request.id, result } satisfies WebBridgeReply));
}

type Parsed =
  { id: string | number; name: string; input: unknown } | { cancel: string | number } | { error: WebBridgeReply };

function parseRequest(data: RawData, isBinary: boolean): Parsed {
  const invalid = (id: string | number | null, message: string): Parsed => ({
    error: { id, result: { ok: false, error: { code: 'VALIDATION_ERROR', message, field: 'message' } } },
  });
  if (isBinary) return invalid(null, 'binary messages are not accepted: send JSON text');
  let json: unknown;
  try {
    json = JSON.parse(rawToString(data));
  } catch {
    return invalid(null, 'message is not valid JSON');
  }
  const c = webBridgeCancelSchema.safeParse(json);
  if (c.success) return { cancel: c.data.cancel };
  const r = webBridgeRequestSchema.safeParse(json);
  if (!r.success) {
    const id = webBridgeRequestSchema.shape.id.safeParse((json as { id?: unknown } | null)?.id);
    return invalid(
      id.success ? id.data : null,
      'message must be {"id": string|number, "name": string, "input"?: any} or {"cancel": id}',
    );
  }
  return { id: r.data.id, name: r.data.name, input: r.data.input };
}

function rawToString(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function send(ws: WebSocket, text: string): void {
  if (ws.readyState !== WebSocket.OPEN) return;
  if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
    ws.terminate();
    return;
  }
  ws.send(text);
}
