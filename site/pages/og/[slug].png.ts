// /og/<page id>.png: each page's link-preview card (site/lib/diagrams/og-card.ts), 1200 x 630,
// drawn from its title, its place among the steps and its picture, rendered to PNG by sharp.
import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import { loadDiagram } from '../../lib/diagrams/load.ts';
import { renderOgCard } from '../../lib/diagrams/og-card.ts';
import { findPageNav } from '../../lib/nav/order.ts';
import { loadPages } from '../../lib/pages.ts';

export const getStaticPaths = (async () => {
  const pages = await loadPages();
  return Promise.all(
    pages.map(async (page) => {
      const card = renderOgCard({ siteName: pages[0]?.title ?? page.title, title: page.title, position: findPageNav(pages, page.id).position, picture: await loadDiagram(page.id) });
      return { params: { slug: page.id }, props: { png: await sharp(Buffer.from(card)).png().toBuffer() } };
    }),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(new Uint8Array((props as { png: Buffer }).png), { headers: { 'Content-Type': 'image/png' } });
