import type { FastifyRequest } from 'fastify';
import type { CallInput, CallName, CallOutput } from '../../../../shared/ipc/contract';

/**
 * What route modules get: the use-case layer, called as the 'rest' transport. Routes parse
 * the wire, call, and map the result back to the wire; they hold no rules of their own.
 */
export interface ManagementDeps {
  /** `signal` cancels the call (AI generation: the client went away). */
  call<K extends CallName>(
    req: FastifyRequest,
    name: K,
    input: CallInput<K>,
    opts?: { signal?: AbortSignal },
  ): Promise<CallOutput<K>>;
}
