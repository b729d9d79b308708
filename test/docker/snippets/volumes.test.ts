// Volumes and images as a person running the scripts meets them: the guide records the volumes
// and tags its commands create (and the anonymous volume a `docker rm` without `-v` leaves), in
// its state file per engine; snippets/cleanup.mjs removes them and nothing else; a volume of the
// same name that someone else made stops the step untouched; after Ctrl-C the next run knows its own.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docker, readRecorded, readRecordedStorage, runSnippet, useStateDir, writeTestSnippet } from './helpers.ts';

const state = useStateDir();
const context = mkdtempSync(path.join(os.tmpdir(), 'guide-test-build-'));
writeFileSync(path.join(context, 'Dockerfile'), 'FROM alpine:latest\nCOPY greeting /etc/guide-test\n');
writeFileSync(path.join(context, 'greeting'), 'built by the script\n');
afterAll(() => rmSync(context, { recursive: true, force: true }));

const volumes = () => docker('volume', 'ls', '--format', '{{.Name}}').split('\n').filter(Boolean);
const tags = () => docker('image', 'ls', '--format', '{{.Repository}}:{{.Tag}}').split('\n').filter(Boolean);
const call = (text: string, line: number) => `step.command(${JSON.stringify(text)}, { id: 'content/t.mdx:${line}#1', at: 'content/t.mdx:${line}' });`;

const learner = [
  call('docker volume create guide-test-learner', 10),
  call('docker run -d --name guide-test-learner-a -v guide-test-learner:/data redis', 11),
  call('docker run -d --name guide-test-learner-b redis', 12),
  call('docker rm -f guide-test-learner-b', 13), // no -v: its anonymous /data volume stays
  call(`docker build -q -t guide-test-learner-image ${context}`, 14),
].join('\n');

describe('the learner\'s volumes and images', () => {
  it('are recorded per engine, and snippets/cleanup.mjs removes them, leaving an unrelated volume alone', async () => {
    const unrelated = docker('volume', 'create', `guide-test-unrelated-${process.pid}`);
    try {
      const script = writeTestSnippet(state.dir, 'learner', learner);
      const run = await runSnippet(script, state.dir);
      expect(run.code, run.stderr).toBe(0);
      const engine = docker('info', '--format', '{{.ID}}');
      const recorded = readRecordedStorage(state.dir);
      expect(recorded.volumes.map((v) => [v.engine, v.name.length === 64 ? 'anonymous' : v.name])).toEqual([
        [engine, 'guide-test-learner'],
        [engine, 'anonymous'],
      ]);
      expect(recorded.images.map((i) => i.name)).toEqual(['guide-test-learner-image:latest']);
      const anonymous = recorded.volumes[1]!.name;
      expect(volumes()).toEqual(expect.arrayContaining(['guide-test-learner', anonymous]));

      const cleanup = await runSnippet('cleanup.mjs', state.dir);
      expect(cleanup.code, cleanup.stderr).toBe(0);
      expect(cleanup.stdout).toContain('$ docker rm -f -v guide-test-learner-a\nguide-test-learner-a\n');
      expect(cleanup.stdout).toContain(`$ docker volume rm guide-test-learner ${anonymous}\n`);
      expect(cleanup.stdout).toContain('$ docker image rm guide-test-learner-image:latest\n');
      expect(volumes()).not.toEqual(expect.arrayContaining(['guide-test-learner']));
      expect(volumes()).not.toContain(anonymous);
      expect(volumes()).toContain(unrelated);
      expect(tags()).not.toContain('guide-test-learner-image:latest');
      expect(readRecordedStorage(state.dir)).toEqual({ volumes: [], images: [] });
      expect(readRecorded(state.dir)).toEqual([]);
    } finally {
      docker('volume', 'rm', unrelated);
    }
  });

  it('a volume of the same name that someone else made stops the step, untouched, with what to do', async () => {
    const foreign = docker('volume', 'create', 'guide-test-learner');
    try {
      const created = docker('volume', 'inspect', '--format', '{{.CreatedAt}}', foreign);
      const script = writeTestSnippet(state.dir, 'learner', learner);
      const run = await runSnippet(script, state.dir);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^content\/t\.mdx:10: a volume named guide-test-learner already exists, and this guide did not create it/m);
      expect(run.stderr).toContain('remove it yourself only if you no longer need it (`docker volume rm guide-test-learner`)');
      expect(run.stdout).not.toContain('$ docker');
      const cleanup = await runSnippet('cleanup.mjs', state.dir);
      expect(cleanup.code, cleanup.stderr).toBe(0);
      expect(docker('volume', 'inspect', '--format', '{{.CreatedAt}}', foreign)).toBe(created);
    } finally {
      docker('volume', 'rm', foreign);
    }
  });

  it('stopped (SIGTERM) at several points, snippets/cleanup.mjs afterwards leaves the engine as it was', async () => {
    const snapshot = () => [docker('ps', '-aq', '--no-trunc'), docker('volume', 'ls', '-q'), docker('image', 'ls', '-aq', '--no-trunc')].join('\n').split('\n').filter(Boolean).sort();
    const trials: { atMs: number; code: number | null; left: string[] }[] = [];
    for (const atMs of [300, 700, 1100, 1500, 1900, 2300]) {
      const before = snapshot();
      const run = await runSnippet(writeTestSnippet(state.dir, 'learner', learner), state.dir, {}, atMs);
      const cleanup = await runSnippet('cleanup.mjs', state.dir);
      expect(cleanup.code, cleanup.stderr).toBe(0);
      const after = snapshot();
      trials.push({ atMs, code: run.code, left: [...after.filter((x) => !before.includes(x)), ...before.filter((x) => !after.includes(x)).map((x) => `-${x}`)] });
    }
    console.log(`learner, SIGTERM then cleanup.mjs: ${trials.length} tries, ${trials.filter((t) => t.code !== 0).length} stopped mid-run, ${trials.filter((t) => t.left.length).length} left something\n${trials.map((t) => `  at ${t.atMs}ms: exit ${t.code}${t.left.length ? `, LEFT ${t.left.join(' ')}` : ', clean'}`).join('\n')}`);
    expect(trials.filter((t) => t.left.length > 0)).toEqual([]);
  }, 120_000);

  it('after Ctrl-C landed between `docker volume create` and the guide recording it, the next run reuses it as its own', async () => {
    const engine = docker('info', '--format', '{{.ID}}');
    writeFileSync(`${state.dir}/containers.json`, JSON.stringify({ containers: [], pending: [{ engine, kind: 'volume', name: 'guide-test-learner', since: Date.now() }] }));
    docker('volume', 'create', 'guide-test-learner'); // what Docker had done when the run was interrupted
    const run = await runSnippet(writeTestSnippet(state.dir, 'learner', learner), state.dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('# not running `docker volume create guide-test-learner`: the volume guide-test-learner exists (the guide created it');
    expect(readRecordedStorage(state.dir).volumes.map((v) => v.name)).toContain('guide-test-learner');
    const cleanup = await runSnippet('cleanup.mjs', state.dir);
    expect(cleanup.code, cleanup.stderr).toBe(0);
    expect(volumes()).not.toContain('guide-test-learner');
  });

  it('right after Ctrl-C, cleanup.mjs waits for what Docker was still making, then removes it', async () => {
    // Docker finishes a request whose client was killed (a quick `docker build` goes on and tags its
    // image): here the volume a killed `docker volume create` asked for appears 1.5 s later
    const engine = docker('info', '--format', '{{.ID}}');
    writeFileSync(`${state.dir}/containers.json`, JSON.stringify({ containers: [], pending: [{ engine, kind: 'volume', name: 'guide-test-learner', since: Date.now() }] }));
    const late = spawn('bash', ['-c', 'sleep 1.5 && docker volume create guide-test-learner'], { stdio: 'ignore' });
    const made = new Promise((resolve) => late.once('exit', resolve));
    const cleanup = await runSnippet('cleanup.mjs', state.dir);
    expect(await made).toBe(0);
    expect(cleanup.code, cleanup.stderr).toBe(0);
    expect(cleanup.stdout).toContain('$ docker volume rm guide-test-learner\n');
    expect(volumes()).not.toContain('guide-test-learner');
  });
});

