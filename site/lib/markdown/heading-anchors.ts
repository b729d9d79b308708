// A Sätteri hast plugin: every heading gets its id (the same slugs Astro would give) and a
// link to itself, visible on hover and focus.
import GithubSlugger from 'github-slugger';
import type { Element } from 'hast';
import type { HastPluginEntry } from 'satteri';
import { h } from '../blocks/hast.ts';

/** `<a class="anchor" href="#id" aria-label="Link to this section: Title">`: the "#" is drawn by CSS. */
export function buildHeadingAnchor(id: string, text: string): Element {
  return h('a', { className: ['anchor'], href: `#${id}`, ariaLabel: `Link to this section: ${text.trim()}` });
}

/** For `satteri({ hastPlugins })`: one slugger per page, so ids are unique within it. */
export function createHeadingAnchors(): HastPluginEntry {
  return () => {
    const slugger = new GithubSlugger();
    return {
      name: 'guide-heading-anchors',
      element: {
        filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
        visit(node, ctx) {
          const text = ctx.textContent(node);
          const existing = node.properties?.id;
          const id = typeof existing === 'string' ? existing : slugger.slug(text);
          if (typeof existing !== 'string') ctx.setProperty(node, 'id', id);
          if (node.tagName !== 'h1') ctx.appendChild(node, buildHeadingAnchor(id, text));
        },
      },
    };
  };
}
