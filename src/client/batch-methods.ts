// Installs the typed command methods from the command specs on every command host (Redis, Transaction,
// pipelines and MULTI, the cluster client and its batches), so no command is listed twice and one rule
// (argument building, prefixes, Buffer variants) reaches every host.
import { allCommandSpecs, type CommandMethodsOf } from '../commands/index.js';
import type { CommandSpec } from '../commands/define.js';
import type { ReplyTransform } from '../connection/command.js';
import type { RedisArg } from '../resp/types.js';

/** The typed command methods of a pipeline or MULTI batch (and their `…Buffer` variants), returning Deferred handles. */
export type BatchCommandMethods = CommandMethodsOf<'deferred'>;

/** How an installed method hands its command over: send it now, or queue it on a batch. */
export interface CommandSink<R> {
  /** A command with arguments built from the spec. */
  dispatch(target: object, name: string, args: RedisArg[], returnBuffers: boolean, transform: ReplyTransform | undefined): R;
  /** The spec rejected the parameters (ArgumentError) before anything was built. */
  refuse(target: object, name: string, error: unknown): R;
}

function commandMethod<R>(sink: CommandSink<R>, spec: CommandSpec<any[], unknown, unknown>, returnBuffers: boolean): (this: object, ...params: unknown[]) => R {
  const { name, prefix, args: build, optionsForm, usesOptionsForm } = spec;
  const transform = returnBuffers ? spec.bufferReply : spec.reply;
  if (build === undefined && prefix.length === 0 && optionsForm !== undefined && usesOptionsForm !== undefined) {
    // SET, GETEX …: the parameters pass through, unless they use the generated form ({ EX: 10, NX: true }).
    return function (this: object, ...params: unknown[]): R {
      if (!usesOptionsForm(params)) return sink.dispatch(this, name, params as RedisArg[], returnBuffers, transform);
      let args: RedisArg[];
      try {
        args = optionsForm(params);
      } catch (error) {
        return sink.refuse(this, name, error);
      }
      return sink.dispatch(this, name, args, returnBuffers, transform);
    };
  }
  if (build === undefined && prefix.length === 0) {
    // Fast path (GET, SET …): the parameters are the arguments, passed through without a copy or a try.
    return function (this: object, ...params: unknown[]): R {
      return sink.dispatch(this, name, params as RedisArg[], returnBuffers, transform);
    };
  }
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
  for (const [method, spec] of Object.entries(allCommandSpecs) as [string, CommandSpec<any[], unknown, unknown>][]) {
    define(proto, method, commandMethod(sink, spec, false));
    if (spec.hasBufferVariant) define(proto, `${method}Buffer`, commandMethod(sink, spec, true));
  }
}

function define(proto: object, method: string, fn: (...params: unknown[]) => unknown): void {
  // Hand-written methods (exec, watch …) win over a spec of the same name.
  if (Object.prototype.hasOwnProperty.call(proto, method)) return;
  Object.defineProperty(proto, method, { value: fn, writable: true, configurable: true });
}
