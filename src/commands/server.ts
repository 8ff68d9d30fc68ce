import { command, type RedisArg } from './define.js';
import { isPlainRecord } from './arguments.js';
import { toDateFromSeconds, toObject, toTime } from './replies.js';

export const serverCommands = {
  ping: command<[message?: RedisArg], string, Buffer>('PING', { buffer: true }),
  echo: command<[message: RedisArg], string, Buffer>('ECHO', { buffer: true }),
  /** INFO [section …] as the server's text. */
  info: command<RedisArg[], string>('INFO'),
  dbsize: command<[], number>('DBSIZE'),
  flushdb: command<[mode?: 'ASYNC' | 'SYNC'], 'OK'>('FLUSHDB'),
  flushall: command<[mode?: 'ASYNC' | 'SYNC'], 'OK'>('FLUSHALL'),
  select: command<[db: number], 'OK'>('SELECT'),
  swapdb: command<[index1: number, index2: number], 'OK'>('SWAPDB'),
  save: command<[], 'OK'>('SAVE'),
  /** BGSAVE [SCHEDULE]: the server's status line, e.g. "Background saving started". */
  bgsave: command<[schedule?: 'SCHEDULE'], string>('BGSAVE'),
  bgrewriteaof: command<[], string>('BGREWRITEAOF'),
  /** When the last successful save happened. */
  lastsave: command<[], Date>('LASTSAVE', { reply: toDateFromSeconds }),
  /** CONFIG GET pattern … → `{ name: value }`. */
  configGet: command<RedisArg[], Record<string, string>>('CONFIG GET', { reply: toObject }),
  /** CONFIG SET name value [name value …], or configSet({ name: value }). */
  configSet: command('CONFIG SET', {
    args: (...params: [Record<string, RedisArg>] | RedisArg[]) =>
      params.length === 1 && isPlainRecord(params[0]) ? Object.entries(params[0]).flat() as RedisArg[] : (params as RedisArg[]),
    reply: (raw: 'OK') => raw,
  }),
  configResetstat: command<[], 'OK'>('CONFIG RESETSTAT'),
  /** Server time → `{ seconds, microseconds }`. */
  time: command<[], { seconds: number; microseconds: number }>('TIME', { reply: toTime }),
  role: command<[], unknown[]>('ROLE'),
  wait: command<[numreplicas: number, timeoutMs: number], number>('WAIT'),
  auth: command<[usernameOrPassword: string, password?: string], 'OK'>('AUTH'),
  clientId: command<[], number>('CLIENT ID'),
  clientGetname: command<[], string | null>('CLIENT GETNAME'),
  clientSetname: command<[name: string], 'OK'>('CLIENT SETNAME'),
  clientList: command<RedisArg[], string>('CLIENT LIST'),
  clientKill: command<RedisArg[], number | 'OK'>('CLIENT KILL'),
  clientInfo: command<[], string>('CLIENT INFO'),
  memoryUsage: command<[key: RedisArg, ...options: RedisArg[]], number | null>('MEMORY USAGE'),
};
