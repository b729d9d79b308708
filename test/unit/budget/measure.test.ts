import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectScripts, gzipSize, measurePage } from '../../../scripts/budget/measure.ts';

/** A dist/ with one page under `base`, its stylesheet, a module and the chunk it imports. */
function makeDist(page: string): string {
  const dist = mkdtempSync(join(tmpdir(), 'budget-'));
  mkdirSync(join(dist, '_astro'));
  mkdirSync(join(dist, 'step1'));
  writeFileSync(join(dist, '_astro', 'guide.css'), 'body{color:red}');
  writeFileSync(join(dist, '_astro', 'main.js'), 'import"./chunk.js";console.log(1)');
  writeFileSync(join(dist, '_astro', 'chunk.js'), 'export const a=1');
  writeFileSync(join(dist, 'step1', 'index.html'), page);
  return dist;
}

describe('measurePage', () => {
  it('counts the HTML, linked CSS, inline scripts and linked scripts with their imports, under a base path', () => {
    const page =
      '<html><head><link rel="stylesheet" href="/guide/_astro/guide.css"></head>' +
      '<body><script type="module">alert(1)</script><script type="module" src="/guide/_astro/main.js"></script></body></html>';
    const cost = measurePage(makeDist(page), '/guide/', 'step1/index.html');
    expect(cost).toEqual({
      page: 'step1/index.html',
      htmlGzip: gzipSize(page),
      cssGzip: gzipSize('body{color:red}'),
      inlineJsGzip: gzipSize('alert(1)'),
      linkedJsGzip: gzipSize('import"./chunk.js";console.log(1)') + gzipSize('export const a=1'),
    });
  });

  it('names the page and the asset when the asset is missing', () => {
    const dist = makeDist('<link rel="stylesheet" href="/other/_astro/x.css">');
    expect(() => measurePage(dist, '/', 'step1/index.html')).toThrow('dist/step1/index.html loads /other/_astro/x.css, which is not in dist/');
  });
});

describe('collectScripts', () => {
  it('reads each module once, even when imported twice', () => {
    const files: Record<string, string> = { '/a.js': 'import"./b.js";import"./b.js"', '/b.js': 'import"/a.js"' };
    const read: string[] = [];
    collectScripts(['/a.js'], (url) => (read.push(url), files[url] ?? ''));
    expect(read).toEqual(['/a.js', '/b.js']);
  });
});
