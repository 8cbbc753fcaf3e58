import { API_TOKEN_ENV } from '../core/util/local-token';
import type { CliIo } from './command';

/** A token passed as --token shows in `ps`: said once, wherever a command takes one. */
export function warnTokenFlag(io: CliIo): void {
  io.stderr(
    `warning: --token is visible to other users of this machine in the process list; ` +
      `set $${API_TOKEN_ENV} or write the token to <data-dir>/api-token (mode 0600) instead\n`,
  );
}
