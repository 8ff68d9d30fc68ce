import { buildArguments, generatedFormTest, withUniformNodes, type GeneratedCommand } from './argument-tree.js';
import { command, type CommandSpec, type MethodsOf, type ResultKind } from './define.js';
import { GENERATED_COMMANDS } from './generated/command-args.js';
import type { GeneratedCommandDocs, GeneratedCommandMethods, OptionsFormMethods } from './generated/command-types.js';
import type { SetMethods } from './set-overloads.js';
import { hashCommands } from './hashes.js';
import { keyCommands } from './keys.js';
import { listCommands } from './lists.js';
import { pubsubCommands } from './pubsub.js';
import { scriptingCommands } from './scripting.js';
import { serverCommands } from './server.js';
import { setCommands } from './sets.js';
import { sortedSetCommands } from './sorted-sets.js';
import { streamCommands } from './streams.js';
import { stringCommands } from './strings.js';

/** The hand-declared commands, by method name: their argument building and reply shaping win over the generated ones. */
export const commandSpecs = {
  ...stringCommands,
  ...keyCommands,
  ...hashCommands,
  ...listCommands,
  ...setCommands,
  ...sortedSetCommands,
  ...streamCommands,
  ...pubsubCommands,
  ...scriptingCommands,
  ...serverCommands,
};

export type CommandSpecs = typeof commandSpecs;

/**
 * Whether a hand-declared spec also takes its generated options-object form (`set(k, v, { EX: 1 })`): it passes
 * its parameters through unchanged and unshaped, and its generated definition has an options object.
 */
export function takesOptionsForm(spec: CommandSpec<any[], unknown, unknown>, generated: GeneratedCommand | undefined): boolean {
  return spec.args === undefined && spec.prefix.length === 0 && spec.reply === undefined && generated?.options !== undefined;
}

function generatedSpec(declared: GeneratedCommand): CommandSpec<any[], unknown, unknown> {
  const generated = withUniformNodes(declared);
  const spec = command<unknown[]>(generated.name, { args: (...params) => buildArguments(generated, params), ...(generated.buffer === 1 ? { buffer: true } : {}) });
  return { ...spec, prefix: generated.prefix };
}

/** Every command method installed on the hosts: the hand-declared specs, then the generated ones. */
export const allCommandSpecs: Readonly<Record<string, CommandSpec<any[], unknown, unknown>>> = (() => {
  const all: Record<string, CommandSpec<any[], unknown, unknown>> = {};
  for (const [method, spec] of Object.entries(commandSpecs) as [string, CommandSpec<any[], unknown, unknown>][]) {
    const declared = GENERATED_COMMANDS[method];
    if (declared === undefined || !takesOptionsForm(spec, declared)) {
      all[method] = spec;
      continue;
    }
    const generated = withUniformNodes(declared);
    all[method] = { ...spec, optionsForm: (params) => buildArguments(generated, params), usesOptionsForm: generatedFormTest(generated) };
  }
  for (const [method, generated] of Object.entries(GENERATED_COMMANDS)) all[method] ??= generatedSpec(generated);
  return all;
})();

type HandMethods<W extends ResultKind> = MethodsOf<CommandSpecs, W>;
type Generated<W extends ResultKind> = GeneratedCommandMethods<W>;

/**
 * The typed command methods of a host (and their `…Buffer` variants): hand-declared signatures, plus the
 * generated options-object form where a hand spec takes it, SET's overloads, then every generated command.
 */
type BothForms = Exclude<OptionsFormMethods, 'set'> | `${Exclude<OptionsFormMethods, 'set'>}Buffer`;
export type CommandMethodsOf<W extends ResultKind> = Omit<HandMethods<W>, 'set' | 'setBuffer' | BothForms> &
  // The server's summary for hovering a hand-declared method (`X & unknown` is `X`: only the doc is added).
  Pick<GeneratedCommandDocs, keyof CommandSpecs & keyof GeneratedCommandDocs> & {
  [K in BothForms & keyof HandMethods<W> & keyof Generated<W>]: HandMethods<W>[K] & Generated<W>[K];
} & SetMethods<W> &
  // A hand-declared command wins whole: no generated `…Buffer` variant beside it (it may shape replies differently).
  Omit<Generated<W>, keyof CommandSpecs | `${keyof CommandSpecs & string}Buffer`>;
/** The typed command methods of Redis, Transaction and RedisCluster (and their `…Buffer` variants). */
export type CommandMethods = CommandMethodsOf<'promise'>;
export type { GeneratedCommandMethods } from './generated/command-types.js';
export { EXCLUDED_COMMANDS } from './generated/command-args.js';
export type { CommandSpec, RedisArg, RedisKey } from './define.js';
export type { ScoredMember, StreamEntry, StreamMessages } from './replies.js';
