// Every resource kind a page can create is the run's and is removed: a page with a named volume,
// two redis containers on it (`-v` and `--mount`), a third whose anonymous /data volume a
// `docker rm` without `-v` leaves, and an image it builds. It passes and the engine is exactly as
// before; interrupted with Ctrl-C at several points it leaves nothing; a volume or an image tag
// of the same name that someone else made beforehand is never touched, and the run says what to do.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeContent, runDoctest, startDoctest, withGuideLock } from './helpers.ts';

const docker = (...args: string[]) => execFileSync('docker', args, { encoding: 'utf8' }).trim();
const list = (...args: string[]) => docker(...args).split('\n').filter(Boolean).sort();

/** What `docker ps -a`, `docker network ls`, `docker volume ls` and `docker image ls -a` show. */
function snapshot(): Record<string, string[]> {
  return {
    containers: list('ps', '-aq', '--no-trunc'),
    networks: list('network', 'ls', '-q', '--no-trunc'),
    volumes: list('volume', 'ls', '-q'),
    images: list('image', 'ls', '-a', '--no-trunc', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}'),
  };
}

/** What differs from `before`: "volumes +guide-test-data", "containers -3f1c…". */
function leftBehind(before: Record<string, string[]>, after: Record<string, string[]>): string[] {
  return Object.keys(before).flatMap((kind) => [
    ...after[kind]!.filter((x) => !before[kind]!.includes(x)).map((x) => `${kind} +${x}`),
    ...before[kind]!.filter((x) => !after[kind]!.includes(x)).map((x) => `${kind} -${x}`),
  ]);
}

const context = mkdtempSync(path.join(os.tmpdir(), 'guide-test-build-'));
writeFileSync(path.join(context, 'Dockerfile'), 'FROM alpine:latest\nCOPY greeting /etc/guide-test\n');
writeFileSync(path.join(context, 'greeting'), 'built by the page\n');
afterAll(() => rmSync(context, { recursive: true, force: true }));

const fence = '```';
const block = (command: string, output: string, options = '') => `${fence}sh${options}\n${command}\n${fence}\n\n${fence}output\n${output}\n${fence}\n`;
const volumePage = [
  '---\ntitle: Two servers on one volume\ndescription: A named volume, two redis containers on it, an anonymous volume left behind, an image built.\nstep: 9\nsnippet: volumes\nneeds: []\n---\n',
  block('docker volume create guide-test-data', 'guide-test-data'),
  block('docker run -d --name guide-test-vol-a -v guide-test-data:/data redis', '[CONTAINER_ID]', ' ready="docker exec guide-test-vol-a redis-cli ping" timeout=60'),
  block('docker run -d --name guide-test-vol-b --mount source=guide-test-data,target=/data redis', '[CONTAINER_ID]', ' ready="docker exec guide-test-vol-b redis-cli ping" timeout=60'),
  block('docker run -d --name guide-test-vol-c redis', '[CONTAINER_ID]'),
  block('docker rm -f guide-test-vol-c', 'guide-test-vol-c'),
  block(`docker build -q -t guide-test-built ${context}`, '...\nsha256:[..]', ' timeout=120'),
  block('docker run --rm guide-test-built cat /etc/guide-test', 'built by the page'),
].join('\n');

describe('a page that creates volumes and builds an image', () => {
  it('passes, and leaves docker ps -a, network ls, volume ls and image ls exactly as before', async () => {
    const content = makeContent([], { 'volumes.mdx': volumePage });
    await withGuideLock(async () => {
      const before = snapshot();
      const run = await runDoctest(['--content', content]);
      expect(run.exitCode, run.output).toBe(0);
      expect(run.output).toContain('doctest: 7 passed, 0 failed'); // the image it built ran, too
      const cleanup = run.events.find((e) => e.kind === 'cleanup');
      const removed = cleanup && 'removed' in cleanup ? cleanup.removed : [];
      // a and b, the named volume, c's anonymous volume (its `docker rm` had no -v), the tag it built
      expect(removed).toEqual(expect.arrayContaining(['guide-test-data', 'guide-test-built:latest']));
      expect(removed.filter((r) => /^[0-9a-f]{64}$/.test(r))).toHaveLength(3);
      expect(leftBehind(before, snapshot())).toEqual([]);
    });
  });

  it('interrupted with Ctrl-C at several points, it leaves nothing behind', async () => {
    const content = makeContent([], { 'volumes.mdx': volumePage });
    const moments = [300, 600, 900, 1200, 1500, 1800, 2100, 2400, 2700, 3000, 4500]; // the run takes about 3 s here
    const trials: { atMs: number; during: boolean; exitCode: number | null; left: string[] }[] = [];
    await withGuideLock(async () => {
      for (const atMs of moments) {
        const before = snapshot();
        const run = startDoctest(['--content', content]);
        let exited = false;
        void run.done.then(() => (exited = true));
        await new Promise((resolve) => setTimeout(resolve, atMs));
        const during = !exited;
        if (during) process.kill(-run.child.pid!, 'SIGINT'); // Ctrl-C: SIGINT to the whole foreground group
        const ended = await run.done;
        trials.push({ atMs, during, exitCode: ended.exitCode, left: leftBehind(before, snapshot()) });
      }
    });
    const dirty = trials.filter((t) => t.left.length > 0);
    console.log(
      [
        `volume page, Ctrl-C: ${trials.length} tries, ${trials.filter((t) => t.during).length} during the run, ${dirty.length} left something behind`,
        ...trials.map((t) => `  ${t.left.length ? 'LEFT ' : 'clean'} at ${t.atMs}ms${t.during ? '' : ' (the run had ended)'}, exit ${t.exitCode}${t.left.length ? `: ${t.left.join(', ')}` : ''}`),
      ].join('\n'),
    );
    expect(dirty.map((t) => `at ${t.atMs}ms: ${t.left.join(', ')}`)).toEqual([]);
    expect(trials.filter((t) => t.during).length).toBeGreaterThan(moments.length / 2); // most landed while it ran
  }, 400_000);

  it('a volume of the same name that someone else made is never touched: nothing runs, and it says what to do', async () => {
    const content = makeContent([], { 'volumes.mdx': volumePage });
    await withGuideLock(async () => {
      docker('volume', 'create', 'guide-test-data');
      try {
        const created = docker('volume', 'inspect', '--format', '{{.CreatedAt}}', 'guide-test-data');
        const before = snapshot();
        const run = await runDoctest(['--content', content]);
        expect(run.exitCode).toBe(2);
        expect(run.output).toContain('a volume named guide-test-data already exists; the doc-test would have to use or remove it, so nothing ran');
        expect(run.output).toContain(`received: guide-test-data: created ${created}`);
        expect(run.output).toContain('What to do: it is left untouched. Its data stays yours: remove it yourself only if you no longer need it (`docker volume rm guide-test-data`)');
        expect(run.events.filter((e) => e.kind === 'case-end')).toEqual([]);
        expect(docker('volume', 'inspect', '--format', '{{.CreatedAt}}', 'guide-test-data')).toBe(created);
        expect(leftBehind(before, snapshot())).toEqual([]);
      } finally {
        docker('volume', 'rm', 'guide-test-data');
      }
    });
  });

  it('an image tag of the same name that someone else gave is never touched: nothing runs, and it says what to do', async () => {
    const content = makeContent([], { 'volumes.mdx': volumePage });
    await withGuideLock(async () => {
      const alpine = docker('image', 'inspect', '--format', '{{.Id}}', 'alpine:latest');
      docker('tag', 'alpine:latest', 'guide-test-built:latest'); // someone else's tag, on an image they have
      try {
        const before = snapshot();
        const run = await runDoctest(['--content', content]);
        expect(run.exitCode).toBe(2);
        expect(run.output).toContain('an image tagged guide-test-built:latest already exists; the doc-test would have to use or remove it, so nothing ran');
        expect(run.output).toContain(`received: guide-test-built:latest: id ${alpine.replace('sha256:', '').slice(0, 12)}`);
        expect(run.output).toContain('`docker tag guide-test-built:latest my-guide-test-built`, then `docker image rm guide-test-built:latest`');
        expect(docker('image', 'inspect', '--format', '{{.Id}}', 'guide-test-built:latest')).toBe(alpine);
        expect(leftBehind(before, snapshot())).toEqual([]);
      } finally {
        docker('image', 'rm', 'guide-test-built:latest'); // the tag only: alpine:latest keeps the image
      }
    });
  });
});
