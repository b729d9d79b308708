// /sitemap.xml: every page of the guide, absolute URLs under the base path.
import type { APIRoute } from 'astro';
import { loadPages } from '../lib/pages.ts';
import { readPublishTarget } from '../lib/publish/env.ts';
import { toAbsoluteUrl, toPagePath } from '../lib/publish/links.ts';
import { renderSitemap } from '../lib/publish/sitemap.ts';

export const GET: APIRoute = async () => {
  const target = readPublishTarget(process.env);
  const pages = await loadPages();
  const urls = pages.map((page) => toAbsoluteUrl(target, toPagePath(target.base, page.slug)));
  return new Response(renderSitemap(urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
