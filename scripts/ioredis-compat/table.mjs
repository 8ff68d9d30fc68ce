// Prints the pass table of an ioredis compatibility run (markdown, also saved as results/table.md) and the
// failing tests of each client (results/failures-<client>.md).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function printTable({ resultsDir, files, targets, ioredisVersion, excludedTests }) {
  const results = Object.fromEntries(targets.map((target) => [target, Object.fromEntries(files.map((file) => [file, readResult(resultsDir, target, file)]))]));
  const lines = [
    `ioredis ${ioredisVersion} tests; the tests column counts the tests run (without it.skip and the listed single exclusions).`,
    '',
    `| file | tests | ${targets.map((target) => `pass (${target})`).join(' | ')} |`,
    `|---|---:|${targets.map(() => '---:').join('|')}|`,
  ];
  const totals = Object.fromEntries(targets.map((target) => [target, 0]));
  let totalTests = 0;
  for (const file of files) {
    const tests = Math.max(...targets.map((target) => results[target][file].tests));
    totalTests += tests;
    const cells = targets.map((target) => {
      const result = results[target][file];
      totals[target] += result.passed;
      return `${result.passed}${result.finished ? '' : ' (run did not finish)'}`;
    });
    const skipped = Object.keys(excludedTests[file] ?? {}).length;
    lines.push(`| ${file}${skipped ? ` (${skipped} excluded)` : ''} | ${tests} | ${cells.join(' | ')} |`);
  }
  lines.push(`| **total** | **${totalTests}** | ${targets.map((target) => `**${totals[target]} (${percent(totals[target], totalTests)})**`).join(' | ')} |`);
  const table = lines.join('\n');
  writeFileSync(join(resultsDir, 'table.md'), table + '\n');
  console.log(`\n${table}\n`);

  for (const target of targets) {
    const failures = [];
    for (const file of files) {
      const result = results[target][file];
      for (const failure of result.failed) failures.push(`- ${file}: ${failure.hook ? '(hook) ' : ''}${failure.title}: ${failure.error}`);
      const unaccounted = result.tests - result.passed - result.failed.filter((failure) => !failure.hook).length;
      if (unaccounted > 0) failures.push(`- ${file}: ${unaccounted} test(s) not run (a failing hook or an unfinished run)`);
    }
    const text = `# failures of ${target}\n\n${failures.join('\n') || 'none'}\n`;
    writeFileSync(join(resultsDir, `failures-${target}.md`), text);
    console.log(`${target}: ${failures.length} failure line(s), see ${join(resultsDir, `failures-${target}.md`)}`);
  }
}

function readResult(resultsDir, target, file) {
  const path = join(resultsDir, target, file.replace(/\//g, '__') + '.json');
  if (!existsSync(path)) return { tests: 0, passed: 0, failed: [{ title: '(whole file)', hook: true, error: 'mocha did not start (no result)' }], finished: false };
  const raw = JSON.parse(readFileSync(path, 'utf8'));
  return { tests: raw.total - raw.pending.length, passed: raw.passed.length, failed: raw.failed, finished: raw.finished };
}

function percent(part, whole) {
  return whole ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a';
}
