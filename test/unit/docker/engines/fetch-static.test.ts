// Docker's static tarball: its address, and the download checked for Docker's layout, against a
// real HTTP server on localhost serving real tarballs made here.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchStaticTarball, majorMinor, staticArch, staticTarballUrl } from '../../../../scripts/docker/engines/fetch-static.ts';
import { dockerStaticRelease } from '../../../../scripts/docker/engines/specs.ts';

describe('the address of Docker\'s static tarball', () => {
  it('names the release specs.ts gives, for this architecture', () => {
    expect(staticTarballUrl('29.10.0', 'x86_64')).toBe('https://download.docker.com/linux/static/stable/x86_64/docker-29.10.0.tgz');
    expect(staticArch('arm64')).toBe('aarch64');
    expect(() => staticArch('mips')).toThrow('Docker publishes no static tarball for mips');
    expect(() => staticTarballUrl('29.10')).toThrow('"29.10" is not a Docker release such as 29.10.0');
    expect(majorMinor(dockerStaticRelease.release)).toBe(dockerStaticRelease.version);
  });
});

describe('fetchStaticTarball', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fetch-static-'));
  const tarball = (name: string, files: string[]) => {
    const src = path.join(dir, `src-${name}`);
    for (const file of files) {
      mkdirSync(path.dirname(path.join(src, file)), { recursive: true });
      writeFileSync(path.join(src, file), '#!/bin/sh\n', { mode: 0o755 });
    }
    execFileSync('tar', ['-czf', path.join(dir, `${name}.tgz`), '-C', src, 'docker']);
    return readFileSync(path.join(dir, `${name}.tgz`));
  };
  const served = new Map<string, Buffer>();
  let server: Server;
  let base = '';

  beforeAll(async () => {
    served.set(`/${staticArch()}/docker-29.10.0.tgz`, tarball('good', ['docker/dockerd', 'docker/containerd', 'docker/runc']));
    server = createServer((req, res) => {
      const body = served.get(req.url ?? '');
      res.writeHead(body ? 200 : 404).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('downloads into the cache once, and then reuses it', async () => {
    const cacheDir = path.join(dir, 'cache');
    const file = await fetchStaticTarball('29.10.0', { base, cacheDir });
    expect(file).toBe(path.join(cacheDir, 'docker-29.10.0.tgz'));
    expect(execFileSync('tar', ['-tzf', file], { encoding: 'utf8' })).toContain('docker/dockerd');
    served.clear(); // a second call must not ask the server
    expect(await fetchStaticTarball('29.10.0', { base, cacheDir })).toBe(file);
  });

  it('refuses a tarball without docker/dockerd, a file that is no tarball, and a release that is not there, keeping nothing', async () => {
    const cacheDir = path.join(dir, 'cache2');
    served.set(`/${staticArch()}/docker-29.9.9.tgz`, tarball('bad2', ['docker/docker']));
    served.set(`/${staticArch()}/docker-29.9.8.tgz`, Buffer.from('not a tarball'));
    await expect(fetchStaticTarball('29.9.9', { base, cacheDir })).rejects.toThrow(/docker-29\.9\.9\.tgz holds no docker\/dockerd/);
    await expect(fetchStaticTarball('29.9.8', { base, cacheDir })).rejects.toThrow(/docker-29\.9\.8\.tgz is not a gzip tarball/);
    await expect(fetchStaticTarball('29.0.99', { base, cacheDir })).rejects.toThrow(/answered 404 Not Found: is 29\.0\.99 a Docker release\?/);
    expect(existsSync(path.join(cacheDir, 'docker-29.9.9.tgz'))).toBe(false);
    expect(existsSync(path.join(cacheDir, 'docker-29.9.8.tgz.part'))).toBe(false);
  });

  it('a server that cannot be reached says what to do without internet', async () => {
    await expect(fetchStaticTarball('29.10.0', { base: 'http://127.0.0.1:9', cacheDir: path.join(dir, 'cache3') })).rejects.toThrow(
      /^cannot download http:\/\/127\.0\.0\.1:9\/.*docker-29\.10\.0\.tgz: fetch failed\. Without internet, bring a docker-29\.10\.0\.tgz and give --engine 29\.10=<its path>$/,
    );
  });
});
