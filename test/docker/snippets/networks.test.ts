import { describe, expect, it } from 'vitest';
import { docker, readCounts, readRecorded, readRecordedNetworks, runSnippet, useStateDir } from './helpers.ts';

const state = useStateDir();

/** What the networks page creates, by name: fails the test early when another run left any. */
function expectNoNetworksPageLeftovers(): void {
  const containers = docker('ps', '-a', '--filter', 'name=^/(redis-db|counter)$', '--format', '{{.Names}}');
  const network = docker('network', 'ls', '--filter', 'name=^guide-net$', '--format', '{{.Name}}');
  if (containers || network) throw new Error(`the engine is not clean for the networks tests\n  received: ${containers} ${network}\n  What to do: remove them if they are yours (npx zx snippets/networks.mjs ends by removing its own)`);
}

describe('snippets/networks.mjs', () => {
  // one test, not two: a first run of its own for "twice" would repeat this one
  it('runs alone (creates its network, the app counts through the alias, and it removes everything it created), then again: each run starts afresh and leaves nothing behind', async () => {
    expectNoNetworksPageLeftovers();
    const run = await runSnippet('networks.mjs', state.dir);
    expect(run.code, run.stderr).toBe(0);
    const ends = run.events.filter((e) => e.kind === 'command-end');
    expect(ends.map((e) => [`${e.at.file}:${e.at.line}`, e.exitCode, e.skipped])).toEqual(
      [25, 35, 49, 62, 82, 92, 107, 135, 136].map((line) => [`content/networks.mdx:${line}`, 0, undefined]),
    );
    const output = (line: number) => ends.find((e) => e.at.line === line)?.output ?? '';
    expect(output(25)).toMatch(/^[0-9a-f]{64}\n$/);
    expect(output(49)).not.toContain('REDIS_');
    expect(output(62)).toMatch(/^PING redis \((\d+\.\d+\.\d+\.\d+)\): 56 data bytes\n64 bytes from \1: /);
    const [first, second] = [readCounts(output(92))[0] ?? 0, readCounts(output(107))[0] ?? 0];
    expect(second).toBeGreaterThan(first);
    expect(output(135).split('\n').filter(Boolean).sort()).toEqual(['counter', 'redis-db']);
    expect(output(136)).toBe('guide-net\n');
    expectNoNetworksPageLeftovers();
    expect(readRecorded(state.dir)).toEqual([]);
    expect(readRecordedNetworks(state.dir)).toEqual([]);

    const twice = await runSnippet('networks.mjs', state.dir);
    expect(twice.code, twice.stderr).toBe(0);
    expect(twice.events.filter((e) => e.kind === 'command-end' && e.exitCode !== 0)).toEqual([]);
    expectNoNetworksPageLeftovers();
  });

  it('reruns after an interrupted run: reuses its own network and redis-db', async () => {
    const network = docker('network', 'create', 'guide-net');
    const redis = docker('run', '-d', '--name', 'redis-db', '--network', 'guide-net', '--network-alias', 'redis', 'redis');
    state.extra.push(redis);
    // as if an earlier run had recorded them
    const { writeFileSync } = await import('node:fs');
    const engine = docker('info', '--format', '{{.ID}}');
    writeFileSync(`${state.dir}/containers.json`, JSON.stringify({ containers: [{ engine, id: redis, name: 'redis-db' }], networks: [{ engine, id: network, name: 'guide-net' }] }));
    const run = await runSnippet('networks.mjs', state.dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('# not running `docker network create guide-net`: the network guide-net exists (the guide created it');
    expect(run.stdout).toContain('# not running `docker run -d --name redis-db --network guide-net --network-alias redis redis`: redis-db is already running');
    expectNoNetworksPageLeftovers();
  });

  it('reruns after Ctrl-C landed between `docker network create` and the guide recording it: the network is the guide\'s', async () => {
    const { writeFileSync } = await import('node:fs');
    const engine = docker('info', '--format', '{{.ID}}');
    writeFileSync(`${state.dir}/containers.json`, JSON.stringify({ containers: [], pending: [{ engine, kind: 'network', name: 'guide-net', since: Date.now() }] }));
    const network = docker('network', 'create', 'guide-net'); // what Docker had done when the run was interrupted
    const run = await runSnippet('networks.mjs', state.dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`# not running \`docker network create guide-net\`: the network guide-net exists (the guide created it, ${network.slice(0, 12)}); reusing it`);
    expectNoNetworksPageLeftovers(); // and its own clean-up removed it
  });

  it('leaves a redis-db it did not create untouched, and says what to do', async () => {
    const foreign = docker('create', '--name', 'redis-db', 'redis');
    state.extra.push(foreign);
    const run = await runSnippet('networks.mjs', state.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^content\/networks\.mdx:35: a container named redis-db already exists, and this guide did not create it/m);
    expect(run.stderr).toContain('Rename it (`docker rename redis-db my-redis-db`)');
    expect(docker('inspect', '--format', '{{.Id}}', 'redis-db')).toBe(foreign);
    expect(run.stdout).not.toContain('$ docker');
  });

  it('leaves a guide-net it did not create untouched, and says what to do', async () => {
    const foreign = docker('network', 'create', 'guide-net');
    try {
      const run = await runSnippet('networks.mjs', state.dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^content\/networks\.mdx:25: a network named guide-net already exists, and this guide did not create it/m);
      expect(docker('network', 'inspect', '--format', '{{.Id}}', 'guide-net')).toBe(foreign);
    } finally {
      docker('network', 'rm', foreign);
    }
  });

  it('stops before running anything when port 3001 is taken by something else', async () => {
    const net = await import('node:net');
    const server = net.createServer().listen(3001, '0.0.0.0');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const run = await runSnippet('networks.mjs', state.dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('content/networks.mdx:82: port 3001 is already in use, by a process on this machine');
      expect(run.stdout).not.toContain('$ docker');
    } finally {
      server.close();
    }
  });
});
