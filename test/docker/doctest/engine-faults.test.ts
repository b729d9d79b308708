// Runs that share an engine queue, and an engine that stops mid-run: two runs started together
// both pass, one after the other (the second says whom it waits for); `--no-wait` fails at once
// naming the run that holds the engine. The engine killed during a readiness wait ends the run
// within seconds naming the case, records nothing, and once the engine is back, `--cleanup`
// removes what the run had created and nothing else. The engine that is killed is one this test
// starts beside the default engine (Docker 26.1 from Debian trixie), on its own socket.
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { debianBinaries, findEngineShims, planPaths, startEngineDaemon, stopEngineDaemon, type RunningEngine } from '../../../scripts/docker/engines/daemon.ts';
import { installEngine } from '../../../scripts/docker/engines/install-engine.ts';
import { loadImages } from '../../../scripts/docker/engines/load-images.ts';
import { planEngineBridge } from '../../../scripts/docker/engines/network.ts';
import { findSpec } from '../../../scripts/docker/engines/specs.ts';
import { containerIds, makeContent, runDoctest, startDoctest, withGuideLock } from './helpers.ts';

/** Resolves once the run `run` holds the engine (its run has started), so that a second one queues behind it. */
async function holdsEngine(run: ReturnType<typeof startDoctest>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!run.readEvents().some((e) => e.kind === 'run-start')) {
    if (Date.now() > deadline) throw new Error('the first run did not start within 30s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** `promise`, or an error naming `what` after `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms / 1000}s`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const front = (title: string, snippet: string) => `---\ntitle: ${title}\ndescription: A test page.\nstep: 1\nsnippet: ${snippet}\nneeds: []\n---\n\n`;

describe('two runs on one engine', () => {
  it('started together, both pass one after the other; the second says whom it waits for', async () => {
    const before = containerIds();
    const content = makeContent(['step1.mdx']);
    const [first, second] = await withGuideLock(async () => {
      const a = startDoctest(['--content', content]);
      await holdsEngine(a);
      const b = startDoctest(['--content', content]);
      return Promise.all([a.done, b.done]);
    });
    expect(first.exitCode, first.output).toBe(0);
    expect(second.exitCode, second.output).toBe(0);
    const waited = [first, second].find((run) => run.events.some((e) => e.kind === 'waiting'));
    expect(waited?.output).toMatch(/another doc-test run \(pid \d+, `npm run doctest -- --content \S+ --events \S+ --junit \S+`, since \d\d:\d\d:\d\d UTC, \d+s ago\) is using this Docker engine .*; waiting for it to finish/);
    expect(containerIds()).toEqual(before);
  });

  it('--no-wait fails at once with the same words, and runs nothing', async () => {
    const content = makeContent(['step1.mdx']);
    const [first, second] = await withGuideLock(async () => {
      const a = startDoctest(['--content', content]);
      await holdsEngine(a);
      const started = performance.now();
      const b = await runDoctest(['--content', content, '--no-wait']);
      const seconds = (performance.now() - started) / 1000;
      return [await a.done, { ...b, seconds }] as const;
    });
    expect(first.exitCode, first.output).toBe(0);
    expect(second.exitCode).toBe(2);
    expect(second.seconds).toBeLessThan(5);
    expect(second.output).toMatch(/doctest: another doc-test run \(pid \d+, .*\) is using this Docker engine .*; --no-wait was given, so nothing ran/);
    expect(second.events.some((e) => e.kind === 'case-end')).toBe(false);
  });
});

describe('the engine stops during a run', () => {
  it('ends the run within seconds naming the case, records nothing; --cleanup removes what it made once the engine is back', async () => {
    const spec = findSpec('26.1');
    const binaries = debianBinaries(await installEngine(spec.source.kind === 'debian' ? spec.source.suite : 'trixie'));
    const bridge = planEngineBridge(spec);
    // a readiness URL that never answers (the test's port closes every connection at once, and says
    // when the first came): without the engine check, the run would wait out the 60s
    const page = `${front('Engine stops', 'faults1')}\`\`\`sh ready="http://127.0.0.1:3999/" timeout=60\ndocker run -d --name redis-server redis\n\`\`\`\n\n\`\`\`output\n[CONTAINER_ID]\n\`\`\`\n`;
    const content = makeContent([], { 'faults1.mdx': page });
    const recordFile = path.join(path.dirname(content), 'verification', 'record.json');
    const probed = Promise.withResolvers<void>();
    const port = net.createServer((socket) => {
      probed.resolve();
      socket.destroy();
    });
    await new Promise<void>((resolve) => port.listen(3999, '127.0.0.1', resolve));
    await withGuideLock(async () => {
      let running: RunningEngine = await startEngineDaemon(binaries, bridge);
      try {
        await loadImages(running.host);
        const env = { DOCKER_HOST: running.host };
        const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8', env: { ...process.env, ...env } }).split('\n').filter(Boolean).sort();
        const onEngine = () => docker('ps', '-aq', '--no-trunc');
        await runDoctest(['--cleanup'], env); // an earlier run of this test killed mid-way: its leftovers go first
        const before = onEngine();
        const run = startDoctest(['--content', content], { env });
        // kill the engine once the run is in its readiness wait: its first probe has reached the port
        await within(probed.promise, 30_000, 'the run\'s readiness probe on 127.0.0.1:3999');
        process.kill(running.pid, 'SIGKILL');
        const killed = performance.now();
        const result = await run.done;
        const seconds = (performance.now() - killed) / 1000;
        expect(seconds).toBeLessThan(15);
        expect(result.exitCode, result.output).toBe(2);
        expect(result.output).toMatch(/faults1\.mdx:\d+: the Docker engine stopped answering while waiting [\d.]+s for http:\/\/127\.0\.0\.1:3999\//);
        expect(result.output).toContain('nothing recorded in the verification record: the Docker engine stopped answering');
        expect(result.output).toContain('`npm run doctest -- --cleanup`');
        expect(result.output).not.toContain('RangeError');
        expect(existsSync(recordFile) ? readFileSync(recordFile, 'utf8') : 'none').toBe('none');

        await stopEngineDaemon(running); // what is left of it: its bridge, socket
        running = await startEngineDaemon(binaries, bridge); // the same data root: the same engine, back
        expect(onEngine().length).toBeGreaterThan(before.length); // the run's container survived the engine
        const cleanup = await runDoctest(['--cleanup'], env);
        expect(cleanup.exitCode, cleanup.output).toBe(0);
        expect(cleanup.output).toMatch(/which could not finish its clean-up: removed 1 container/);
        expect(onEngine()).toEqual(before);
        const again = await runDoctest(['--cleanup'], env);
        expect(again.output).toContain('no unfinished doc-test run on this engine');
      } finally {
        await stopEngineDaemon(running);
      }
      // the killed daemon's container shims and its data root's mount went with the engine
      expect(findEngineShims(execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }), binaries.name)).toEqual([]);
      expect(readFileSync('/proc/mounts', 'utf8').split('\n').some((line) => line.split(' ')[1] === planPaths(binaries.name).dataRoot)).toBe(false);
    }).finally(() => port.close());
  }, 180_000);
});
