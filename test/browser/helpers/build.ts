// The built site the browser tests read: `dist/` from `npm run build` (npm test's build stage),
// the site as the workflow publishes it (a base path, its address and repository), built once
// for the suite, or a build of their own into a temporary folder, e.g. of pages written for a
// test (a copy of the project with its own content/, so the guide's pages and Astro's caches
// stay untouched).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { readPublishTarget } from '../../../site/lib/publish/env.ts';

export const ROOT = join(import.meta.dirname, '..', '..', '..');

export interface Built {
  dir: string;
  base: string;
}

/** `dist/` as `npm run build` left it (building it when absent), with the base it was built for. */
export function ensureBuilt(): Built {
  const dir = join(ROOT, 'dist');
  if (!existsSync(join(dir, 'index.html'))) buildSite(dir, process.env.BASE_PATH ?? '');
  return { dir, base: readPublishTarget(process.env).base };
}

/** Builds the site into a fresh temporary folder for `basePath` (e.g. "/docker-links-guide/") published at `siteUrl`, with `env` (REPO_URL) besides. */
export function buildUnderBase(basePath: string, siteUrl?: string, env: Record<string, string> = {}): Built {
  const dir = mkdtempSync(join(tmpdir(), 'guide-site-'));
  buildSite(dir, basePath, ROOT, siteUrl, env);
  return { dir, base: readPublishTarget({ BASE_PATH: basePath }).base };
}

/** How the workflow publishes the guide: on GitHub Pages under the repository's name, with its address and repository. */
export const PUBLISHED = { base: '/docker-links-guide/', siteUrl: 'https://you.github.io', repoUrl: 'https://github.com/you/docker-links-guide' };

/**
 * The site built as PUBLISHED says, once for the whole suite (into the folder global-setup.ts
 * provides and removes; the files that read it run one after another), or, for a file run
 * alone, into a temporary folder its `remove()` deletes.
 */
export function buildPublished(): Built & { remove(): void } {
  const shared = inject('publishedSiteDir');
  const env = { REPO_URL: PUBLISHED.repoUrl };
  if (!shared) {
    const built = buildUnderBase(PUBLISHED.base, PUBLISHED.siteUrl, env);
    return { ...built, remove: () => rmSync(built.dir, { recursive: true, force: true }) };
  }
  if (!existsSync(join(shared, 'index.html'))) buildSite(shared, PUBLISHED.base, ROOT, PUBLISHED.siteUrl, env);
  return { dir: shared, base: readPublishTarget({ BASE_PATH: PUBLISHED.base }).base, remove: () => undefined };
}

/** What the site build reads besides content/ and node_modules (snippets/lib: what a step leaves running; the images' ports the pictures show). */
const SITE_SOURCES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'site', 'scripts', 'snippets', 'verification', 'images/official-configs.json'];

/**
 * Builds the site from the pages in `contentDir` (at least an index.mdx) in a temporary copy of
 * the project; `dir` is the built site, `remove()` deletes the copy and the build.
 */
export function buildFixtureSite(contentDir: string): Built & { remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'guide-fixture-'));
  for (const name of SITE_SOURCES) cpSync(join(ROOT, name), join(root, name), { recursive: true });
  cpSync(contentDir, join(root, 'content'), { recursive: true });
  // the packages, not node_modules itself: Vite's and Astro's caches (.vite, .astro) stay the copy's own
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules')).filter((entry) => !entry.startsWith('.'))) {
    symlinkSync(join(ROOT, 'node_modules', name), join(root, 'node_modules', name), 'dir');
  }
  const dir = join(root, 'dist');
  buildSite(dir, '', root);
  return { dir, base: '/', remove: () => rmSync(root, { recursive: true, force: true }) };
}

function buildSite(outDir: string, basePath: string, root: string = ROOT, siteUrl?: string, env: Record<string, string> = {}): void {
  const site = siteUrl === undefined ? {} : { SITE_URL: siteUrl };
  try {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'astro'), ['build', '--outDir', outDir], {
      cwd: root,
      env: { ...process.env, BASE_PATH: basePath, ASTRO_TELEMETRY_DISABLED: '1', ...site, ...env },
      stdio: 'pipe',
    });
  } catch (cause) {
    const output = String((cause as { stderr?: Buffer }).stderr ?? '') + String((cause as { stdout?: Buffer }).stdout ?? '');
    throw new Error(`astro build --outDir ${outDir} (BASE_PATH=${basePath}) failed:\n${output.slice(-4000)}`, { cause });
  }
}
