// Where the site is published, from the environment: the same build serves at a domain root
// (`BASE_PATH` unset) and under a sub-path such as GitHub Pages' `/<repo>/`. Without `SITE_URL`
// the site has no address of its own: it claims none (no canonical link, og:url or sitemap,
// site/lib/publish/integration.ts) rather than naming localhost.

export interface PublishTarget {
  site?: string | undefined; // "https://example.github.io": origin (and no path), from SITE_URL; undefined when unset
  base: string; // "/" or "/docker-links-guide/": always with leading and trailing slash
}

/** What a build without SITE_URL leaves out, said once in the build log. */
export const NO_SITE_MESSAGE =
  'SITE_URL is not set: the pages have no canonical link or og:url and there is no sitemap.xml; set SITE_URL=https://you.github.io (the origin the site is published at) to add them';

/** Reads SITE_URL and BASE_PATH; a malformed value is an error that says what to write. */
export function readPublishTarget(env: Record<string, string | undefined>): PublishTarget {
  return { site: normalizeSite(env.SITE_URL), base: normalizeBase(env.BASE_PATH) };
}

/** "docker-links-guide", "/docker-links-guide", "/docker-links-guide/" -> "/docker-links-guide/". */
export function normalizeBase(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  if (!/^[\w.~-]+(\/[\w.~-]+)*$/.test(trimmed)) {
    throw new Error(`BASE_PATH="${value}" is not a URL path; write e.g. BASE_PATH=/docker-links-guide/`);
  }
  return `/${trimmed}/`;
}

/** "https://example.org/" -> "https://example.org"; unset or blank -> undefined; a path in SITE_URL belongs in BASE_PATH. */
export function normalizeSite(value: string | undefined): string | undefined {
  const raw = (value ?? '').trim();
  if (raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new Error(`SITE_URL="${value}" is not an absolute URL; write e.g. SITE_URL=https://you.github.io`, { cause });
  }
  if (url.pathname !== '/') {
    throw new Error(
      `SITE_URL="${value}" has a path (${url.pathname}); put the origin in SITE_URL and the path in BASE_PATH`,
    );
  }
  return url.origin;
}
