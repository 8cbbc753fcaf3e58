import {
  isCallName,
  type CallInput,
  type CallName,
  type CallOptions,
  type CallOutput,
  type CallParsed,
  type ContractCaller,
  calls,
} from '../../../shared/ipc/contract';
import type { AppErrorShape, Result } from '../../../shared/ipc/result';
import { AppError, cancelled, fromZodError } from '../util/errors';
import { redactError } from '../util/redact';
import {
  consoleLogger,
  type AppEnv,
  type HandlerContext,
  type HandlerCore,
  type Logger,
  type TransportKind,
} from './context';

export type Handler<K extends CallName> = (
  input: CallParsed<K>,
  ctx: HandlerContext,
) => CallOutput<K> | Promise<CallOutput<K>>;

/** What a transport needs: one function from an untrusted (name, input) to a Result. */
export interface Dispatcher {
  /** `signal` lets the transport cancel the call (its client asked, or went away). */
  dispatch(name: unknown, input: unknown, opts?: { signal?: AbortSignal }): Promise<Result<unknown>>;
}

export interface Router extends Dispatcher, ContractCaller {
  /** Registers the handler for `name`; throws if `name` already has one. */
  handle<K extends CallName>(name: K, fn: Handler<K>): Router;
  /** A bare transport kind is short for `{ transport }`; the default transport is 'direct'. */
  dispatch(name: unknown, input: unknown, opts?: CallOptions | TransportKind): Promise<Result<unknown>>;
  /** `dispatch` with the contract's types, for in-process callers (the REST API, the CLI, tests). */
  call<K extends CallName>(
    name: K,
    input: CallInput<K>,
    opts?: CallOptions | TransportKind,
  ): Promise<Result<CallOutput<K>>>;
  /** A dispatcher that reports `transport` to handlers and is held to the calls that transport may make. */
  forTransport(transport: TransportKind): Dispatcher;
  registered(): CallName[];
}

export interface RouterOptions {
  core: HandlerCore;
  app: AppEnv;
  logger?: Logger;
}

/** Said to the caller for any failure that is not an AppError: details go to the log only. */
export const INTERNAL_MESSAGE = 'Something went wrong inside MockDeck. The details are in the application log.';

/** Transports of remote callers: what a read-only replica refuses to let change anything. */
const REMOTE: ReadonlySet<TransportKind> = new Set<TransportKind>(['rest', 'mcp', 'web-bridge', 'electron']);

type AnyHandler = (input: unknown, ctx: HandlerContext) => unknown;

/**
 * The handler table every transport serves. Inputs arrive as `unknown` and are parsed with
 * the contract's schema before a handler sees them, so handlers never re-check shapes.
 */
export function createRouter(opts: RouterOptions): Router {
  const logger = opts.logger ?? consoleLogger;
  const table = new Map<CallName, AnyHandler>();

  const dispatch = async (
    name: unknown,
    input: unknown,
    options: CallOptions | TransportKind = {},
  ): Promise<Result<unknown>> => {
    const {
      transport = 'direct',
      signal = NEVER_ABORTED,
      requestId,
    } = typeof options === 'string' ? { transport: options } : options;
    if (!isCallName(name)) {
      const shown = typeof name === 'string' ? `"${name.slice(0, 100)}"` : typeof name;
      return fail({ code: 'VALIDATION_ERROR', message: `unknown call ${shown}`, field: 'name' });
    }
    const allowed = calls[name].meta.transports;
    if (!allowed.includes(transport)) {
      return fail({
        code: 'FORBIDDEN',
        message: `call "${name}" cannot be made over ${transport}`,
        hint: `it is available over: ${allowed.join(', ')}`,
      });
    }
    if (opts.app.readOnly && calls[name].meta.mutates && REMOTE.has(transport)) {
      return fail({
        code: 'FORBIDDEN',
        message: `call "${name}" changes the project, and this MockDeck serves project files read-only`,
        hint: 'change the project file and restart the replicas (mockdeck serve --project FILE)',
      });
    }
    const fn = table.get(name);
    if (!fn) return fail({ code: 'NOT_FOUND', message: `call "${name}" has no handler in this build`, field: 'name' });
    const parsed = calls[name].input.safeParse(input);
    if (!parsed.success) return fail(fromZodError(parsed.error, '', input).toShape());
    if (signal.aborted) return fail(cancelled(`call "${name}"`).toShape());
    try {
      const value = await fn(parsed.data, { core: opts.core, app: opts.app, transport, signal, requestId });
      return { ok: true, value };
    } catch (e) {
      if (e instanceof AppError) return fail(e.toShape());
      // Whatever a cancelled call threw on its way out (an aborted fetch…) means "cancelled".
      if (signal.aborted) return fail(cancelled(`call "${name}"`).toShape());
      logger.error(`call "${name}" failed${requestId ? ` (request ${requestId})` : ''}`, {
        requestId,
        call: name,
        transport,
        error: redactError(e),
      });
      return fail({ code: 'INTERNAL_ERROR', message: INTERNAL_MESSAGE });
    }
  };

  const router: Router = {
    handle(name, fn) {
      if (!isCallName(name)) throw new Error(`"${String(name)}" is not a call in shared/ipc/contract.ts`);
      if (table.has(name)) throw new Error(`call "${name}" already has a handler`);
      table.set(name, fn as AnyHandler);
      return router;
    },
    dispatch,
    call: (name, input, options) => dispatch(name, input, options) as Promise<Result<CallOutput<typeof name>>>,
    forTransport: (transport) => ({
      dispatch: (name, input, o) => dispatch(name, input, o?.signal ? { transport, signal: o.signal } : transport),
    }),
    registered: () => [...table.keys()],
  };
  return router;
}

const fail = (error: AppErrorShape): Result<never> => ({ ok: false, error });

const NEVER_ABORTED = new AbortController().signal;
