// A Sätteri hast plugin, run after shiki has turned each fence into its figure: the ranged
// blocks of one command (site/lib/blocks/engine-groups.ts) become one switch of tabs per engine
// range (site/lib/blocks/render-engine-group.ts). Groups are numbered in page order, so each
// has a stable name and its radios stable ids: `engine.2.1`, with dots, which no heading's id
// (a slug) ever has.
import type { RootContent } from 'hast';
import type { HastPluginEntry } from 'satteri';
import { findVariantRuns } from '../blocks/engine-groups.ts';
import { renderEngineGroup } from '../blocks/render-engine-group.ts';

/** For `satteri({ hastPlugins })`, after the page links: one counter per page. */
export function createEngineTabs(): HastPluginEntry {
  return () => {
    const seen = new Set<object>();
    let groups = 0;
    return {
      name: 'guide-engine-tabs',
      element: {
        filter: ['figure'],
        visit(node, ctx) {
          if (typeof node.properties?.dataDocker !== 'string') return;
          const parent = ctx.parent(node);
          if (seen.has(parent)) return; // its siblings were grouped when its first figure came
          seen.add(parent);
          const siblings = parent.children as readonly RootContent[];
          for (const run of findVariantRuns(siblings)) {
            groups += 1;
            const [first, ...rest] = siblings.slice(run.start, run.end + 1);
            if (first) ctx.replaceNode(first, renderEngineGroup(run.figures, `engine.${groups}`));
            for (const other of rest) ctx.removeNode(other);
          }
        },
      },
    };
  };
}
