// Each way a run can fail, against the real engine: a command that hangs, Ctrl-C, a foreign
// redis-server, no engine, a missing image. After each, no container of the run is left, and
// nothing the run did not create is touched.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { containerIds, makeContent, pageName, runDoctest, startDoctest, withGuideLock } from './helpers.ts';

const page = (snippet: string, needs: string, body: string) =>
  `---\ntitle: ${snippet}\ndescription: A page for a doc-test failure test.\nstep: 9\nsnippet: ${snippet}\nneeds: [${needs}]\n---\n\n${body}\n`;
const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).trim();
const networkIds = () => docker('network', 'ls', '-q', '--no-trunc').split('\n').sort();
const caseEnds = (events: { kind: string }[]) => events.filter((e) => e.kind === 'case-end');

describe('failure paths', () => {
  it('a command that outlives its timeout is killed and reported as a timeout with its file:line', async () => {
    const content = makeContent(['step1.mdx'], { 'hang.mdx': page('hang', 'step1', '```sh timeout=2\ndocker run --link redis-server:redis alpine sleep 30\n```') });
    await withGuideLock(async () => {
      const before = containerIds();
      const run = await runDoctest(['--content', content]);
      expect(run.exitCode).toBe(1);
      expect(run.output).toContain(`${pageName(content, 'hang.mdx')}:10 TIMEOUT`);
      expect(run.output).toContain('`docker run --link redis-server:redis alpine sleep 30` timed out after 2s (timeout=2) and was killed');
      expect(containerIds()).toEqual(before);
    });
  });

  it('Ctrl-C on `npm run doctest` stops the run and removes every container and network it created', async () => {
    await withGuideLock(async () => {
      const before = containerIds();
      const networksBefore = networkIds();
      const run = startDoctest([], { argv: ['npm', 'run', '--silent', 'doctest', '--'] });
      let exited = false;
      void run.done.then(() => (exited = true));
      const deadline = Date.now() + 60_000;
      const appStarted = () => run.readEvents().some((e) => e.kind === 'case-end' && e.result.name === 'content/step3.mdx:16');
      while (!appStarted() && !exited && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      if (!appStarted()) throw new Error(`npm run doctest: step3's app never started, so there was nothing to interrupt\n${(await run.done).output}`);
      const during = containerIds();
      process.kill(-run.child.pid!, 'SIGINT'); // what Ctrl-C in a terminal does: SIGINT to npm, sh and node
      const ended = await run.done;
      expect(during.length).toBeGreaterThan(before.length); // it was interrupted with containers up
      expect(ended.output).toContain('doctest: SIGINT: stopping the snippets, then removing the run\'s containers');
      expect(ended.exitCode).not.toBe(0);
      expect(containerIds()).toEqual(before);
      expect(networkIds()).toEqual(networksBefore); // the networks page runs beside the steps: guide-net too
    });
  });

  it('a redis-server the user already has survives unchanged, and nothing runs', async () => {
    await withGuideLock(async () => {
      const id = docker('run', '-d', '--name', 'redis-server', 'redis', 'sleep', '300');
      try {
        const state = () => docker('inspect', '--format', '{{.Id}} {{.State.Status}} {{.State.StartedAt}} {{.RestartCount}} {{.Config.Cmd}}', id);
        const [before, ids] = [state(), containerIds()];
        const run = await runDoctest([]);
        expect(run.exitCode).toBe(2);
        expect(run.output).toContain('a container named redis-server already exists; the doc-test would have to use or remove it, so nothing ran');
        expect(run.output).toContain(`received: redis-server: id ${id.slice(0, 12)}, image redis, status running`);
        expect(caseEnds(run.events)).toEqual([]);
        expect(state()).toBe(before);
        expect(containerIds()).toEqual(ids);
      } finally {
        docker('rm', '-f', '-v', id); // -v: the redis image's /data volume too
      }
    });
  });

  it('with no engine, it says so and points to npm run docker:setup', async () => {
    const socket = `unix:///tmp/doctest-no-engine-${process.pid}.sock`;
    const run = await runDoctest([], { DOCKER_HOST: socket });
    expect(run.exitCode).toBe(2);
    expect(run.output).toContain('`docker info`: the Docker engine is not reachable; no command ran');
    expect(run.output).toContain(`expected: a running engine answering the docker CLI (DOCKER_HOST=${socket})`);
    expect(run.output).toContain('What to do: run `npm run docker:setup`');
    expect(caseEnds(run.events)).toEqual([]);
  });

  it('an image the engine does not have stops the run before anything runs, naming it and where it is used', async () => {
    const content = makeContent(['step1.mdx'], { 'missing.mdx': page('missing', '', '```sh\ndocker run --rm guide-test-missing:latest true\n```') });
    await withGuideLock(async () => {
      const before = containerIds();
      const run = await runDoctest(['--content', content]);
      expect(run.exitCode).toBe(2);
      expect(run.output).toContain(`an image the pages run is not on this engine: guide-test-missing:latest (${pageName(content, 'missing.mdx')}:10); no command ran`);
      expect(run.output).toContain('What to do: run `npm run docker:setup`');
      expect(caseEnds(run.events)).toEqual([]);
      expect(containerIds()).toEqual(before);
    });
  });
});
