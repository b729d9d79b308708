// Where the site is published, from the environment: the same build serves at a domain root
// (`BASE_PATH` unset) and under a sub-path such as GitHub Pages' `/<repo>/`. Without `SITE_URL`
// the site has no address of its own: it claims none (no canonical link, og:url, og:image or
// sitemap, site/lib/publish/integration.ts) rather than naming localhost. Where its pages' source
// is (`REPO_URL`, `REPO_BRANCH`) gives each page its "Edit this page" link; without it, none.

export interface PublishTarget {
  site?: string | undefined; // "https://example.github.io": origin (and no path), from SITE_URL; undefined when unset
  base: string; // "/" or "/docker-links-guide/": always with leading and trailing slash
  repository?: Repository | undefined; // from REPO_URL and REPO_BRANCH; undefined when REPO_URL is unset
}

export interface Repository {
  url: string; // "https://github.com/owner/repo", no trailing slash
  branch: string; // "main" unless REPO_BRANCH says otherwise
}

/** What a build without SITE_URL leaves out, said once in the build log. */
export const NO_SITE_MESSAGE =
  'SITE_URL is not set: the pages have no canonical link or og:url and there is no sitemap.xml; set SITE_URL=https://you.github.io (the origin the site is published at) to add them and the og:image of each page';

/** What a build without REPO_URL leaves out, said once in the build log. */
export const NO_REPO_MESSAGE =
  'REPO_URL is not set: the pages have no "Edit this page" link; set REPO_URL=https://github.com/owner/repo (and REPO_BRANCH if it is not main) to add them';

/** Reads SITE_URL and BASE_PATH; a malformed value is an error that says what to write. */
export function readPublishTarget(env: Record<string, string | undefined>): PublishTarget {
  return { site: normalizeSite(env.SITE_URL), base: normalizeBase(env.BASE_PATH), repository: readRepository(env) };
}

/** REPO_URL ("https://github.com/owner/repo") and REPO_BRANCH (default main); unset or blank REPO_URL -> undefined. */
export function readRepository(env: Record<string, string | undefined>): Repository | undefined {
  const raw = (env.REPO_URL ?? '').trim();
  if (raw === '') return undefined;
  if (!/^https?:\/\/[^\s/]+\/\S+$/.test(raw)) throw new Error(`REPO_URL="${env.REPO_URL}" is not a repository's address; write e.g. REPO_URL=https://github.com/owner/repo`);
  return { url: raw.replace(/\/+$/, ''), branch: (env.REPO_BRANCH ?? '').trim() || 'main' };
}

/** The page that edits `file` ("content/step2.mdx") on the repository's branch (GitHub's /edit/ address). */
export function toEditUrl(repository: Repository, file: string): string {
  return `${repository.url}/edit/${repository.branch}/${file}`;
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
