// Installs the typed command methods (from the same specs the Redis class uses) on the batch and transaction
// classes, so no command is listed twice.
import { commandSpecs, type CommandSpecs } from '../commands/index.js';
import type { CommandSpec } from '../commands/define.js';
import type { ReplyTransform } from '../connection/command.js';
import type { RedisArg } from '../resp/types.js';
import type { Deferred } from './batch-deferred.js';

/** Every typed command method, returning a Deferred handle instead of a Promise (pipelines, MULTI). */
export type DeferredMethodsOf<T extends Record<string, CommandSpec<any, any, any>>> = {
  [K in keyof T]: T[K] extends CommandSpec<infer A, infer R, any> ? (...params: A) => Deferred<R> : never;
} & {
  [K in keyof T as T[K] extends CommandSpec<any, any, infer RB> ? ([RB] extends [never] ? never : `${K & string}Buffer`) : never]: T[K] extends CommandSpec<
    infer A,
    any,
    infer RB
  >
    ? (...params: A) => Deferred<RB>
    : never;
};

/** The typed command methods of a pipeline or MULTI batch (and their `…Buffer` variants). */
export type BatchCommandMethods = DeferredMethodsOf<CommandSpecs>;

/** How an installed method hands its command over: send it now, or queue it on a batch. */
export interface CommandSink<R> {
  /** A command with arguments built from the spec. */
  dispatch(target: object, name: string, args: RedisArg[], returnBuffers: boolean, transform: ReplyTransform | undefined): R;
  /** The spec rejected the parameters (ArgumentError) before anything was built. */
  refuse(target: object, name: string, error: unknown): R;
}

function commandMethod<R>(sink: CommandSink<R>, spec: CommandSpec<any[], unknown, unknown>, returnBuffers: boolean): (this: object, ...params: unknown[]) => R {
  const { name, prefix, args: build } = spec;
  const transform = returnBuffers ? spec.bufferReply : spec.reply;
  return function (this: object, ...params: unknown[]): R {
    let args: RedisArg[];
    try {
      args = build === undefined ? (params as RedisArg[]) : build(...params);
    } catch (error) {
      return sink.refuse(this, name, error);
    }
    return sink.dispatch(this, name, prefix.length === 0 ? args : [...prefix, ...args], returnBuffers, transform);
  };
}

/** Defines one method per command spec (plus `…Buffer` variants) on `proto`, unless it already has one. */
export function installCommandMethods<R>(proto: object, sink: CommandSink<R>): void {
  for (const [method, spec] of Object.entries(commandSpecs) as [string, CommandSpec<any[], unknown, unknown>][]) {
    define(proto, method, commandMethod(sink, spec, false));
    if (spec.hasBufferVariant) define(proto, `${method}Buffer`, commandMethod(sink, spec, true));
  }
}

function define(proto: object, method: string, fn: (...params: unknown[]) => unknown): void {
  // Hand-written methods (exec, watch …) win over a spec of the same name.
  if (Object.prototype.hasOwnProperty.call(proto, method)) return;
  Object.defineProperty(proto, method, { value: fn, writable: true, configurable: true });
}
