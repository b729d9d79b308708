import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspectContainers, readContainerLine, runDocker } from '../../../../snippets/lib/engine.mjs';
import { isLinkedTo } from '../../../../snippets/lib/owner.mjs';

const json = (value: unknown) => JSON.stringify(value);

describe('readContainerLine: the one container shape, from one `docker container inspect` line', () => {
  it('reads every field the scripts and the runner use', () => {
    const line = [
      'a'.repeat(64), '/eager_turing', 'alpine', `sha256:${'b'.repeat(64)}`, 'exited', false,
      ['/redis-server:/eager_turing/redis'], { '3000/tcp': [{ HostIp: '', HostPort: '3000' }] }, { bridge: {}, 'guide-net': {} },
      [{ Type: 'volume', Name: 'c'.repeat(64) }, { Type: 'bind', Source: '/tmp' }, { Type: 'volume', Name: 'redis-data' }], '2026-12-04T03:37:39.626437735Z',
    ].map(json).join('\t');
    expect(readContainerLine(line)).toEqual({
      id: 'a'.repeat(64),
      name: 'eager_turing',
      image: 'alpine',
      imageId: `sha256:${'b'.repeat(64)}`,
      status: 'exited',
      running: false,
      links: ['/redis-server:/eager_turing/redis'],
      ports: [3000],
      networks: ['bridge', 'guide-net'],
      volumes: ['c'.repeat(64), 'redis-data'],
      created: Date.parse('2026-12-04T03:37:39.626437735Z'),
    });
  });

  it('takes Docker\'s nulls (no links, no ports, no mounts) as empty', () => {
    const line = ['d'.repeat(64), '/redis-server', 'redis', 'sha256:x', 'running', true, null, {}, null, null, '2026-12-04T00:00:00Z'].map(json).join('\t');
    expect(readContainerLine(line)).toMatchObject({ name: 'redis-server', running: true, links: [], ports: [], networks: [], volumes: [] });
  });
});

describe('isLinkedTo: the link rule, shared by the scripts and the runner\'s clean-up', () => {
  it('is a link to one of the names, not a name that only starts the same', () => {
    expect(isLinkedTo({ links: ['/redis-server:/app/redis'] }, ['redis-server'])).toBe(true);
    expect(isLinkedTo({ links: ['/redis-server-2:/app/redis'] }, ['redis-server'])).toBe(false);
    expect(isLinkedTo({ links: [] }, ['redis-server'])).toBe(false);
  });
});

describe('runDocker: the one bounded docker CLI call', () => {
  it('never throws: no docker CLI on PATH is exit 127 with what failed', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const result = await runDocker(['version']);
      expect(result.exitCode).toBe(127);
      expect(result.stderr).toMatch(/^docker: spawn docker ENOENT/);
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('inspectContainers: a failing engine is never read as "nothing there"', () => {
  /** A docker CLI that says `stderr` and exits `code`, first on PATH for `fn`; an engine it alone knows how to reach (tcp://). */
  async function withFakeDocker<T>(stderr: string, code: number, fn: () => Promise<T>): Promise<T> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'guide-fake-docker-'));
    writeFileSync(path.join(dir, 'docker'), `#!/bin/sh\nprintf '%s\\n' ${JSON.stringify(stderr)} >&2\nexit ${code}\n`);
    chmodSync(path.join(dir, 'docker'), 0o755);
    const saved = { PATH: process.env.PATH, DOCKER_HOST: process.env.DOCKER_HOST };
    process.env.PATH = `${dir}${path.delimiter}${saved.PATH}`;
    process.env.DOCKER_HOST = 'tcp://127.0.0.1:9';
    try {
      return await fn();
    } finally {
      process.env.PATH = saved.PATH;
      if (saved.DOCKER_HOST === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved.DOCKER_HOST;
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('a name that does not exist is an answer: none', async () => {
    expect(await withFakeDocker('Error: No such container: redis-server', 1, () => inspectContainers(['redis-server']))).toEqual([]);
  });

  it('an engine that does not answer is an Error naming the command and what the CLI said', async () => {
    const said = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';
    await expect(withFakeDocker(said, 1, () => inspectContainers(['redis-server']))).rejects.toThrow(`\`docker container inspect\` failed: ${said}`);
  });
});
