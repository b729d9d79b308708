// A Sätteri mdast plugin that fails the build when a page breaks the page format
// (docs/page-format.md): the page parser's errors, each naming `content/x.mdx:LINE`.
// It also hands each output and session block its fence (`content/step2.mdx:93`, for its recorded
// values) and, under a block of several commands, its owning command (site/lib/blocks/output-owners.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MdastPluginEntry } from 'satteri';
import { formatPageError } from '../../../scripts/page/discover.ts';
import { parsePage } from '../../../scripts/page/parse.ts';
import type { Page } from '../../../scripts/page/types.ts';
import { findOutputOwners, writeAt, writeOwner } from '../blocks/output-owners.ts';
import { toProjectPath } from './project-path.ts';

/** Throws one error listing every problem of the page at `file` (project-relative), or returns it parsed. */
export function checkPage(file: string, text: string): Page {
  const { page, errors } = parsePage(file, text);
  if (errors.length === 0) return page;
  const lines = errors.map(formatPageError).join('\n');
  throw new Error(`${file} breaks the page format (docs/page-format.md):\n${lines}`);
}

/**
 * For `satteri({ mdastPlugins })`: checks each page as it is compiled, build and dev alike, tells
 * each output and session block where it is, and each output block of a multi-command block which
 * command it belongs to.
 */
export function createBlockCheck(): MdastPluginEntry {
  return (document) => {
    const fileURL = document.fileURL;
    if (!fileURL || !fileURL.pathname.endsWith('.mdx')) return null;
    const file = toProjectPath(fileURL);
    const owners = findOutputOwners(checkPage(file, readFileSync(fileURLToPath(fileURL), 'utf8')));
    return {
      name: 'guide-block-places',
      options: { position: true },
      code(node, ctx) {
        if (node.lang !== 'output' && node.lang !== 'session') return;
        const line = node.position?.start.line ?? 0;
        const owner = node.lang === 'output' ? owners.get(line) : undefined;
        const meta = writeAt(node.meta ?? '', { file, line });
        ctx.setProperty(node, 'meta', owner ? writeOwner(meta, owner) : meta);
      },
    };
  };
}
