// Docker's static binaries as an engine (`--engine <v>=<path>`): the folder layouts and tarballs
// accepted, what is said when one is not, and that a tarball is unpacked once. Real small temp
// folders and tarballs (shell scripts stand in for the binaries).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { EngineSpec } from '../../../../scripts/docker/engines/specs.ts';
import { findStaticFolder, prepareStaticEngine, unpackDirName } from '../../../../scripts/docker/engines/static.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'static-engine-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let count = 0;

const allBinaries = ['dockerd', 'docker-proxy', 'containerd', 'containerd-shim-runc-v2', 'runc', 'ctr', 'docker-init', 'docker'];

/** A folder `<tmp>/<n>/docker/` holding the named binaries (executable scripts); returns `<tmp>/<n>`. */
function makeRelease(names: readonly string[] = allBinaries, mode = 0o755): string {
  const top = path.join(scratch, `release-${(count += 1)}`);
  mkdirSync(path.join(top, 'docker'), { recursive: true });
  for (const name of names) {
    const file = path.join(top, 'docker', name);
    writeFileSync(file, `#!/bin/sh\necho ${name}\n`);
    chmodSync(file, mode);
  }
  return top;
}

function makeTarball(top: string, name = 'docker-29.7.2.tgz'): string {
  const file = path.join(scratch, `tgz-${(count += 1)}`, name);
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('tar', ['-czf', file, '-C', top, 'docker']);
  return file;
}

const spec = (where: string, version = '29.7'): EngineSpec => ({ version, source: { kind: 'static', path: where } });

describe('a folder of Docker\'s static layout', () => {
  test('the folder holding docker/, or docker/ itself: both are its docker/ folder', async () => {
    const top = makeRelease();
    expect(findStaticFolder(spec(top), top)).toBe(path.join(top, 'docker'));
    expect(findStaticFolder(spec(top), path.join(top, 'docker'))).toBe(path.join(top, 'docker'));
    expect(await prepareStaticEngine(spec(top))).toBe(path.join(top, 'docker'));
    expect(await prepareStaticEngine(spec(path.join(top, 'docker')))).toBe(path.join(top, 'docker'));
  });

  test('dockerd, containerd and runc are enough (the others are optional)', () => {
    const top = makeRelease(['dockerd', 'containerd', 'runc']);
    expect(findStaticFolder(spec(top), top)).toBe(path.join(top, 'docker'));
  });

  test('a missing runc is named, with the argument and the layout expected', async () => {
    const top = makeRelease(allBinaries.filter((name) => name !== 'runc'));
    const message = await prepareStaticEngine(spec(top)).catch((error: Error) => error.message);
    expect(message).toBe(
      `--engine 29.7=${top}: ${path.join(top, 'docker', 'runc')} is missing. Expected Docker's static layout, as docker-29.x.y.tgz unpacks: ` +
        'docker/dockerd, docker/containerd, docker/containerd-shim-runc-v2, docker/runc, docker/docker-proxy, docker/docker-init, ' +
        'docker/ctr, docker/docker; give the .tgz, the folder holding docker/, or that docker/ folder.',
    );
  });

  test('several missing ones are all named', () => {
    const top = makeRelease(['dockerd', 'docker']);
    expect(() => findStaticFolder(spec(top), top)).toThrow(
      `${path.join(top, 'docker', 'containerd')}, ${path.join(top, 'docker', 'runc')} are missing. Expected Docker's static layout`,
    );
  });

  test('a folder with neither docker/ nor the binaries says so', () => {
    const empty = path.join(scratch, 'empty');
    mkdirSync(empty, { recursive: true });
    expect(() => findStaticFolder(spec(empty), empty)).toThrow(`--engine 29.7=${empty}: ${empty} holds neither docker/ nor dockerd, containerd and runc. Expected`);
  });

  test('a binary that is not executable is named', () => {
    const top = makeRelease(['dockerd', 'containerd', 'runc']);
    chmodSync(path.join(top, 'docker', 'containerd'), 0o644);
    expect(() => findStaticFolder(spec(top), top)).toThrow(`${path.join(top, 'docker', 'containerd')} is not an executable file`);
  });

  test('a path that does not exist is named, with what to give', async () => {
    const nowhere = path.join(scratch, 'docker-29.7.2.tgz');
    await expect(prepareStaticEngine(spec(nowhere))).rejects.toThrow(
      `--engine 29.7=${nowhere}: no such file or folder. Give Docker's static tarball (--engine 29.7=./docker-29.7.2.tgz)`,
    );
  });
});

describe('Docker\'s static tarball', () => {
  test('unpacked under the cache folder, keyed by name and content; its docker/ folder is the engine\'s', async () => {
    const cache = path.join(scratch, `cache-${(count += 1)}`);
    const tgz = makeTarball(makeRelease());
    const folder = await prepareStaticEngine(spec(tgz), cache);
    expect(path.dirname(folder)).toMatch(new RegExp(`^${cache}/tgz-docker-29\\.7\\.2-[0-9a-f]{16}$`));
    expect(path.basename(folder)).toBe('docker');
    expect(readdirSync(folder).sort()).toEqual([...allBinaries].sort());
    expect(execFileSync(path.join(folder, 'runc'), { encoding: 'utf8' })).toBe('runc\n');
    const source = JSON.parse(readFileSync(path.join(path.dirname(folder), 'source.json'), 'utf8')) as { file: string; bytes: number };
    expect(source).toMatchObject({ file: tgz, bytes: statSync(tgz).size });
    expect(readdirSync(cache)).toEqual([path.basename(path.dirname(folder))]); // nothing half-unpacked left beside it
  });

  test('never unpacked again while its folder is there; another tarball of the same name is another folder', async () => {
    const cache = path.join(scratch, `cache-${(count += 1)}`);
    const tgz = makeTarball(makeRelease());
    const folder = await prepareStaticEngine(spec(tgz), cache);
    const marker = path.join(folder, 'left-by-the-test');
    writeFileSync(marker, '');
    rmSync(path.join(folder, 'ctr'));
    expect(await prepareStaticEngine(spec(tgz), cache)).toBe(folder);
    expect(existsSync(marker)).toBe(true); // the same folder, not unpacked again
    expect(existsSync(path.join(folder, 'ctr'))).toBe(false);

    const other = makeTarball(makeRelease(['dockerd', 'containerd', 'runc', 'docker-proxy']));
    const otherFolder = await prepareStaticEngine(spec(other), cache);
    expect(otherFolder).not.toBe(folder);
    expect(readdirSync(otherFolder).sort()).toEqual(['containerd', 'docker-proxy', 'dockerd', 'runc']);
  });

  test('a tarball without runc is named after unpacking, as given', async () => {
    const cache = path.join(scratch, `cache-${(count += 1)}`);
    const tgz = makeTarball(makeRelease(allBinaries.filter((name) => name !== 'runc')));
    await expect(prepareStaticEngine(spec(tgz), cache)).rejects.toThrow(
      new RegExp(`^--engine 29\\.7=${tgz}: ${cache}/tgz-docker-29\\.7\\.2-[0-9a-f]{16}/docker/runc is missing\\. Expected Docker's static layout`),
    );
  });

  test('a file that is not a tarball is named, and nothing is left in the cache', async () => {
    const cache = path.join(scratch, `cache-${(count += 1)}`);
    const file = path.join(scratch, 'not-a.tgz');
    writeFileSync(file, 'hello\n');
    await expect(prepareStaticEngine(spec(file), cache)).rejects.toThrow(`--engine 29.7=${file}: that file is not a tarball tar can unpack`);
    expect(readdirSync(cache)).toEqual([]);
  });

  test('the folder name keeps only safe characters of the file name', () => {
    expect(unpackDirName('/x/docker-29.7.2.tgz', 'ab'.repeat(32))).toBe(`tgz-docker-29.7.2-${'ab'.repeat(8)}`);
    expect(unpackDirName('/x/my docker.tar.gz', '0'.repeat(64))).toBe(`tgz-my_docker-${'0'.repeat(16)}`);
  });
});
