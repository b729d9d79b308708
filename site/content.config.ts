// The guide's pages: every content/*.mdx, its id the file name (slug of its route).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content' }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    step: z.number().int().positive().optional(),
    snippet: z.string().optional(),
    needs: z.array(z.string()).default([]),
    minutes: z.number().int().positive().optional(), // about how long the page takes, shown before it starts
  }),
});

export const collections = { pages };
