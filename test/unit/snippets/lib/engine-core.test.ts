import { describe, expect, it } from 'vitest';
import { readContainerLine, runDocker } from '../../../../snippets/lib/engine.mjs';
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
