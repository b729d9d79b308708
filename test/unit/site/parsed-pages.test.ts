import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadParsedPages } from '../../../site/lib/parsed-pages.ts';

const root = path.resolve(import.meta.dirname, '../../..');

describe('loadParsedPages', () => {
  it('reads every content/*.mdx once per build, parsed as the doc-tests parse it, with its text', async () => {
    const pages = await loadParsedPages(root);
    expect(pages.map((p) => p.page.file).sort()).toEqual(readdirSync(path.join(root, 'content')).filter((n) => n.endsWith('.mdx')).map((n) => `content/${n}`).sort());
    for (const { page, text } of pages) expect(text, page.file).toContain(`title: `);
    expect(await loadParsedPages(root)).toBe(pages);
  });
});
