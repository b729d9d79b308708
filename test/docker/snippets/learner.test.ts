// The learner's path, as a learner takes it: a copy of snippets/ alone in a folder outside the
// repository, with no node_modules anywhere above it, run with `npx zx` on Node.js 20 and 22
// against the engine; and the site's single-file script from an empty folder. Nothing is
// installed for them: the scripts need Node.js and the docker CLI only.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleSnippet } from '../../../scripts/snippets/bundle.ts';
import { docker, expectCleanEngine, readCounts, removeCreated, root } from './helpers.ts';

interface Run {
  code: number | null;
  output: string;
}

/** A Node.js 20 on PATH outside this repository (the machine's own), and this suite's Node.js 22. */
function findNodes(): { label: string; bin: string }[] {
  const system = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => dir && !dir.startsWith(root)).map((dir) => path.join(dir, 'node')).find((file) => existsSync(file) && version(file).startsWith('v20.'));
  if (!system) throw new Error('no Node.js 20 on PATH outside the checkout\n  expected: the machine\'s Node.js 20 (the learner\'s oldest supported)\n  What to do: install Node.js 20 (for example Debian\'s nodejs) so the learner path is tested on it');
  return [
    { label: version(system), bin: path.dirname(system) },
    { label: process.version, bin: path.dirname(process.execPath) },
  ];
}

function version(node: string): string {
  return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
}

/** The environment a learner's shell has: no npm run variables (the machine's own, such as NODE_EXTRA_CA_CERTS, stay), this Node.js first on PATH, their own state folder. */
function learnerEnv(nodeBin: string, stateHome: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm_|NODE_OPTIONS$|NODE_PATH$|INIT_CWD$|GUIDE_|VITEST|FORCE_COLOR$)/i.test(key)));
  const pathDirs = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => !dir.startsWith(root));
  return { ...env, PATH: [nodeBin, ...pathDirs].join(path.delimiter), XDG_STATE_HOME: stateHome, NO_COLOR: '1' };
}

function run(command: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 150_000): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command[0] ?? '', command.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, output })));
  });
}

function noNodeModulesAbove(dir: string): void {
  for (let at = dir; ; at = path.dirname(at)) {
    expect(existsSync(path.join(at, 'node_modules')), `${at}/node_modules`).toBe(false);
    if (path.dirname(at) === at) return;
  }
}

async function fetchCount(): Promise<number> {
  const response = await fetch('http://localhost:3000', { signal: AbortSignal.timeout(5000) });
  expect(response.status).toBe(200);
  return readCounts(await response.text())[0] ?? NaN;
}

/** What exists on the engine, to compare before and after: containers, networks, volumes. */
function engineInventory(): string[] {
  return [docker('ps', '-aq', '--no-trunc'), docker('network', 'ls', '-q', '--no-trunc'), docker('volume', 'ls', '-q')].join('\n').split('\n').filter(Boolean).sort();
}

const folders: string[] = [];
let stateHome = '';
let before: string[] = [];
beforeEach(() => {
  expectCleanEngine();
  stateHome = mkdtempSync(path.join(os.tmpdir(), 'guide-learner-state-'));
  before = engineInventory();
});
afterEach(() => {
  removeCreated(path.join(stateHome, 'docker-links-guide')); // only if a test failed half-way: by the record, by id
  rmSync(stateHome, { recursive: true, force: true });
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'guide-learner-'));
  folders.push(dir);
  noNodeModulesAbove(dir);
  return dir;
}

describe.each(findNodes())('a copy of snippets/ alone, npx zx on Node.js $label', ({ bin }) => {
  it('step 3 answers on http://localhost:3000 with no other command, and cleanup.mjs leaves nothing behind', async () => {
    const dir = freshFolder();
    cpSync(path.join(root, 'snippets'), path.join(dir, 'snippets'), { recursive: true });
    const env = learnerEnv(bin, stateHome);
    const step3 = await run(['npx', '--yes', 'zx', 'snippets/step3.mjs'], dir, env);
    expect(step3.code, step3.output).toBe(0);
    expect(step3.output).toContain("# Setting up: step 1's redis-server (content/step1.mdx:15), which this step needs");
    expect(step3.output).toMatch(/\n\$ docker run -d -p 3000:3000 --link redis-server:redis katacoda\/redis-node-docker-example\n[0-9a-f]{64}\n/);
    expect(step3.output).toContain('# Open http://localhost:3000 in a browser');
    expect(step3.output).toContain('# Next: step 4, Redis CLI through the link: npx zx snippets/step4.mjs');
    const count = await fetchCount();
    expect(await fetchCount()).toBe(count + 1);
    const cleanup = await run(['npx', '--yes', 'zx', 'snippets/cleanup.mjs'], dir, env);
    expect(cleanup.code, cleanup.output).toBe(0);
    expect(engineInventory()).toEqual(before);
  });

  it('node snippets/step1.mjs --help says what it does, creates and how to remove it, running nothing', async () => {
    const dir = freshFolder();
    cpSync(path.join(root, 'snippets'), path.join(dir, 'snippets'), { recursive: true });
    const help = await run(['node', 'snippets/step1.mjs', '--help'], dir, learnerEnv(bin, stateHome));
    expect(help.code, help.output).toBe(0);
    expect(help.output).toMatch(/^Start Redis: /);
    expect(help.output).toContain('  - container redis-server, left running');
    expect(help.output).toContain('Remove what the guide created: npx zx snippets/cleanup.mjs');
    expect(engineInventory()).toEqual(before);
  });
});

describe('the site\'s single-file script, from an empty folder', () => {
  it('step3.mjs answers on http://localhost:3000, and cleanup.mjs leaves nothing behind', async () => {
    const dir = freshFolder();
    for (const name of ['step3', 'cleanup']) {
      const bundle = await bundleSnippet(`snippets/${name}.mjs`);
      writeFileSync(path.join(dir, bundle.name), bundle.text);
    }
    const [node20] = findNodes();
    const env = learnerEnv(node20?.bin ?? '', stateHome);
    const step3 = await run(['npx', '--yes', 'zx', 'step3.mjs'], dir, env);
    expect(step3.code, step3.output).toBe(0);
    expect(step3.output).toContain('# Next: step 4, Redis CLI through the link: npx zx step4.mjs');
    expect(await fetchCount()).toBeGreaterThan(0);
    const cleanup = await run(['npx', '--yes', 'zx', 'cleanup.mjs'], dir, env);
    expect(cleanup.code, cleanup.output).toBe(0);
    expect(engineInventory()).toEqual(before);
  });
});
