// /scripts/<snippet>.mjs: each step's script as one file (scripts/snippets/bundle.ts), for the
// "Run this step as a script" box of its page (site/components/RunAsScript.astro) to link.
import type { APIRoute, GetStaticPaths } from 'astro';
import { bundleAll } from '../../../scripts/snippets/bundle.ts';

export const getStaticPaths = (async () =>
  (await bundleAll()).map(({ name, text }) => ({ params: { name: name.replace(/\.mjs$/, '') }, props: { text } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { text: string }).text, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
