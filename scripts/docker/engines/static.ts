// An engine from Docker's static binaries (`--engine 29.7=<path>`): the official tarball
// `docker-29.x.y.tgz` (unpacked once under .cache/engines/tgz-<name>-<sha256>/, never again while
// that folder is there), a folder holding its `docker/`, or that `docker/` folder itself. The
// folder must hold at least dockerd, containerd and runc, executable; it goes first on the
// daemon's PATH (daemon.ts), so dockerd runs its own containerd, shim, runc, docker-proxy and
// docker-init, never the machine's (Debian 12's runc 1.1.5 does not work with Docker 29).
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, statSync, accessSync, constants, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatFailure, runCommand } from '../run.ts';
import { enginesCacheDir } from './install-engine.ts';
import type { EngineSpec } from './specs.ts';

/** What dockerd cannot run without: its containerd and runc would otherwise be the machine's. */
export const requiredBinaries = ['dockerd', 'containerd', 'runc'] as const;

/** The layout, as Docker's static tarball unpacks. */
export const staticLayout =
  'Docker\'s static layout, as docker-29.x.y.tgz unpacks: docker/dockerd, docker/containerd, docker/containerd-shim-runc-v2, ' +
  'docker/runc, docker/docker-proxy, docker/docker-init, docker/ctr, docker/docker; give the .tgz, the folder holding docker/, ' +
  'or that docker/ folder';

function isDirectory(file: string): boolean {
  return existsSync(file) && statSync(file).isDirectory();
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function argument(spec: EngineSpec, given: string): string {
  return `--engine ${spec.version}=${given}`;
}

/**
 * The folder of the binaries in `folder` (its docker/ when it has one, else itself), checked
 * to hold dockerd, containerd and runc as executable files. Throws naming what is missing.
 */
export function findStaticFolder(spec: EngineSpec, folder: string, given = folder): string {
  const dir = isDirectory(path.join(folder, 'docker')) ? path.join(folder, 'docker') : folder;
  const missing = requiredBinaries.filter((name) => !existsSync(path.join(dir, name)));
  if (dir === folder && missing.length === requiredBinaries.length) {
    throw new Error(`${argument(spec, given)}: ${folder} holds neither docker/ nor dockerd, containerd and runc. Expected ${staticLayout}.`);
  }
  if (missing.length > 0) {
    const names = missing.map((name) => path.join(dir, name)).join(', ');
    throw new Error(`${argument(spec, given)}: ${names} ${missing.length > 1 ? 'are' : 'is'} missing. Expected ${staticLayout}.`);
  }
  const unusable = requiredBinaries.filter((name) => !isExecutableFile(path.join(dir, name)));
  if (unusable.length > 0) {
    const names = unusable.map((name) => path.join(dir, name)).join(', ');
    throw new Error(`${argument(spec, given)}: ${names} ${unusable.length > 1 ? 'are not executable files' : 'is not an executable file'} (chmod +x, or unpack the tarball again).`);
  }
  return dir;
}

/** sha256 of a file's bytes, streamed. */
async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Where a tarball is unpacked: its name and the first 16 hex digits of its sha256. */
export function unpackDirName(file: string, sha256: string): string {
  const name = path.basename(file).replace(/\.(tgz|tar\.gz|tar)$/, '').replace(/[^A-Za-z0-9._-]/g, '_');
  return `tgz-${name}-${sha256.slice(0, 16)}`;
}

/**
 * Unpacks a tarball under `cacheDir` once (keyed by its content) and returns that folder; an
 * already unpacked one is returned as it is. Unpacks beside it first, then renames, so an
 * interrupted unpack is never taken for a whole one.
 */
export async function unpackTarball(spec: EngineSpec, file: string, cacheDir = enginesCacheDir): Promise<string> {
  const sha256 = await hashFile(file);
  const dir = path.join(cacheDir, unpackDirName(file, sha256));
  if (isDirectory(dir)) return dir;
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    const tar = await runCommand(['tar', '-xf', file, '-C', partial, '--no-same-owner'], { timeoutMs: 300_000 });
    if (tar.code !== 0) {
      throw new Error(
        `${argument(spec, file)}: that file is not a tarball tar can unpack (${formatFailure(['tar', '-xf', file], tar).split('\n').join(' ')}). ` +
          "Give Docker's static tarball (--engine 29.7=./docker-29.7.2.tgz), a folder holding docker/dockerd, or that docker/ folder.",
      );
    }
    writeFileSync(path.join(partial, 'source.json'), `${JSON.stringify({ file, bytes: statSync(file).size, sha256 }, null, 2)}\n`);
    try {
      renameSync(partial, dir);
    } catch (error) {
      if (!isDirectory(dir)) throw error; // else another run unpacked the same tarball meanwhile
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return dir;
}

/** The folder of a static engine's binaries: unpacked (once) when it is a tarball, checked for dockerd, containerd and runc. */
export async function prepareStaticEngine(spec: EngineSpec, cacheDir = enginesCacheDir): Promise<string> {
  if (spec.source.kind !== 'static') throw new Error(`Docker ${spec.version} comes from Debian, not from static binaries`);
  const given = spec.source.path;
  if (!existsSync(given)) {
    throw new Error(`${argument(spec, given)}: no such file or folder. Give Docker's static tarball (--engine 29.7=./docker-29.7.2.tgz), a folder holding docker/dockerd, or that docker/ folder.`);
  }
  if (isDirectory(given)) return findStaticFolder(spec, given);
  const unpacked = await unpackTarball(spec, given, cacheDir);
  return findStaticFolder(spec, unpacked, given);
}
