// A Sätteri mdast plugin that fails the build when a page breaks the page format
// (docs/page-format.md): the page parser's errors, each naming `content/x.mdx:LINE`.
// It also hands output blocks their owning command (site/lib/blocks/output-owners.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MdastPluginEntry } from 'satteri';
import { formatPageError } from '../../../scripts/page/discover.ts';
import { parsePage } from '../../../scripts/page/parse.ts';
import type { Page } from '../../../scripts/page/types.ts';
import { findOutputOwners, writeOwner } from '../blocks/output-owners.ts';
import { toProjectPath } from './project-path.ts';

/** Throws one error listing every problem of the page at `file` (project-relative), or returns it parsed. */
export function checkPage(file: string, text: string): Page {
  const { page, errors } = parsePage(file, text);
  if (errors.length === 0) return page;
  const lines = errors.map(formatPageError).join('\n');
  throw new Error(`${file} breaks the page format (docs/page-format.md):\n${lines}`);
}

/**
 * For `satteri({ mdastPlugins })`: checks each page as it is compiled, build and dev alike, and
 * tells each output block of a multi-command block which command it belongs to.
 */
export function createBlockCheck(): MdastPluginEntry {
  return (document) => {
    const fileURL = document.fileURL;
    if (!fileURL || !fileURL.pathname.endsWith('.mdx')) return null;
    const owners = findOutputOwners(checkPage(toProjectPath(fileURL), readFileSync(fileURLToPath(fileURL), 'utf8')));
    if (owners.size === 0) return null;
    return {
      name: 'guide-output-owners',
      options: { position: true },
      code(node, ctx) {
        const owner = node.lang === 'output' ? owners.get(node.position?.start.line ?? 0) : undefined;
        if (owner) ctx.setProperty(node, 'meta', writeOwner(node.meta ?? '', owner));
      },
    };
  };
}
