// `npm run doctest -- --engine 28.5=<folder>`: an engine from a folder of Docker's static layout
// (docker/dockerd, containerd, containerd-shim-runc-v2, runc, …), assembled here from what the
// project already fetches: forky's docker.io (dockerd, docker-proxy, docker-init) and this
// machine's Debian 12 containerd, shim and runc, copied so that a process started from them is
// known by its path. The doc-test runs on it beside the default engine, its daemon runs the
// folder's containerd and shim (the folder is first on its PATH), and afterwards nothing of it is
// left: no process, pid file, socket, bridge or FORWARD rule. The default engine is untouched.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { guideImages } from '../../scripts/docker/config.ts';
import { isAlive, probeEngine } from '../../scripts/docker/engine.ts';
import { planPaths } from '../../scripts/docker/engines/daemon.ts';
import { assembleStaticFolder } from '../../scripts/docker/engines/assemble-static.ts';
import { captureCommand, runCommand } from '../../scripts/docker/run.ts';
import type { ReportEvent } from '../../scripts/doctest/events.ts';
import { startDoctest } from './doctest/helpers.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'static-engine-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));


/** Every process whose executable is in `dir`, by pid, seen while `until` is pending. */
async function watchProcesses(dir: string, pidFile: string, until: Promise<unknown>) {
  const seen = new Map<number, string>();
  let daemonPid: number | undefined;
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    if (daemonPid === undefined && existsSync(pidFile)) daemonPid = Number(readFileSync(pidFile, 'utf8').trim()) || undefined;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const exe = readlinkSync(`/proc/${entry}/exe`);
        if (exe.startsWith(`${dir}/`)) seen.set(Number(entry), path.basename(exe));
      } catch {
        // gone, or not ours to read
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { seen, daemonPid };
}

const page = `---
title: On Docker's static binaries
description: A container, a link to it and the engine's version, on an engine from Docker's static layout.
step: 1
snippet: static1
needs: []
---

\`\`\`sh ready="docker exec redis-server redis-cli ping" timeout=60
docker run -d --name redis-server redis
\`\`\`

\`\`\`output
[CONTAINER_ID]
\`\`\`

\`\`\`sh
docker run --rm --link redis-server:redis alpine ping -c 1 redis
\`\`\`

\`\`\`output subset
PING redis ([IPV4]): 56 data bytes
\`\`\`

\`\`\`sh
docker version --format '{{.Server.Version}}'
\`\`\`

\`\`\`output
28.5.[..]
\`\`\`
`;

const imageIds = () => Promise.all(Object.values(guideImages).map((ref) => captureCommand(['docker', 'image', 'inspect', '--format', '{{.Id}}', ref])));
const defaultPid = () => Number(readFileSync('/var/run/docker.pid', 'utf8').trim());
const forwardRules = async () => (await captureCommand(['iptables', '-S', 'FORWARD'])).split('\n');

/** Whether pid runs: an exited shim (reparented to pid 1) may stay a zombie until pid 1 reaps it. */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Nothing of the engine named `name` with bridge `bridge` is left. */
async function expectGone(name: string, bridge: string, pids: number[]) {
  const paths = planPaths(name);
  for (const pid of pids) expect(isRunning(pid), `pid ${pid}`).toBe(false);
  expect(existsSync(paths.pidFile)).toBe(false);
  expect(existsSync(paths.socket)).toBe(false);
  expect((await runCommand(['ip', 'link', 'show', bridge])).code).not.toBe(0);
  expect((await forwardRules()).filter((rule) => rule.includes(`--comment ${bridge} `))).toEqual([]);
}

describe('an engine from a folder of Docker\'s static layout', () => {
  let top = '';
  let content = '';
  const before = { version: undefined as string | undefined, pid: 0, images: [] as string[] };

  beforeAll(async () => {
    top = await assembleStaticFolder(path.join(scratch, 'release'));
    content = path.join(scratch, 'pages', 'content');
    mkdirSync(content, { recursive: true });
    writeFileSync(path.join(content, 'static.mdx'), page);
    before.version = await probeEngine();
    before.pid = defaultPid();
    before.images = await imageIds();
  }, 600_000);

  test('`--engine 28.5=<folder>`: the doc-test passes on 28.5 beside the default engine, on the folder\'s own containerd, then nothing of it is left', async () => {
    const started = performance.now();
    const run = startDoctest(['--engine', `28.5=${top}`, '--content', content]);
    const watched = watchProcesses(path.join(top, 'docker'), planPaths('static-28.5').pidFile, run.done);
    const [result, { seen, daemonPid }] = await Promise.all([run.done, watched]);
    const wallMs = performance.now() - started;
    console.log(`static 28.5 from a folder: ${(wallMs / 1000).toFixed(1)}s wall; processes from the folder: ${[...new Set(seen.values())].sort().join(', ')}`);
    if (result.exitCode !== 0) throw new Error(`the run exited ${result.exitCode}:\n${result.output}`);

    const runStart = result.events.find((e): e is Extract<ReportEvent, { kind: 'run-start' }> => e.kind === 'run-start');
    expect(runStart?.engine).toMatch(/^28\.5\.\d/);
    const cases = result.events.flatMap((e) => (e.kind === 'case-end' ? [e.result.status] : []));
    expect(cases).toEqual(['ok', 'ok', 'ok']);
    expect(result.output).toContain(`== doctest on Docker 28.5: starting the engine (Docker's static binaries from ${top})`);
    expect(result.output).toContain('doctest matrix: 1 of 1 engine(s)');
    expect(result.output).toMatch(/\n {2}Docker 28\.5\.\d\S* +3 passed, 0 failed +run +[\d.]+s +wall +[\d.]+s/);
    expect(result.output).toContain('DOCKER_HOST=unix:///run/guide-engines/static-28.5.sock');

    // the daemon and what it started came from the folder: its containerd and the containers' shims, not /usr/bin's
    expect(daemonPid).toBeGreaterThan(0);
    expect(seen.get(daemonPid!)).toBe('dockerd');
    expect([...seen.values()]).toEqual(expect.arrayContaining(['dockerd', 'containerd', 'containerd-shim-runc-v2']));

    await expectGone('static-28.5', 'guide-s28-5', [...seen.keys()]);
    expect(await probeEngine()).toBe(before.version);
    expect(defaultPid()).toBe(before.pid);
    expect(isAlive(before.pid)).toBe(true);
    expect(await imageIds()).toEqual(before.images);
    expect(await captureCommand(['docker', 'run', '--rm', guideImages.alpine, 'echo', 'still here'])).toBe('still here');
  }, 300_000);

  test('`--engine 29.7=<that folder>`: the engine reports 28.5, so the run fails naming the path, and stops that engine', async () => {
    const run = startDoctest(['--engine', `29.7=${top}`, '--content', content]);
    const [result, { seen }] = await Promise.all([run.done, watchProcesses(path.join(top, 'docker'), planPaths('static-29.7').pidFile, run.done)]);
    expect(result.exitCode).toBe(2);
    expect(result.output).toContain(`--engine 29.7=${top}: that engine reports Docker 28.5.`);
    expect(result.output).toMatch(/, not 29\.7\. Give the version it is \(--engine 28\.5=…\) or the path of Docker 29\.7\./);
    expect(result.events.some((e) => e.kind === 'run-start')).toBe(false); // nothing ran on it
    await expectGone('static-29.7', 'guide-s29-7', [...seen.keys()]);
    expect(defaultPid()).toBe(before.pid);
  }, 120_000);

  test('a folder without runc fails at once, naming the file and the layout expected; nothing starts', async () => {
    const broken = path.join(scratch, 'broken');
    mkdirSync(path.join(broken, 'docker'), { recursive: true });
    for (const name of ['dockerd', 'containerd']) copyFileSync(path.join(top, 'docker', name), path.join(broken, 'docker', name));
    const result = await startDoctest(['--matrix', '--engine', `28.5=${broken}`, '--content', content]).done;
    expect(result.exitCode).toBe(2);
    expect(result.output).toContain(`doctest: --engine 28.5=${broken}: ${path.join(broken, 'docker', 'runc')} is missing. Expected Docker's static layout`);
    expect(result.output).not.toContain('== doctest on Docker'); // not even 20.10 ran: the folder is checked first
  }, 60_000);
});
