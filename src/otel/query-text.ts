// Builds the sanitized `db.query.text` of a command. Safe by default: only keys survive; the secrets of
// AUTH / HELLO / ACL / CONFIG SET / MIGRATE never survive, whatever the mode.
import { getCommandInfo } from '../commands/command-info.js';
import { keyIndexes } from '../commands/key-positions.js';
import type { RedisArg } from '../resp/types.js';
import type { RedactMode } from './options.js';
import { isSecretBearing } from './secret-commands.js';
import { namesProcedure } from './stored-procedure.js';

/** Arguments rendered before the text is cut short (a 10,000-key MGET must not make a 100 KB attribute). */
const MAX_ARGS = 32;
/** Characters kept of one argument. */
const MAX_ARG_CHARS = 128;

/** `keys`: the key positions of the arguments, when the caller already has them (else looked up). */
export function queryText(command: string, args: readonly RedisArg[], mode: RedactMode, keys?: readonly number[]): string | undefined {
  // Secret-bearing commands: every argument after the sub-command becomes `?`.
  const secret = isSecretBearing(command, args);
  if (typeof mode === 'function') return secret ? render(command, args, 'all') : mode(command, args);
  return render(command, args, secret ? 'all' : mode, keys);
}

/** Commands of a batch rendered in its db.query.text (each as bounded as a single command's). */
const MAX_BATCH_COMMANDS = 8;

/** A batch's db.query.text: its commands' texts joined by `; `, the first MAX_BATCH_COMMANDS of them. */
export function batchQueryText(commands: ReadonlyArray<{ readonly name: string; readonly args: readonly RedisArg[] }>, mode: RedactMode, keysOf: (i: number) => readonly number[]): string {
  const count = Math.min(commands.length, MAX_BATCH_COMMANDS);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const command = commands[i] as { readonly name: string; readonly args: readonly RedisArg[] };
    texts.push(queryText(command.name, command.args, mode, keysOf(i)) ?? command.name);
  }
  if (commands.length > count) texts.push(`…(${commands.length - count} more)`);
  return texts.join('; ');
}

function render(command: string, args: readonly RedisArg[], mode: 'values' | 'all' | 'none', knownKeys?: readonly number[]): string {
  let text = command;
  const shown = shownArgs(command, args, mode, knownKeys);
  for (let i = 0; i < shown.length; i++) text += ` ${shown[i] as string}`;
  if (args.length > MAX_ARGS) text += ` …(${args.length - MAX_ARGS} more)`;
  return text;
}

/**
 * The arguments as `redact: 'values'` shows them (keys, sub-commands and script / function names kept, every
 * other value `?`; every argument of a secret-bearing command after its sub-command `?`), the first 32 of
 * them, each cut to 128 characters. For the diagnostics_channel payloads.
 */
export function sanitizedArgs(command: string, args: readonly RedisArg[]): string[] {
  return shownArgs(command, args, isSecretBearing(command, args) ? 'all' : 'values');
}

function shownArgs(command: string, args: readonly RedisArg[], mode: 'values' | 'all' | 'none', knownKeys?: readonly number[]): string[] {
  const count = Math.min(args.length, MAX_ARGS);
  const keys = mode === 'values' ? (knownKeys ?? keyIndexes(command, args)) : undefined;
  const first = subCommandLength(command, args);
  const shown = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const keep = i < first || mode === 'none' || (keys !== undefined && keys.includes(i));
    shown[i] = keep ? argText(args[i] as RedisArg) : '?';
  }
  return shown;
}

/**
 * 1 when args[0] is the sub-command of a container command (`CONFIG GET`, `CLIENT SETNAME`) or names the
 * script or function run (`FCALL myfunc`, `EVALSHA <sha>`), else 0.
 */
function subCommandLength(command: string, args: readonly RedisArg[]): number {
  if (args.length === 0) return 0;
  if (namesProcedure(command)) return 1;
  const info = getCommandInfo(command, args[0]);
  return info !== undefined && info.name.includes('|') ? 1 : 0;
}

function argText(arg: RedisArg): string {
  const text = typeof arg === 'string' ? arg : Buffer.isBuffer(arg) ? arg.toString('utf8', 0, MAX_ARG_CHARS * 4) : String(arg);
  return text.length > MAX_ARG_CHARS ? `${text.slice(0, MAX_ARG_CHARS)}…` : text;
}
