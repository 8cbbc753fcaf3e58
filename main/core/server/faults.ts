import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { FaultKind } from '../../../shared/models';

/**
 * Carries out a network fault chaos drew (engine/pipeline/faults-stage.ts) on the request's
 * socket, so a real client sees the failure the fault names:
 *  - connection_reset: a TCP RST (the client reads ECONNRESET);
 *  - empty_response: the connection closes before a byte of answer (curl's "Empty reply
 *    from server", Node's "socket hang up");
 *  - malformed_chunk: a chunked answer whose second chunk has a size line that is not hex
 *    (an HTTP parser's "invalid chunk size"), then the connection closes;
 *  - random_data_then_close: bytes that are not HTTP, then the connection closes.
 * Returns the status line sent, if any (only malformed_chunk sends one), for the log.
 */
export function carryOutFault(res: ServerResponse, fault: FaultKind, status: number, random: () => number): number {
  const socket = res.socket;
  // The client left already: there is nothing to break.
  if (!socket || socket.destroyed) return 0;
  switch (fault) {
    case 'connection_reset':
      socket.resetAndDestroy();
      return 0;
    case 'empty_response':
      socket.end();
      return 0;
    case 'malformed_chunk':
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Unknown'}\r\n` +
          'content-type: application/json; charset=utf-8\r\n' +
          'transfer-encoding: chunked\r\nconnection: close\r\n\r\n' +
          '9\r\n{"chaos":\r\n',
      );
      // The broken chunk comes a moment later, as a stream that breaks mid-body would: the
      // client has the status and headers and fails while reading the body.
      setTimeout(() => socket.end('zz\r\nmalformed chunk\r\n'), MID_BODY_PAUSE_MS).unref();
      return status;
    case 'random_data_then_close':
      socket.end(garbage(random));
      return 0;
  }
}

const MID_BODY_PAUSE_MS = 20;

/** 64 to 575 bytes from `random` (so a seed repeats them), never starting like a status line. */
function garbage(random: () => number): Buffer {
  const bytes = Buffer.alloc(64 + Math.floor(random() * 512));
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
  if (bytes[0] === 0x48) bytes[0] = 0x00; // 'H' could begin "HTTP/"
  return bytes;
}
