// The supported Node versions are stated in three places that must agree: package.json `engines`, the
// README's supported-versions paragraph, and the versions .ci/node-versions.sh installs for CI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

describe('supported Node versions', () => {
  const readme = read('README.md');
  const paragraph = readme.slice(readme.indexOf('Supported Node versions:')).split('\n\n')[0] ?? '';

  it('the README quotes package.json engines', () => {
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    expect(paragraph).toContain(`\`engines\` says \`${engines}\``);
  });

  it('the README names the Node versions CI installs', () => {
    const pinned = /^VERSIONS=\(([^)]*)\)$/m.exec(read('.ci/node-versions.sh'))?.[1]?.split(' ') ?? [];
    expect(pinned.map((v) => v.split('.')[0])).toEqual(['22', '24']);
    for (const version of pinned) expect(paragraph).toContain(version);
  });
});
