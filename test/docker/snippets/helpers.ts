// One helper for the snippet tests against the real engine: run a snippet as a person would
// (no terminal here), read its events and record, and remove by id what a test created.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import type { RunEvent } from '../../../scripts/page/types.ts';

export const root = path.resolve(import.meta.dirname, '../../..');

export interface SnippetRun {
  code: number | null;
  stdout: string;
  stderr: string;
  events: RunEvent[];
}

/** A fresh GUIDE_STATE_DIR and events file for one test. */
export function makeStateDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'guide-test-state-'));
}

/** Runs `snippets/<script>` (or an absolute path) with node, stdin closed (no terminal), and collects what it reported; SIGTERM after `termAfterMs` if given. */
export function runSnippet(script: string, stateDir: string, env: Record<string, string> = {}, termAfterMs?: number): Promise<SnippetRun> {
  const eventsFile = path.join(stateDir, `events-${Date.now()}.jsonl`);
  const child = spawn(process.execPath, [path.resolve(root, 'snippets', script)], {
    cwd: root,
    env: { ...process.env, GUIDE_STATE_DIR: stateDir, GUIDE_EVENTS: eventsFile, FORCE_COLOR: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (termAfterMs !== undefined) setTimeout(() => child.kill('SIGTERM'), termAfterMs);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => {
    child.on('close', (code) => {
      let events: RunEvent[] = [];
      try {
        events = readFileSync(eventsFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as RunEvent);
      } catch {
        events = [];
      }
      resolve({ code, stdout, stderr, events });
    });
  });
}

export function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** Ids the guide recorded in this state dir. */
export function readRecorded(stateDir: string): { id: string; name: string }[] {
  try {
    return JSON.parse(readFileSync(path.join(stateDir, 'containers.json'), 'utf8')).containers;
  } catch {
    return [];
  }
}

/** Networks the guide recorded in this state dir (`docker network create`). */
export function readRecordedNetworks(stateDir: string): { id: string; name: string }[] {
  try {
    return JSON.parse(readFileSync(path.join(stateDir, 'containers.json'), 'utf8')).networks ?? [];
  } catch {
    return [];
  }
}

/** Volumes and images the guide recorded in this state dir. */
export function readRecordedStorage(stateDir: string): { volumes: { engine: string; id: string; name: string; created?: string }[]; images: { engine: string; id: string; name: string }[] } {
  try {
    const data = JSON.parse(readFileSync(path.join(stateDir, 'containers.json'), 'utf8'));
    return { volumes: data.volumes ?? [], images: data.images ?? [] };
  } catch {
    return { volumes: [], images: [] };
  }
}

/** Removes, by id, what the guide recorded in `stateDir` and the containers linked to those (with their anonymous volumes). */
export function removeCreated(stateDir: string, extra: string[] = []): void {
  const recorded = readRecorded(stateDir).map((c) => c.id);
  const names = recorded.length ? docker('inspect', '--format', '{{.Name}}', ...recorded).split('\n').filter(Boolean) : [];
  const all = docker('ps', '-aq', '--no-trunc').split('\n').filter(Boolean);
  const linked = all.length
    ? docker('inspect', '--format', '{{.Id}} {{range .HostConfig.Links}}{{.}} {{end}}', ...all)
        .split('\n')
        .filter((line) => names.some((n) => line.includes(` ${n}:`)))
        .map((line) => line.split(' ')[0] ?? '')
    : [];
  const ids = [...new Set([...linked, ...recorded, ...extra])].filter((id) => all.includes(id));
  if (ids.length > 0) docker('rm', '-f', '-v', ...ids);
  const networks = docker('network', 'ls', '-q', '--no-trunc').split('\n');
  const ownNetworks = readRecordedNetworks(stateDir).map((n) => n.id).filter((id) => networks.includes(id));
  if (ownNetworks.length > 0) docker('network', 'rm', ...ownNetworks);
  const { volumes, images } = readRecordedStorage(stateDir);
  const existingVolumes = docker('volume', 'ls', '--format', '{{.Name}}').split('\n');
  const ownVolumes = volumes.filter((v) => existingVolumes.includes(v.name));
  if (ownVolumes.length > 0) docker('volume', 'rm', ...ownVolumes.map((v) => v.name));
  const tags = docker('image', 'ls', '--no-trunc', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}').split('\n');
  const ownTags = images.filter((i) => tags.includes(`${i.id} ${i.name}`)).map((i) => i.name);
  if (ownTags.length > 0) docker('image', 'rm', ...ownTags);
  rmSync(stateDir, { recursive: true, force: true });
}

/** Fails a test early when the engine already holds something named like the guide's containers. */
export function expectCleanEngine(): void {
  const named = docker('ps', '-a', '--filter', 'name=^/redis-server$', '--format', '{{.ID}}');
  const port = docker('ps', '--filter', 'publish=3000', '--format', '{{.ID}} {{.Names}}');
  if (named || port) {
    throw new Error(
      `the engine is not clean for the snippet tests\n  expected: no redis-server and nothing on port 3000\n  received: ${named ? `redis-server ${named}` : ''} ${port}\n  cause: left by another run; remove it if it is yours (npx zx snippets/cleanup.mjs)`,
    );
  }
}

/** The integers after "Total requests: " in a run's output. */
export function readCounts(text: string): number[] {
  return [...text.matchAll(/Total requests: (\d+)/g)].map((m) => Number(m[1]));
}

/** Each test of the file gets a fresh state dir on a clean engine; what it created is removed after. */
export function useStateDir(): { dir: string; extra: string[] } {
  const state = { dir: '', extra: [] as string[] };
  beforeEach(() => {
    expectCleanEngine();
    state.dir = makeStateDir();
  });
  afterEach(() => {
    removeCreated(state.dir, state.extra);
    state.extra = [];
  });
  return state;
}

/** A one-command snippet in `dir` using the real runtime, for failure paths no page has. */
export function writeTestSnippet(dir: string, name: string, call: string): string {
  const script = path.join(dir, `${name}.mjs`);
  const lib = pathToFileURL(path.join(root, 'snippets/lib/step.mjs')).href;
  writeFileSync(
    script,
    `import { defineStep } from '${lib}';\n` +
      "const step = defineStep({ page: 't', file: 'content/t.mdx', title: 'T', snippet: 't' });\n" +
      `${call}\nawait step.run();\n`,
  );
  return script;
}
