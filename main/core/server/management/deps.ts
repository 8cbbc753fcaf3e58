import type { FastifyRequest } from 'fastify';
import type { CallInput, CallName, CallOutput } from '../../../../shared/ipc/contract';

/**
 * What route modules get: the use-case layer, called as the 'rest' transport. Routes parse
 * the wire, call, and map the result back to the wire; they hold no rules of their own.
 */
export interface ManagementDeps {
  call<K extends CallName>(req: FastifyRequest, name: K, input: CallInput<K>): Promise<CallOutput<K>>;
}
