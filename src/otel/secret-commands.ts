// Commands whose arguments can hold passwords or access keys. Their argument values never reach telemetry,
// and neither does any server message or stack about them (a refused ACL SETUSER rule or CONFIG SET value is
// quoted back by the server), whatever `redact` says.
import type { RedisArg } from '../resp/types.js';

const SECRET_COMMANDS: ReadonlySet<string> = new Set(['AUTH', 'HELLO', 'MIGRATE', 'ACL']);

export function isSecretBearing(command: string, args: readonly RedisArg[]): boolean {
  if (SECRET_COMMANDS.has(command)) return true;
  return command === 'CONFIG' && args.length > 0 && String(args[0]).toUpperCase() === 'SET';
}

/** True if any command of a batch is secret-bearing. */
export function batchHasSecrets(batch: ReadonlyArray<{ readonly name: string; readonly args: readonly RedisArg[] }>): boolean {
  for (let i = 0; i < batch.length; i++) {
    const queued = batch[i] as { readonly name: string; readonly args: readonly RedisArg[] };
    if (isSecretBearing(queued.name, queued.args)) return true;
  }
  return false;
}
