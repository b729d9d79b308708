// A Sätteri hast plugin: links between pages are written relative (`step1/`) and published
// under the base path (`/docker-links-guide/step1/`); a link to no page fails the build.
import type { HastPluginEntry } from 'satteri';
import { formatPageError } from '../../../scripts/page/discover.ts';
import { resolvePageHref } from '../publish/links.ts';
import { toProjectPath } from './project-path.ts';
import type { PageError } from '../../../scripts/page/types.ts';

/** For `satteri({ hastPlugins })`: `pageIds` are the file names in `content/`. */
export function createPageLinks(base: string, pageIds: readonly string[]): HastPluginEntry {
  return (document) => {
    const file = toProjectPath(document.fileURL);
    const errors: PageError[] = [];
    return {
      name: 'guide-page-links',
      options: { position: true },
      element: {
        filter: ['a'],
        visit(node, ctx) {
          const href = node.properties?.href;
          if (typeof href !== 'string') return;
          const resolved = resolvePageHref(href, base, pageIds);
          if ('error' in resolved) errors.push({ at: { file, line: node.position?.start.line ?? 0 }, message: resolved.error });
          else if (resolved.href !== href) ctx.setProperty(node, 'href', resolved.href);
        },
      },
      after() {
        if (errors.length > 0) throw new Error(`broken links between pages:\n${errors.map(formatPageError).join('\n')}`);
      },
    };
  };
}
