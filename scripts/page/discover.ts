// Stage "discover": every page in content/, read and parsed, with the errors of all of them.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page, PageError } from './types.ts';
import { parsePage } from './parse.ts';
import { checkNeeds } from './needs.ts';

export { orderNeeds } from './needs.ts';

export interface Discovered {
  pages: Page[]; // file-name order: index, step1, step2, ...
  errors: PageError[];
}

/** Lists `content/*.mdx` under `root`, parses each, and checks the `needs` between them. */
export async function discoverPages(root: string, dir = 'content'): Promise<Discovered> {
  const names = (await readdir(path.join(root, dir))).filter((n) => n.endsWith('.mdx')).sort();
  const results = await Promise.all(
    names.map(async (name) => {
      const file = `${dir}/${name}`;
      return parsePage(file, await readFile(path.join(root, file), 'utf8'));
    }),
  );
  const pages = results.map((r) => r.page);
  const needsLines = new Map(results.map((r) => [r.page.id, r.needsLine]));
  const errors = [
    ...results.flatMap((r) => r.errors),
    ...checkNeeds(pages, (p) => needsLines.get(p.id) ?? 1),
  ];
  return { pages, errors };
}

/** `content/x.mdx:12: message` — how every page error is printed. */
export function formatPageError(error: PageError): string {
  return `${error.at.file}:${error.at.line}: ${error.message}`;
}
