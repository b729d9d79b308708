// The guide's pages as the snippet generator and the doc-tests read them (scripts/page): front
// matter, commands with their file:line, and each file's text, read once per build. The site's
// views of commands (what a step needs running, what the record says of each command) start here,
// so they name exactly what the doc-tests run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { discoverPages, formatPageError } from '../../scripts/page/discover.ts';
import type { Page } from '../../scripts/page/types.ts';

export interface ParsedPage {
  page: Page;
  text: string; // the file as the build read it (its hash is what the record compares)
}

const loaded = new Map<string, Promise<ParsedPage[]>>();

/** Every `content/*.mdx` under `root`, parsed; a page that breaks the format fails the build, naming file:line. */
export function loadParsedPages(root: string = process.cwd()): Promise<ParsedPage[]> {
  if (!loaded.has(root)) loaded.set(root, readParsedPages(root));
  return loaded.get(root)!;
}

async function readParsedPages(root: string): Promise<ParsedPage[]> {
  const { pages, errors } = await discoverPages(root);
  if (errors.length > 0) throw new Error(`the pages break the page format (docs/page-format.md):\n${errors.map(formatPageError).join('\n')}`);
  return pages.map((page) => ({ page, text: readFileSync(path.join(root, page.file), 'utf8') }));
}
