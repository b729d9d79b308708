import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');

/** The first cell of each table row: the paths the module map names. */
function namedPaths(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) => /^\| `([^`]+)` \|/.exec(line)?.[1])
    .filter((path): path is string => path !== undefined);
}

describe('docs/architecture.md', () => {
  const paths = namedPaths(doc);

  it('names the modules', () => {
    expect(paths.length).toBeGreaterThan(50);
  });

  it.each(paths)('%s exists', (path) => {
    expect(existsSync(join(root, path)), `docs/architecture.md names ${path}, which does not exist`).toBe(true);
  });

  it.each(['scripts', 'snippets/lib', 'site'])('every source file under %s is in the map', (folder) => {
    const sources = readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|mjs|astro)$/.test(file))
      .map((file) => `${folder}/${file}`);
    const missing = sources.filter((file) => !paths.some((path) => file === path || (path.endsWith('/') && file.startsWith(path))));
    expect(missing, 'add these to docs/architecture.md (a row per module, or a row for their folder ending in /)').toEqual([]);
  });

  it('reads table rows only', () => {
    expect(namedPaths('| `a.ts` | role |\n| file | role |\ntext `b.ts`\n')).toEqual(['a.ts']);
  });
});
