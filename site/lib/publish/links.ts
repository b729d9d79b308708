// Every internal link and asset goes through these: they put the base path in front.
import type { PublishTarget } from './env.ts';

/** The path of a page: "" (the index) -> "/base/", "step2" -> "/base/step2/". */
export function toPagePath(base: string, slug: string): string {
  const clean = slug.replace(/^\/+|\/+$/g, '');
  return clean === '' ? base : `${base}${clean}/`;
}

/** A file at the site root: "sitemap.xml" -> "/base/sitemap.xml". */
export function toAssetPath(base: string, file: string): string {
  return `${base}${file.replace(/^\/+/, '')}`;
}

/** The absolute URL of a path, for canonical links, Open Graph and the sitemap; none without SITE_URL. */
export function toAbsoluteUrl(target: PublishTarget, path: string): string | undefined {
  return target.site === undefined ? undefined : new URL(path, target.site).href;
}

/** True when `href` is written relative (`step1/`, `step1.mdx#x`), not absolute, rooted or a fragment. */
export function isRelativeHref(href: string): boolean {
  return !/^([a-z][a-z\d+.-]*:|\/|#|\?)/i.test(href);
}

/**
 * A relative link in a page names another page by its file: `step1/`, `step1`, `step1.mdx`,
 * or `./step1/#section`. Returns the slug and the rest (fragment or query), or undefined when
 * the link is not of that form.
 */
export function readPageLink(href: string): { slug: string; rest: string } | undefined {
  const match = /^(?:\.\/)?([\w-]*?)(?:\.mdx)?\/?([#?].*)?$/.exec(href);
  if (!match) return undefined;
  return { slug: match[1] ?? '', rest: match[2] ?? '' };
}

/**
 * The published href of a link written in a page: relative links name a page (`step1/`), and
 * become `/base/step1/`; other links are kept. An unknown page is an error that lists the known.
 */
export function resolvePageHref(href: string, base: string, pageIds: readonly string[]): { href: string } | { error: string } {
  if (!isRelativeHref(href)) return { href };
  const link = readPageLink(href);
  const id = link?.slug === '' ? 'index' : link?.slug;
  if (!link || id === undefined || !pageIds.includes(id)) {
    return { error: `the link "${href}" names no page; write one of: ${pageIds.map((page) => (page === 'index' ? './' : `${page}/`)).join(', ')}` };
  }
  return { href: `${toPagePath(base, id === 'index' ? '' : id)}${link.rest}` };
}
