// `db.stored_procedure.name` (the Redis conventions: the name or sha1 digest of a Lua script): the sha of
// EVALSHA / EVALSHA_RO, the sha1 of EVAL / EVAL_RO's source, the function name of FCALL / FCALL_RO.
import { createHash } from 'node:crypto';
import type { RedisArg } from '../resp/types.js';

const BY_NAME = new Set(['EVALSHA', 'EVALSHA_RO', 'FCALL', 'FCALL_RO']);
const BY_SOURCE = new Set(['EVAL', 'EVAL_RO']);
/** A sha1 or a function name is short; anything longer is not one (and is not copied into telemetry). */
const MAX_NAME = 128;

export function storedProcedureName(command: string, args: readonly RedisArg[]): string | undefined {
  const first = args[0];
  if (first === undefined) return undefined;
  if (BY_NAME.has(command)) {
    const name = typeof first === 'string' ? first : Buffer.isBuffer(first) ? first.toString('utf8', 0, MAX_NAME + 1) : String(first);
    return name.length <= MAX_NAME ? name : undefined;
  }
  if (BY_SOURCE.has(command)) return createHash('sha1').update(typeof first === 'string' || Buffer.isBuffer(first) ? first : String(first)).digest('hex');
  return undefined;
}

/** Commands whose first argument names the script or function: kept in db.query.text like a sub-command. */
export function namesProcedure(command: string): boolean {
  return BY_NAME.has(command);
}
