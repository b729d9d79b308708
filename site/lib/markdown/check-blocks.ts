// A Sätteri mdast plugin that fails the build when a page breaks the page format
// (docs/page-format.md): the page parser's errors, each naming `content/x.mdx:LINE`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MdastPluginEntry } from 'satteri';
import { formatPageError } from '../../../scripts/page/discover.ts';
import { parsePage } from '../../../scripts/page/parse.ts';
import { toProjectPath } from './project-path.ts';

/** Throws one error listing every problem of the page at `file` (project-relative), or returns. */
export function checkPage(file: string, text: string): void {
  const { errors } = parsePage(file, text);
  if (errors.length === 0) return;
  const lines = errors.map(formatPageError).join('\n');
  throw new Error(`${file} breaks the page format (docs/page-format.md):\n${lines}`);
}

/** For `satteri({ mdastPlugins })`: checks each page as it is compiled, build and dev alike. */
export function createBlockCheck(): MdastPluginEntry {
  return (document) => {
    const fileURL = document.fileURL;
    if (!fileURL || !fileURL.pathname.endsWith('.mdx')) return null;
    checkPage(toProjectPath(fileURL), readFileSync(fileURLToPath(fileURL), 'utf8'));
    return null;
  };
}
