// Builds a command's arguments from its generated argument tree (src/commands/generated/command-args.ts, made
// from the servers' own command definitions): positional parameters and an options object in, the wire
// arguments in the order the server expects out. Bad input throws ArgumentError before anything is sent.
import { ArgumentError } from '../errors.js';
import type { RedisArg } from '../resp/types.js';
import { isPlainRecord } from './arguments.js';

/** One argument of a command definition, laid out for the method that sends it. */
export interface ArgNode {
  /** value | pure token | block of arguments | one of several | count of the next node's values (numkeys …). */
  readonly t: 'v' | 'pt' | 'b' | 'o' | 'n';
  /** Name, for error messages. */
  readonly n: string;
  /** Token written before the value (`EX`, `LIMIT` …). */
  readonly tok?: string;
  /** Where the value is found in the containing object (options object or block). */
  readonly k?: string;
  /** Index of the method parameter holding the value (top-level arguments taken positionally). */
  readonly p?: number;
  /** The parameter is a rest parameter: the values are every parameter from `p` on. */
  readonly r?: 1;
  /** May be left out. */
  readonly opt?: 1;
  /** Takes a list of values. */
  readonly m?: 1;
  /** With `m`: the token is written before each value. */
  readonly mt?: 1;
  /** Block and one-of alternatives. */
  readonly a?: readonly ArgNode[];
  /** One-of whose alternatives are keys of the containing object (`{ NX: true }`, `{ EX: 10 }`). */
  readonly f?: 1;
  /** Block whose one visible argument takes the block's value as it is (`FIELDS numfields field …` ← a list). */
  readonly one?: 1;
}

/** A generated command: wire name, leading sub-command words, argument tree, index of the options parameter. */
export interface GeneratedCommand {
  readonly name: string;
  readonly prefix: readonly string[];
  readonly args: readonly ArgNode[];
  readonly options?: number;
  /** The reply can carry bulk strings: a `…Buffer` variant exists. */
  readonly buffer?: 1;
}

/**
 * Where a list of nodes finds its values: the method's parameters and options object (top level), a block's
 * object, or one value for the whole block. Plain data rather than a closure per call.
 */
interface Scope {
  readonly params: readonly unknown[] | undefined;
  readonly record: Record<string, unknown> | undefined;
  readonly whole: boolean;
  readonly value: unknown;
}

function valueIn(node: ArgNode, scope: Scope): unknown {
  if (scope.whole) return scope.value;
  if (node.p !== undefined && scope.params !== undefined) return node.r === 1 ? scope.params.slice(node.p) : scope.params[node.p];
  return node.k === undefined || scope.record === undefined ? undefined : scope.record[node.k];
}

/**
 * The command with every node in one object shape (all fields present, in one order). The generated literals
 * each carry only their own fields; reading them as they are makes every property access megamorphic.
 */
export function withUniformNodes(command: GeneratedCommand): GeneratedCommand {
  const shape = (node: ArgNode): ArgNode => ({
    t: node.t,
    n: node.n,
    tok: node.tok,
    k: node.k,
    p: node.p,
    r: node.r,
    opt: node.opt,
    m: node.m,
    mt: node.mt,
    a: node.a === undefined ? undefined : node.a.map(shape),
    f: node.f,
    one: node.one,
  });
  return { name: command.name, prefix: command.prefix, args: command.args.map(shape), options: command.options, buffer: command.buffer };
}

/** `CLIENT KILL`: built only for an error message (not on every call). */
function labelOf(command: GeneratedCommand): string {
  return command.prefix.length === 0 ? command.name : `${command.name} ${command.prefix.join(' ')}`;
}

/** The wire arguments (after the prefix) for `params` given to a generated method. */
export function buildArguments(command: GeneratedCommand, params: readonly unknown[]): RedisArg[] {
  const out: RedisArg[] = [];
  const options = command.options === undefined ? undefined : params[command.options];
  if (options !== undefined && !isPlainRecord(options)) throw new ArgumentError(`${labelOf(command)}: the options argument must be a plain object`);
  writeList(command, command.args, { params, record: options as Record<string, unknown> | undefined, whole: false, value: undefined }, out);
  return out;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === false;
}

function writeList(command: GeneratedCommand, nodes: readonly ArgNode[], scope: Scope, out: RedisArg[]): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as ArgNode;
    if (node.t === 'n') {
      const next = valueIn(nodes[i + 1] as ArgNode, scope);
      out.push(isAbsent(next) ? 0 : Array.isArray(next) ? next.length : 1);
      continue;
    }
    if (node.t === 'pt' && node.k === undefined && node.p === undefined) {
      out.push(node.tok as string); // a token the command always takes
      continue;
    }
    if (node.t === 'o' && node.f === 1) {
      let alt: ArgNode | undefined;
      let value: unknown;
      for (const candidate of node.a as readonly ArgNode[]) {
        const given = valueIn(candidate, scope);
        if (isAbsent(given)) continue;
        if (alt !== undefined) throw new ArgumentError(`${labelOf(command)}: ${alt.k} and ${candidate.k} cannot be combined`);
        alt = candidate;
        value = given;
      }
      if (alt === undefined) {
        if (node.opt !== 1) throw new ArgumentError(`${labelOf(command)}: one of ${(node.a as readonly ArgNode[]).map((a) => a.k).join(', ')} is required`);
        continue;
      }
      if (node.tok !== undefined) out.push(node.tok);
      writeValue(command, alt, value, out);
      continue;
    }
    const value = valueIn(node, scope);
    if (isAbsent(value) || (node.r === 1 && (value as unknown[]).length === 0)) {
      if (node.opt !== 1) throw new ArgumentError(`${labelOf(command)}: ${node.k ?? node.n} is required`);
      continue;
    }
    writeValue(command, node, value, out);
  }
}

function writeValue(command: GeneratedCommand, node: ArgNode, value: unknown, out: RedisArg[]): void {
  if (node.m === 1) {
    const list = Array.isArray(value) ? value : [value];
    if (list.length === 0) {
      if (node.opt !== 1) throw new ArgumentError(`${labelOf(command)}: ${node.k ?? node.n} needs at least one value`);
      return;
    }
    if (node.tok !== undefined && node.mt !== 1) out.push(node.tok);
    for (const item of list) {
      if (node.mt === 1) out.push(node.tok as string);
      writeOne(command, node, item, out);
    }
    return;
  }
  if (node.tok !== undefined) out.push(node.tok);
  writeOne(command, node, value, out);
}

function writeOne(command: GeneratedCommand, node: ArgNode, value: unknown, out: RedisArg[]): void {
  switch (node.t) {
    case 'pt':
      if (value !== true) throw new ArgumentError(`${labelOf(command)}: ${node.k ?? node.n} must be true or left out`);
      return;
    case 'v':
      if (typeof value === 'string' || typeof value === 'number' || Buffer.isBuffer(value)) {
        out.push(value);
        return;
      }
      throw new ArgumentError(`${labelOf(command)}: ${node.k ?? node.n} must be a string, a number or a Buffer`);
    case 'b': {
      if (node.one === 1) {
        writeList(command, node.a as readonly ArgNode[], { params: undefined, record: undefined, whole: true, value }, out);
        return;
      }
      if (!isPlainRecord(value)) throw new ArgumentError(`${labelOf(command)}: ${node.k ?? node.n} must be an object`);
      writeList(command, node.a as readonly ArgNode[], { params: undefined, record: value, whole: false, value: undefined }, out);
      return;
    }
    case 'o':
      writeChoice(command, node, value, out);
      return;
    default:
      throw new ArgumentError(`${labelOf(command)}: unexpected argument ${node.n}`);
  }
}

/** A one-of given as a value: a token (`'LEFT'`), `{ TOKEN: value }`, a block's object, or a plain value. */
function writeChoice(command: GeneratedCommand, node: ArgNode, value: unknown, out: RedisArg[]): void {
  const alternatives = node.a as readonly ArgNode[];
  for (const alt of alternatives) {
    if (alt.t === 'pt') {
      if (typeof value === 'string' && value.toUpperCase() === (alt.tok as string).toUpperCase()) {
        out.push(alt.tok as string);
        return;
      }
    } else if (alt.tok !== undefined) {
      if (isPlainRecord(value) && Object.prototype.hasOwnProperty.call(value, alt.tok)) {
        writeValue(command, alt, value[alt.tok], out);
        return;
      }
    } else if (alt.t === 'b' && (alt.a as readonly ArgNode[]).every((child) => child.t === 'pt' && child.opt !== 1)) {
      // A block of tokens only (REPLICAOF's `NO ONE`), given as those words.
      const words = (alt.a as readonly ArgNode[]).map((child) => child.tok as string);
      if (typeof value === 'string' && value.toUpperCase() === words.join(' ').toUpperCase()) {
        out.push(...words);
        return;
      }
    } else if (alt.t === 'b' && alt.one !== 1) {
      if (isPlainRecord(value) && blockMatches(alt, value)) {
        writeOne(command, alt, value, out);
        return;
      }
    } else if (alt.m === 1 ? Array.isArray(value) : !isPlainRecord(value) && !Array.isArray(value)) {
      writeValue(command, alt, value, out);
      return;
    }
  }
  throw new ArgumentError(`${labelOf(command)}: ${node.n} does not match any of its forms`);
}

/** Every required argument of the block is present in `value`. */
function blockMatches(block: ArgNode, value: Record<string, unknown>): boolean {
  return (block.a as readonly ArgNode[]).every((child) => {
    if (child.opt === 1 || child.t === 'n' || (child.t === 'pt' && child.k === undefined)) return true;
    if (child.f === 1) return (child.a as readonly ArgNode[]).some((alt) => !isAbsent(value[alt.k as string]));
    return !isAbsent(value[child.k as string]);
  });
}

/**
 * A test for a hand-declared pass-through spec that also takes the generated form: true when some parameter is
 * an object or array (not a Buffer) where the generated layout takes one (`set(k, v, { EX: 1 })`). Otherwise the
 * parameters pass through as before, and a stray object is refused by the encoder as it always was.
 */
export function generatedFormTest(command: GeneratedCommand): (params: readonly unknown[]) => boolean {
  const slots: boolean[] = [];
  let restFrom = Infinity;
  for (const node of command.args) {
    if (node.p === undefined || !(node.t === 'b' || node.t === 'o' || node.m === 1)) continue;
    if (node.r === 1) restFrom = node.p;
    else slots[node.p] = true;
  }
  if (command.options !== undefined) slots[command.options] = true;
  return (params) => {
    for (let i = 0; i < params.length; i++) {
      const value = params[i];
      if (typeof value === 'object' && value !== null && (slots[i] === true || i >= restFrom) && !Buffer.isBuffer(value)) return true;
    }
    return false;
  };
}
