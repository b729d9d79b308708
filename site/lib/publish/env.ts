// Where the site is published, from the environment: the same build serves at a domain root
// (`BASE_PATH` unset) and under a sub-path such as GitHub Pages' `/<repo>/`.

export interface PublishTarget {
  site: string; // "https://example.github.io": origin (and no path), from SITE_URL
  base: string; // "/" or "/docker-links-guide/": always with leading and trailing slash
}

export const DEFAULT_SITE = 'http://localhost:4321';

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

/** "https://example.org/" -> "https://example.org"; a path in SITE_URL belongs in BASE_PATH. */
export function normalizeSite(value: string | undefined): string {
  const raw = (value ?? '').trim() || DEFAULT_SITE;
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
