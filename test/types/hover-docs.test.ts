// Hover documentation: every typed command method shows the server's one-line summary and since-version (and,
// for a generated method whose RESP2 reply differs, how). Asked of the TypeScript language service, as an
// editor would, for a client typed from the source; the build's .d.ts files keep the same comments.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { commandSpecs } from '../../src/commands/index.js';
import { GENERATED_COMMANDS } from '../../src/commands/generated/command-args.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const probeFile = `${root}test/types/__hover-probe.ts`;

/** The documentation an editor shows when hovering `host.<method>` for each method, keyed by `host.method`. */
function hoverDocs(hosts: Record<string, string>, methods: readonly string[]): Map<string, string> {
  const lines = [`import type { ${Object.values(hosts).join(', ')} } from '../../src/index.js';`];
  for (const [name, type] of Object.entries(hosts)) lines.push(`declare const ${name}: ${type};`);
  const positions: [string, number][] = [];
  let text = lines.join('\n') + '\n';
  for (const host of Object.keys(hosts)) {
    for (const method of methods) {
      positions.push([`${host}.${method}`, text.length + host.length + 1]);
      text += `${host}.${method};\n`;
    }
  }
  const options: ts.CompilerOptions = { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, types: ['node'], skipLibCheck: true };
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [probeFile],
    getScriptVersion: () => '1',
    getScriptSnapshot: (file) => ts.ScriptSnapshot.fromString(file === probeFile ? text : (ts.sys.readFile(file) ?? '')),
    getCurrentDirectory: () => root,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (file) => file === probeFile || ts.sys.fileExists(file),
    readFile: (file) => (file === probeFile ? text : ts.sys.readFile(file)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const errors = service.getSemanticDiagnostics(probeFile).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(errors).toEqual([]);
  const docs = new Map<string, string>();
  for (const [label, position] of positions) {
    const info = service.getQuickInfoAtPosition(probeFile, position);
    docs.set(label, ts.displayPartsToString(info?.documentation));
  }
  return docs;
}

// Every method with a server definition: the generated ones, their …Buffer variants, the hand-declared ones.
const methods = Object.entries(GENERATED_COMMANDS).flatMap(([method, command]) => (command.buffer === 1 && !(method in commandSpecs) ? [method, `${method}Buffer`] : [method]));

describe('hover documentation of command methods', () => {
  const docs = hoverDocs({ r: 'Redis', p: 'Pipeline', c: 'RedisCluster' }, methods);

  it('every typed method on a client, a batch and a cluster shows its summary and since-version', () => {
    expect(methods.length).toBeGreaterThan(400);
    const undocumented = [...docs].filter(([, doc]) => !/^\S.* Since \d+\.\d+\.\d+\./m.test(doc)).map(([label]) => label);
    expect(undocumented).toEqual([]);
  });

  it('shows the server’s own words: hand-declared and generated alike', () => {
    expect(docs.get('r.get')).toBe('Returns the string value of a key. Since 1.0.0.');
    // A hand-declared method shows the server's summary after its own comment (the built .d.ts keeps only the summary).
    expect(docs.get('p.hgetall')).toMatch(/(^|\n)Returns all fields and values in a hash\. Since 2\.0\.0\.$/);
    expect(docs.get('c.pfcount')).toMatch(/^Returns the approximated cardinality of the set\(s\) observed by the HyperLogLog key\(s\)\. Since 2\.8\.9\./);
    expect(docs.get('r.lcsBuffer')).toMatch(/^Bulk strings as Buffers\. Finds the longest common substring\. Since 7\.0\.0\.\n.*maps as flat \[key, value, …\] arrays/);
    expect(docs.get('r.zunion')).toMatch(/Since 6\.2\.0\.\nUnder RESP2 \(`protocol: 2`\) the reply differs from this type: doubles as strings, WITHSCORES pairs/);
  });
});
