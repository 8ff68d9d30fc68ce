// Regenerates src/commands/generated/command-args.ts (argument trees, as data) and command-types.ts (typed
// method signatures with one-line docs) from the command definitions servers ship in their sources
// (src/commands/*.json: arguments, reply_schema, summary, since):
//
//   npm run gen:types -- path/to/redis-7.4.1.tar.gz path/to/valkey-8.0.1.tar.gz
//
// A command defined by several sources is taken from the first. Commit the output with any change here.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CommandSpec } from '../src/commands/define.js';
import { commandSpecs, takesOptionsForm } from '../src/commands/index.js';
import { quote, readSource, type JsonArgument, type JsonCommand } from './command-json.js';

const ARGS_OUTPUT = fileURLToPath(new URL('../src/commands/generated/command-args.ts', import.meta.url));
const TYPES_OUTPUT = fileURLToPath(new URL('../src/commands/generated/command-types.ts', import.meta.url));

/** Commands that get no method, and why (the reason is also written into the generated file). */
const EXCLUDED: Record<string, string> = {
  subscribe: 'pub/sub mode: use r.pubsub()',
  psubscribe: 'pub/sub mode: use r.pubsub()',
  ssubscribe: 'pub/sub mode: use r.pubsub()',
  unsubscribe: 'pub/sub mode: use r.pubsub()',
  punsubscribe: 'pub/sub mode: use r.pubsub()',
  sunsubscribe: 'pub/sub mode: use r.pubsub()',
  monitor: 'turns the connection into a stream of every command the server runs',
  'client|reply': 'OFF/SKIP break the one-reply-per-command order of a shared connection',
  quit: 'closes the shared connection: use r.quit()',
  reset: 'resets the shared connection (database, protocol, tracking, name) under every other caller',
  hello: 'changes the protocol and user of the shared connection (the client sends HELLO itself)',
  sync: 'turns the connection into a replication stream',
  psync: 'turns the connection into a replication stream',
  replconf: 'replica-to-primary handshake, not for clients',
  multi: 'transactions have their own API: r.multi()',
  exec: 'transactions have their own API: r.multi().exec()',
  discard: 'transactions have their own API: r.multi()',
  watch: 'transactions have their own API: r.watch()',
  unwatch: 'transactions have their own API: r.watch() / Transaction.unwatch()',
  asking: 'cluster redirection state, handled by the cluster client',
  readonly: 'replica-read state of a cluster connection, handled by the cluster client',
  readwrite: 'replica-read state of a cluster connection, handled by the cluster client',
};

const RESERVED = new Set(['function', 'default', 'delete', 'new', 'class', 'var', 'in', 'for', 'if', 'do', 'switch', 'case', 'return', 'with', 'type', 'arguments', 'eval']);

/** The generator's view of one argument: the runtime node plus what typing needs. */
interface Node {
  t: 'v' | 'pt' | 'b' | 'o' | 'n';
  n: string;
  json: JsonArgument;
  tok?: string;
  k?: string;
  p?: number;
  r?: 1;
  opt?: 1;
  m?: 1;
  mt?: 1;
  a?: Node[];
  f?: 1;
  one?: 1;
}

function camel(text: string): string {
  return text.toLowerCase().replace(/[-_ |:]+([a-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');
}
function identifier(name: string): string {
  const id = camel(name);
  return RESERVED.has(id) || /^[0-9]/.test(id) ? `${id}Arg` : id;
}
/** A list parameter reads as a plural: `keys`, `members`. */
function paramName(node: Node): string {
  const id = identifier(node.n);
  return node.m === 1 && !id.endsWith('s') && id !== 'data' ? `${id}s` : id;
}
const methodName = (full: string): string => camel(full.replace('|', '-'));
const pascal = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function convert(arg: JsonArgument, next: JsonArgument | undefined): Node {
  const kind = arg.type === 'pure-token' ? 'pt' : arg.type === 'block' ? 'b' : arg.type === 'oneof' ? 'o' : 'v';
  const isCount = arg.type === 'integer' && arg.name.startsWith('num') && next?.multiple === true;
  const node: Node = { t: isCount ? 'n' : kind, n: arg.name, json: arg };
  // MIGRATE's `""` is the empty string as redis-cli spells it; on the wire it is an empty argument.
  if (arg.token !== undefined) node.tok = arg.token === '""' ? '' : arg.token;
  if (arg.optional === true) node.opt = 1;
  if (arg.multiple === true) node.m = 1;
  if (arg.multiple_token === true) node.mt = 1;
  if (arg.arguments !== undefined) node.a = convertList(arg.arguments);
  if (node.t === 'b') layoutObject(node.a as Node[], node);
  if (node.t === 'o') for (const alt of node.a as Node[]) if (alt.t === 'b' && alt.one !== 1) layoutObject(alt.a as Node[], alt);
  return node;
}
function convertList(args: readonly JsonArgument[]): Node[] {
  return args.map((arg, i) => convert(arg, args[i + 1]));
}

/** Shown to the caller: not a count, not a token the command always takes. */
const visible = (node: Node): boolean => node.t !== 'n' && !(node.t === 'pt' && node.opt !== 1);

/** An untokened one-of whose alternatives become keys of the containing object (`{ NX: true }`). */
function flattens(node: Node): boolean {
  if (node.t !== 'o' || node.tok !== undefined || node.m === 1) return false;
  const alts = node.a as Node[];
  if (!alts.every((alt) => alt.tok !== undefined)) return false;
  return node.opt === 1 || !alts.every((alt) => alt.t === 'pt');
}

/** A block of tokens only (REPLICAOF's `NO ONE`): given as those words. */
function fixedWords(node: Node): string | undefined {
  const children = node.a as Node[];
  return node.t === 'b' && children.every((child) => child.t === 'pt' && child.opt !== 1) ? children.map((child) => child.tok).join(' ') : undefined;
}

/** A one-of of bare tokens (`NX | XX`): as a parameter of its own, a string literal union. */
const onlyTokens = (node: Node): boolean => node.t === 'o' && (node.a as Node[]).every((alt) => alt.t === 'pt');

/** Gives each visible child of an object (options or block) a unique key: its token, else its name. */
function assignKeys(children: Node[]): void {
  const used = new Set<string>();
  const take = (node: Node): void => {
    let key = node.tok ?? camel(node.n);
    if (used.has(key)) key = camel(node.n);
    for (let i = 2; used.has(key); i++) key = `${camel(node.n)}${i}`;
    used.add(key);
    node.k = key;
  };
  for (const child of children.filter(visible)) {
    if (flattens(child)) {
      child.f = 1;
      for (const alt of child.a as Node[]) take(alt);
    } else {
      take(child);
    }
  }
}

function layoutObject(children: Node[], block: Node): void {
  const shown = children.filter(visible);
  if (shown.length === 1 && (shown[0] as Node).opt !== 1 && !flattens(shown[0] as Node)) {
    block.one = 1;
    return;
  }
  assignKeys(children);
}

interface Layout {
  nodes: Node[];
  /** Index of the options parameter, if any. */
  options?: number;
  params: string[];
  optionsType?: string;
}

function layoutCommand(args: readonly JsonArgument[]): Layout {
  const nodes = convertList(args);
  const shown = nodes.filter(visible);
  const required = shown.filter((node) => node.opt !== 1);
  const optional = shown.filter((node) => node.opt === 1);
  const lastRequired = shown.lastIndexOf(required[required.length - 1] as Node);
  const trailingPositional =
    optional.length > 0 && optional.every((node) => node.tok === undefined && (!flattens(node) || onlyTokens(node)) && shown.indexOf(node) > lastRequired);
  const positional = trailingPositional ? [...required, ...optional] : required;
  const params: string[] = [];
  positional.forEach((node, i) => {
    node.p = i;
    const last = i === positional.length - 1 && (trailingPositional || optional.length === 0);
    if (last && node.m === 1) {
      node.r = 1;
      params.push(`...${paramName(node)}: ${wrap(elementType(node))}[]`);
    } else {
      params.push(`${paramName(node)}${node.opt === 1 ? '?' : ''}: ${typeOf(node)}`);
    }
  });
  if (trailingPositional || optional.length === 0) return { nodes, params };
  const holder: Node = { t: 'b', n: 'options', json: { name: 'options', type: 'block' }, a: nodes };
  assignKeys(optional);
  const optionsType = objectType(holder.a as Node[], (node) => node.p === undefined);
  params.push(`options?: ${optionsType}`);
  return { nodes, options: positional.length, params, optionsType };
}

function scalarType(arg: JsonArgument): string {
  switch (arg.type) {
    case 'key':
      return 'RedisKey';
    case 'integer':
    case 'unix-time':
      return 'number';
    case 'double':
      return 'number | string';
    default:
      return 'RedisArg';
  }
}

function elementType(node: Node): string {
  switch (node.t) {
    case 'pt':
      return 'true';
    case 'v':
      return scalarType(node.json);
    case 'b':
      if (fixedWords(node) !== undefined) return quote(fixedWords(node) as string);
      return node.one === 1 ? typeOf((node.a as Node[]).find(visible) as Node) : objectType(node.a as Node[]);
    case 'o':
      return (node.a as Node[])
        .map((alt) => (alt.t === 'pt' ? quote(alt.tok as string) : alt.tok !== undefined ? `{ ${quote(alt.tok)}: ${typeOf(alt)} }` : typeOf(alt)))
        .join(' | ');
    default:
      return 'never';
  }
}
function typeOf(node: Node): string {
  const element = elementType(node);
  return node.m === 1 ? `${wrap(element)}[]` : element;
}

/** `{ key?: type; … }` for the visible children (flattened one-ofs give one key per alternative). */
function objectType(children: Node[], include: (node: Node) => boolean = () => true): string {
  const fields: string[] = [];
  for (const child of children.filter((node) => visible(node) && include(node))) {
    if (child.f === 1) {
      for (const alt of child.a as Node[]) fields.push(`${quote(alt.k as string)}?: ${typeOf(alt)}`);
    } else {
      fields.push(`${quote(child.k as string)}${child.opt === 1 ? '?' : ''}: ${typeOf(child)}`);
    }
  }
  return `{ ${fields.join('; ')} }`;
}

/** The runtime node, as a TypeScript literal (only the fields the builder reads). */
function nodeLiteral(node: Node): string {
  const parts = [`t: '${node.t}'`, `n: ${quote(node.n)}`];
  if (node.tok !== undefined) parts.push(`tok: ${quote(node.tok)}`);
  if (node.k !== undefined) parts.push(`k: ${quote(node.k)}`);
  for (const flag of ['p', 'r', 'opt', 'm', 'mt', 'f', 'one'] as const) if (node[flag] !== undefined) parts.push(`${flag}: ${node[flag]}`);
  if (node.a !== undefined) parts.push(`a: [${node.a.map(nodeLiteral).join(', ')}]`);
  return `{ ${parts.join(', ')} }`;
}

// ---- replies: reply_schema (RESP3, the default protocol) → the type the decoder returns ----

type Schema = Record<string, unknown>;

function replyType(schema: unknown, buffer: boolean): string {
  if (schema === undefined || schema === null || typeof schema !== 'object') return 'unknown';
  const s = schema as Schema;
  const alternatives = (s.oneOf ?? s.anyOf) as unknown[] | undefined;
  if (alternatives !== undefined) return union(alternatives.map((alt) => replyType(alt, buffer)));
  if (s.const !== undefined) return typeof s.const === 'string' ? quote(s.const) : JSON.stringify(s.const);
  switch (s.type) {
    case 'null':
      return 'null';
    case 'string':
      return buffer ? 'Buffer' : 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array': {
      if (Array.isArray(s.items)) {
        const items = s.items.map((item) => replyType(item, buffer));
        const rest = s.additionalItems === undefined || s.additionalItems === false ? '' : `, ...${wrap(replyType(s.additionalItems, buffer))}[]`;
        return `[${items.join(', ')}${rest}]`;
      }
      return `${wrap(replyType(s.items, buffer))}[]`;
    }
    case 'object': {
      const properties = s.properties as Record<string, unknown> | undefined;
      const extra = s.additionalProperties;
      const patterns = s.patternProperties as Record<string, unknown> | undefined;
      const parts: string[] = [];
      if (properties !== undefined) {
        parts.push(`{ ${Object.entries(properties).map(([key, value]) => `${quote(key)}: ${replyType(value, buffer)}`).join('; ')} }`);
      }
      const open = [
        ...(extra !== undefined && extra !== false ? [extra === true ? 'unknown' : replyType(extra, buffer)] : []),
        ...(patterns !== undefined ? Object.values(patterns).map((value) => replyType(value, buffer)) : []),
      ];
      if (open.length > 0 || parts.length === 0) parts.push(`Record<string, ${open.length > 0 ? union(open) : 'unknown'}>`);
      return parts.join(' & ');
    }
    default:
      return 'unknown';
  }
}
function union(types: string[]): string {
  const unique = [...new Set(types)];
  if (unique.includes('unknown')) return 'unknown';
  // 'OK' | string is string; keep the literal only when no plain string is possible.
  const collapsed = unique.filter((type) => !(/^'.*'$/.test(type) && unique.includes('string')) && !(/^-?[0-9]+$/.test(type) && unique.includes('number')));
  return collapsed.join(' | ');
}
const wrap = (type: string): string => (/[|&]/.test(type) ? `(${type})` : type);

/** Whether the reply can carry bulk strings (a `…Buffer` variant is worth having). */
function carriesStrings(schema: unknown): boolean {
  if (schema === null || typeof schema !== 'object') return false;
  const s = schema as Schema;
  if (s.type === 'string' && s.const === undefined) return true;
  return Object.entries(s).some(([key, value]) => key !== 'const' && typeof value === 'object' && (Array.isArray(value) ? value.some(carriesStrings) : carriesStrings(value) || Object.values(value as object).some(carriesStrings)));
}

// ---- RESP2: the reply types above describe RESP3; where a command's RESP2 reply differs, its doc says how ----

/** Commands whose reply_schema says `number` for what both protocols send as an integer. */
const INTEGER_NUMBERS = new Set(['waitaof']);
/** WITHSCORES replies the server sends as [member, score] pairs under RESP3 and as one flat list under RESP2 (checked against redis-server). */
const FLAT_PAIRS_UNDER_RESP2 = new Set(['zdiff', 'zinter', 'zrandmember', 'zrange', 'zrangebyscore', 'zrevrange', 'zrevrangebyscore', 'zunion']);

function schemaTypes(schema: unknown, found = new Set<string>()): Set<string> {
  if (schema === null || typeof schema !== 'object') return found;
  const type = (schema as Schema).type;
  if (typeof type === 'string') found.add(type);
  for (const value of Object.values(schema)) schemaTypes(value, found);
  return found;
}

/** How the RESP2 reply differs from the typed (RESP3) one, or undefined when it does not. */
function resp2Difference(name: string, command: JsonCommand): string | undefined {
  const types = schemaTypes(command.reply_schema);
  const differences: string[] = [];
  if (types.has('object')) differences.push('maps as flat [key, value, …] arrays');
  if (types.has('number') && !INTEGER_NUMBERS.has(name)) differences.push('doubles as strings');
  if (FLAT_PAIRS_UNDER_RESP2.has(name)) differences.push('WITHSCORES pairs as one flat [member, score, …] list');
  if (types.has('boolean')) differences.push('booleans as 1 / 0');
  return differences.length === 0 ? undefined : `Under RESP2 (\`protocol: 2\`) the reply differs from this type: ${differences.join(', ')}.`;
}

function docComment(command: JsonCommand, resp2?: string): string[] {
  const summary = (command.summary ?? '').replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim();
  const lines = [`  /** ${summary}${summary.endsWith('.') ? '' : '.'} Since ${command.since ?? '?'}.`];
  if (resp2 !== undefined) lines.push(`   * ${resp2}`);
  if (command.deprecated_since !== undefined) lines.push(`   * @deprecated Since ${command.deprecated_since}${command.replaced_by !== undefined ? `: ${command.replaced_by.replace(/`/g, '')}` : ''}.`);
  lines[lines.length - 1] += ' */';
  return lines;
}

function main(sources: string[]): void {
  if (sources.length === 0) throw new Error('usage: npm run gen:types -- <server source archive or dir> [...]');
  const read = sources.map(readSource);
  const all = new Map<string, JsonCommand>();
  for (const { commands } of read) for (const [name, command] of commands) if (!all.has(name)) all.set(name, command);
  const containers = new Set([...all.keys()].filter((name) => name.includes('|')).map((name) => name.split('|')[0] as string));
  const names = [...all.keys()].filter((name) => !(containers.has(name) && all.get(name)?.function === undefined)).sort();
  const typed = names.filter((name) => EXCLUDED[name] === undefined);
  const labels = read.map((source) => source.label);

  const argLines: string[] = [];
  const typeLines: string[] = [];
  const optionTypes: string[] = [];
  const optionsForm: string[] = [];
  const docLines: string[] = [];
  let bufferVariants = 0;
  let resp2Notes = 0;
  for (const name of typed) {
    const command = all.get(name) as JsonCommand;
    const method = methodName(name);
    const [word, sub] = name.toUpperCase().split('|') as [string, string | undefined];
    const layout = layoutCommand(command.arguments ?? []);
    const options = layout.options === undefined ? '' : `, options: ${layout.options}`;
    const buffer = carriesStrings(command.reply_schema) ? ', buffer: 1' : '';
    argLines.push(`  ${method}: { name: ${quote(word)}, prefix: [${sub === undefined ? '' : quote(sub)}], args: [${layout.nodes.map(nodeLiteral).join(', ')}]${options}${buffer} },`);
    const hand = (commandSpecs as Record<string, CommandSpec<any[], unknown, unknown>>)[method];
    if (hand !== undefined && takesOptionsForm(hand, layout.options === undefined ? undefined : { name: word, prefix: [], args: [], options: layout.options })) optionsForm.push(method);
    const params = [...layout.params];
    if (layout.optionsType !== undefined) {
      const typeName = `${pascal(method)}Options`;
      optionTypes.push(`/** Options of ${name.toUpperCase().replace('|', ' ')}. */`, `export type ${typeName} = ${layout.optionsType};`);
      params[params.length - 1] = `options?: ${typeName}`;
    }
    // A hand-declared method that shapes its reply (hgetall → object, zscore → number) returns the same under
    // both protocols; one that passes the reply through (zrange, zrank) differs as the generated one would.
    const resp2 = hand?.reply !== undefined ? undefined : resp2Difference(name, command);
    if (resp2 !== undefined) resp2Notes++;
    const doc = docComment(command, resp2);
    docLines.push(...doc, `  ${method}: unknown;`);
    typeLines.push(...doc, `  ${method}(${params.join(', ')}): Out<W, ${replyType(command.reply_schema, false)}>;`);
    if (buffer !== '') {
      bufferVariants++;
      typeLines.push(...doc.map((line, i) => (i === 0 ? line.replace('/** ', '/** Bulk strings as Buffers. ') : line)), `  ${method}Buffer(${params.join(', ')}): Out<W, ${replyType(command.reply_schema, true)}>;`);
    }
  }

  const header = (what: string) => [
    '// GENERATED FILE, DO NOT EDIT. Regenerate with `npm run gen:types -- <server sources>`',
    `// (scripts/generate-command-types.ts) from src/commands/*.json of ${labels.join(', ')}: ${what}.`,
  ];
  const excluded = names.filter((name) => EXCLUDED[name] !== undefined);
  writeFileSync(
    ARGS_OUTPUT,
    [
      ...header(`argument trees of ${typed.length} of ${names.length} commands`),
      "import type { GeneratedCommand } from '../argument-tree.js';",
      '',
      '/** Commands with no method, and why. */',
      'export const EXCLUDED_COMMANDS: Readonly<Record<string, string>> = {',
      ...excluded.map((name) => `  ${quote(name)}: ${quote(EXCLUDED[name] as string)},`),
      '};',
      '',
      '/** Method name → command; the argument layout is ArgNode in ../argument-tree.ts. */',
      'export const GENERATED_COMMANDS: Readonly<Record<string, GeneratedCommand>> = {',
      ...argLines,
      '};',
      '',
    ].join('\n'),
  );
  writeFileSync(
    TYPES_OUTPUT,
    [
      ...header(`typed methods for ${typed.length} of ${names.length} commands, ${bufferVariants} …Buffer variants`),
      '// Reply types are what the decoder returns under RESP3 (the default protocol): maps as objects, doubles as numbers.',
      `// Under RESP2 (\`protocol: 2\`) ${resp2Notes} of these replies differ; each says how in its doc comment.`,
      "import type { Out, RedisArg, RedisKey, ResultKind } from '../define.js';",
      '',
      '/** Hand-declared commands that also take their generated options-object form. */',
      `export type OptionsFormMethods = ${optionsForm.map(quote).join(' | ') || 'never'};`,
      '',
      ...optionTypes,
      '',
      '/** The one-line documentation of every command, for the hand-declared methods to show (types come from their specs). */',
      'export interface GeneratedCommandDocs {',
      ...docLines,
      '}',
      '',
      '/** Every command of the servers above, typed from its definition (hand-declared specs override these). */',
      "export interface GeneratedCommandMethods<W extends ResultKind> {",
      ...typeLines,
      '}',
      '',
    ].join('\n'),
  );
  console.log(`typed ${typed.length} of ${names.length} commands (${bufferVariants} Buffer variants, ${resp2Notes} RESP2 notes); excluded: ${excluded.join(', ')}`);
}

main(process.argv.slice(2));
