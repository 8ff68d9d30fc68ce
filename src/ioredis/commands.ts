// One method per Redis command (ioredis's names: the lower-case command, and its `…Buffer` variant) on the
// client and pipeline classes of this entry, all handing over to the host's single `sendIo` path.
import { COMMAND_TABLE } from '../commands/generated/command-table.js';

/** Upper-case names of the top-level commands of the command table (sub-commands go as arguments, as in ioredis). */
export const IO_COMMAND_NAMES: readonly string[] = Object.keys(COMMAND_TABLE)
  .filter((name) => !name.includes('|'))
  .map((name) => name.toUpperCase());

/** The commands that have sub-commands (for the method types; a test checks the list against the table). */
export const CONTAINER_COMMANDS = ['acl', 'client', 'cluster', 'command', 'config', 'function', 'latency', 'memory', 'module', 'object', 'pubsub', 'script', 'slowlog', 'xgroup', 'xinfo'] as const;

/** What a host does with a command: send it (client) or queue it (pipeline). */
export interface IoCommandHost {
  sendIo(command: string, params: unknown[], returnBuffers: boolean): unknown;
}

/** Defines `get`, `getBuffer` … on `proto`, except where it has a method of that name already (exec, quit …). */
export function installIoCommands(proto: IoCommandHost): void {
  for (const name of IO_COMMAND_NAMES) {
    const method = name.toLowerCase();
    define(proto, method, function (this: IoCommandHost, ...params: unknown[]) {
      return this.sendIo(name, params, false);
    });
    define(proto, `${method}Buffer`, function (this: IoCommandHost, ...params: unknown[]) {
      return this.sendIo(name, params, true);
    });
  }
}

function define(proto: object, method: string, fn: (...params: unknown[]) => unknown): void {
  if (method in proto) return;
  Object.defineProperty(proto, method, { value: fn, writable: true, configurable: true });
}
