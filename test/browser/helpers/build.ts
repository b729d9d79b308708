// The built site the browser tests read: `dist/` from `npm run build` (npm test's build stage),
// or a build of their own into a temporary folder, e.g. under a non-root base path.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Builds the site into a fresh temporary folder for `basePath` (e.g. "/docker-links-guide/"). */
export function buildUnderBase(basePath: string): Built {
  const dir = mkdtempSync(join(tmpdir(), 'guide-site-'));
  buildSite(dir, basePath);
  return { dir, base: readPublishTarget({ BASE_PATH: basePath }).base };
}

function buildSite(outDir: string, basePath: string): void {
  try {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'astro'), ['build', '--outDir', outDir], {
      cwd: ROOT,
      env: { ...process.env, BASE_PATH: basePath, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'pipe',
    });
  } catch (cause) {
    const output = String((cause as { stderr?: Buffer }).stderr ?? '') + String((cause as { stdout?: Buffer }).stdout ?? '');
    throw new Error(`astro build --outDir ${outDir} (BASE_PATH=${basePath}) failed:\n${output.slice(-4000)}`, { cause });
  }
}
