// /sitemap.xml: every page of the guide and the verification page, absolute URLs under the base
// path. Injected only when SITE_URL is set (site/lib/publish/integration.ts): without an address
// the site has nothing to list.
import type { APIRoute } from 'astro';
import { loadPages } from '../lib/pages.ts';
import { readPublishTarget } from '../lib/publish/env.ts';
import { toAbsoluteUrl, toPagePath } from '../lib/publish/links.ts';
import { renderSitemap } from '../lib/publish/sitemap.ts';
import { VERIFICATION_SLUG } from '../lib/verify/page-report.ts';

export const prerender = true;

export const GET: APIRoute = async () => {
  const target = readPublishTarget(process.env);
  const slugs = [...(await loadPages()).map((page) => page.slug), VERIFICATION_SLUG];
  const urls = slugs.flatMap((slug) => toAbsoluteUrl(target, toPagePath(target.base, slug)) ?? []);
  return new Response(renderSitemap(urls), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
