import { describe, expect, it } from 'vitest';
import { docker, readCounts, readRecorded, runSnippet, useStateDir } from './helpers.ts';

const state = useStateDir();

describe('snippets/step3.mjs', () => {
  // one test, not two: the second run needs what the first left, and a first run of its own would repeat this one
  it('runs alone on an engine with none of the guide containers (sets up redis-server, then the app answers), then again (reuses both, the count keeps rising)', async () => {
    const run = await runSnippet('step3.mjs', state.dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/# Setting up: step 1's redis-server \(content\/step1\.mdx:15\), which this step needs\n\n\$ docker run -d --name redis-server redis\n[0-9a-f]{64}\n/);
    expect(run.events.find((e) => e.kind === 'setup')).toMatchObject({ id: 'content/step1.mdx:14#1', action: 'ran' });
    const ends = run.events.filter((e) => e.kind === 'command-end');
    expect(ends.map((e) => [`${e.at.file}:${e.at.line}`, e.exitCode, e.timedOut])).toEqual([
      ['content/step3.mdx:16', 0, false],
      ['content/step3.mdx:42', 0, false],
      ['content/step3.mdx:59', 0, false],
    ]);
    const [first, second] = ends.slice(1).map((e) => readCounts(e.kind === 'command-end' ? e.output : '')[0] ?? 0);
    expect(second).toBeGreaterThan(first ?? Infinity);
    const redisId = docker('inspect', '--format', '{{.Id}}', 'redis-server');
    expect(readRecorded(state.dir).map((c) => c.id)).toEqual([redisId, ends[0]?.kind === 'command-end' ? ends[0].containers[0] : '']);
    expect(run.events.at(-1)).toMatchObject({ kind: 'step-end', page: 'step3', ok: true });

    const twice = await runSnippet('step3.mjs', state.dir);
    expect(twice.code, twice.stderr).toBe(0);
    expect(twice.stdout).toContain('# not running `docker run -d --name redis-server redis`: redis-server is already running (the guide started it');
    expect(twice.stdout).toMatch(/# not running `docker run -d -p 3000:3000 [^`]+`: the guide's app \([0-9a-f]{12}\) already serves port 3000; reusing it/);
    expect(twice.events.find((e) => e.kind === 'setup')).toMatchObject({ action: 'reused' });
    expect(docker('ps', '-q', '--filter', 'publish=3000').split('\n')).toHaveLength(1);
    expect(docker('ps', '-aq', '--filter', 'name=^/redis-server$').split('\n')).toHaveLength(1);
    expect(Math.min(...readCounts(twice.stdout))).toBeGreaterThan(Math.max(...readCounts(run.stdout)));
  });

  it('stops before running anything when port 3000 is taken by something else', async () => {
    const net = await import('node:net');
    const server = net.createServer().listen(3000, '0.0.0.0');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const run = await runSnippet('step3.mjs', state.dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('content/step3.mdx:16: port 3000 is already in use, by a process on this machine');
      expect(run.stderr).toContain('What to do: stop what uses port 3000');
      expect(run.stdout).not.toContain('$ docker run');
      expect(docker('ps', '-aq', '--filter', 'name=^/redis-server$')).toBe('');
    } finally {
      server.close();
    }
  });
});
