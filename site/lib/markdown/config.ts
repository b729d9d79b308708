// The markdown pipeline of the guide, in one place for astro.config.mjs and the tests: the page
// check, links under the base path, heading anchors, shiki with the block transformer, and the
// engine tabs that group one command's ranged blocks after it.
import { satteri } from '@astrojs/markdown-satteri';
import { createBlockTransformer } from '../blocks/transformer.ts';
import { createBlockCheck } from './check-blocks.ts';
import { createEngineTabs } from './engine-tabs.ts';
import { createHeadingAnchors } from './heading-anchors.ts';
import { createPageLinks } from './page-links.ts';

/** Light and dark highlighting, both as CSS variables (`--shiki-light`, `--shiki-dark`). */
export const SHIKI_CONFIG = {
  themes: { light: 'github-light', dark: 'github-dark' },
  defaultColor: false,
  langAlias: { output: 'plaintext', session: 'plaintext' },
  transformers: [createBlockTransformer()],
} as const;

/** Satteri's plugins for the guide; `pageIds` are the names of `content/*.mdx`. Astro runs shiki before them. */
export function createGuidePlugins(base: string, pageIds: readonly string[]) {
  return {
    mdastPlugins: [createBlockCheck()],
    hastPlugins: [createPageLinks(base, pageIds), createHeadingAnchors(), createEngineTabs()],
  };
}

/** The `markdown` section of the Astro config. */
export function createMarkdownConfig(base: string, pageIds: readonly string[]) {
  return {
    processor: satteri(createGuidePlugins(base, pageIds)),
    syntaxHighlight: 'shiki' as const,
    shikiConfig: { ...SHIKI_CONFIG, transformers: [...SHIKI_CONFIG.transformers] },
  };
}
