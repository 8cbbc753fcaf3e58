import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../util/errors';

/** Binds `app`, turning the OS's refusals into errors a user can act on. Returns the bound port. */
export async function listen(app: FastifyInstance, host: string, port: number): Promise<number> {
  try {
    await app.listen({ host, port, listenTextResolver: () => '' });
  } catch (e) {
    await app.close().catch(() => {});
    throw listenError(e, host, port);
  }
  return (app.server.address() as AddressInfo).port;
}

function listenError(e: unknown, host: string, port: number): AppError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new AppError('PORT_IN_USE', `port ${port} is in use`, {
      hint: 'stop the other program or choose another port',
      cause: e,
    });
  }
  if (code === 'EACCES') {
    return new AppError('SERVER_ERROR', `not allowed to listen on port ${port}`, {
      hint: 'choose a port of 1024 or higher',
      cause: e,
    });
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new AppError('SERVER_ERROR', `cannot listen on host ${host}: no such local address`, {
      hint: 'use 127.0.0.1 or 0.0.0.0',
      cause: e,
    });
  }
  return new AppError('SERVER_ERROR', `could not start listening on ${host}:${port}: ${(e as Error).message}`, {
    cause: e,
  });
}
