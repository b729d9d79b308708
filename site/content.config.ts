// The guide's pages: every content/*.mdx, its id the file name (slug of its route), its front
// matter checked by the one schema the page parser checks it with (scripts/page/frontmatter-schema.ts).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { frontmatterSchema } from '../scripts/page/frontmatter-schema.ts';

const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content' }),
  schema: frontmatterSchema,
});

export const collections = { pages };
