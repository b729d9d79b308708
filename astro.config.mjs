// The guide site: pages from content/*.mdx, Astro source in site/. Where it is published comes
// from the environment (SITE_URL, BASE_PATH: site/lib/publish/env.ts), so one build serves at
// a domain root or under /<repo>/ on GitHub Pages; without SITE_URL, no absolute URLs at all.
import { readdirSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { readPublishTarget } from './site/lib/publish/env.ts';
import { createPublishIntegration } from './site/lib/publish/integration.ts';
import { createMarkdownConfig } from './site/lib/markdown/config.ts';

const target = readPublishTarget(process.env);
const pageIds = readdirSync(new URL('./content/', import.meta.url))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.slice(0, -'.mdx'.length));

export default defineConfig({
  site: target.site,
  base: target.base,
  trailingSlash: 'always',
  srcDir: './site',
  publicDir: './site/public',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  markdown: createMarkdownConfig(target.base, pageIds),
  integrations: [mdx(), createPublishIntegration(target)],
  vite: {
    // one stylesheet for every page, named for what it is (the route's name would be "_..")
    build: { rollupOptions: { output: { assetFileNames: '_astro/guide.[hash][extname]' } } },
  },
});
