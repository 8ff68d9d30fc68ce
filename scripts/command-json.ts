// Reads the command definitions a server ships in its sources (src/commands/*.json), from the source
// archive (.tar.gz) or its extracted directory. Shared by the command-table and command-type generators.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** One argument of a command definition. */
export interface JsonArgument {
  name: string;
  type: 'key' | 'string' | 'integer' | 'double' | 'pattern' | 'unix-time' | 'pure-token' | 'oneof' | 'block';
  token?: string;
  optional?: boolean;
  multiple?: boolean;
  multiple_token?: boolean;
  arguments?: JsonArgument[];
  since?: string;
}

/** One entry of a server's src/commands/<name>.json. */
export interface JsonCommand {
  summary?: string;
  since?: string;
  group?: string;
  container?: string;
  function?: string;
  arity: number;
  command_flags?: string[];
  command_tips?: string[];
  doc_flags?: string[];
  deprecated_since?: string;
  replaced_by?: string;
  key_specs?: JsonKeySpec[];
  get_keys_function?: string;
  arguments?: JsonArgument[];
  reply_schema?: unknown;
}
export interface JsonKeySpec {
  flags?: string[];
  begin_search: { index?: { pos: number }; keyword?: { keyword: string; startfrom: number }; unknown?: null };
  find_keys: { range?: { lastkey: number; step: number; limit: number }; keynum?: { keynumidx: number; firstkey: number; step: number }; unknown?: null };
}

/** Name → definition for one source; sub-commands as 'container|sub'. Sentinel-only commands are left out. */
export function readSource(source: string): { label: string; commands: Map<string, JsonCommand> } {
  let dir = source;
  let scratch: string | undefined;
  if (!statSync(source).isDirectory()) {
    scratch = mkdtempSync(join(tmpdir(), 'ocredis-commands-'));
    execFileSync('tar', ['-xzf', source, '-C', scratch, '--wildcards', '*/src/commands/*.json']);
    dir = join(scratch, readdirSync(scratch)[0] as string);
  }
  try {
    const commandsDir = join(dir, 'src', 'commands');
    if (!existsSync(commandsDir)) throw new Error(`${source}: no src/commands directory`);
    const commands = new Map<string, JsonCommand>();
    for (const file of readdirSync(commandsDir).filter((name) => name.endsWith('.json'))) {
      const parsed = JSON.parse(readFileSync(join(commandsDir, file), 'utf8')) as Record<string, JsonCommand>;
      for (const [name, command] of Object.entries(parsed)) {
        if (command.command_flags?.includes('ONLY_SENTINEL')) continue;
        const full = command.container === undefined ? name.toLowerCase() : `${command.container.toLowerCase()}|${name.toLowerCase()}`;
        commands.set(full, command);
      }
    }
    return { label: basename(dir).replace(/\.tar\.gz$/, ''), commands };
  } finally {
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  }
}

/** A string as a single-quoted TypeScript literal. */
export function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
