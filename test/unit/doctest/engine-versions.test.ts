// The per-version expectations of the pages against real captures from each engine (every
// test/fixtures/engine-*/ with a capture: capture.sh writes them, test/fixtures/captures.json
// names the command of each file): every capture is of a command a page has, every case with a
// capture passes on the engine it was captured from (the plan and comparison
// `npm run doctest -- --captures <folder>` runs: captures.ts), and each engine takes the output
// block its range names. (That a block of one range fails another range's output: compare.test.ts.)
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCaptureFolder, readManifest } from '../../../scripts/doctest/captures-run.ts';
import { compareCaptures, planCaptures } from '../../../scripts/doctest/captures.ts';
import { selectExpectation } from '../../../scripts/doctest/engine-range.ts';
import { commandOf, readCapture, readPage } from './fixtures.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const fixtures = path.join(root, 'test/fixtures');
const manifest = readManifest(root);
// every engine folder holding a capture (capture.sh writes server-version.txt first)
const engines = readdirSync(fixtures)
  .filter((name) => name.startsWith('engine-') && existsSync(path.join(fixtures, name, manifest.engineVersion.file)))
  .map((name) => name.slice('engine-'.length));
const pages = readdirSync(path.join(root, 'content'))
  .filter((name) => name.endsWith('.mdx'))
  .sort()
  .map((name) => readPage(name.slice(0, -'.mdx'.length)));
const serverVersion = (engine: string) => readCapture(`engine-${engine}/${manifest.engineVersion.file}`).trim();
const commandOfCapture = (file: string) => manifest.captures.find((c) => c.file === file)!.command;

// the cases below are made from these folders: none found must fail, never pass with no test
describe('the captured engines', () => {
  it('are every engine the pages have captures of: 20.10, 26.1, 28.5 and 29.7', () => {
    expect(engines.sort()).toEqual(['20.10', '26.1', '28.5', '29.7']);
  });
});

describe.each(engines)('Docker %s, as captured', (engine) => {
  const dir = `test/fixtures/engine-${engine}`;
  const folder = readCaptureFolder(path.join(root, dir), dir);
  const planned = planCaptures(pages, manifest, folder);

  it('is the engine its folder names', () => {
    expect(serverVersion(engine).startsWith(`${engine}.`)).toBe(true);
  });

  it('holds only files the manifest names, each of a command a page has', () => {
    expect(planned.errors).toEqual([]);
  });

  it('every case with a capture passes, compared in page order with the page\'s captures bound', () => {
    const { results } = compareCaptures(planned.plan!, 'content', dir);
    const compared = manifest.captures.filter((c) => !c.daemonEnv && folder.files.has(c.file)).map((c) => c.file);
    expect(results.map((r) => r.capture).sort()).toEqual(compared.sort());
    expect(compared.length).toBeGreaterThanOrEqual(8); // run-redis, env, hosts, ping, run-app, curl-1, curl-2, session
    expect(results.filter((r) => r.result.status !== 'ok').map((r) => r.result.failure?.message)).toEqual([]);
  });

  it('step 2: the link variables (where the engine sets them), the hosts entry and the address ping reaches are one address', () => {
    const address = /^(\S+)\tredis /m.exec(folder.files.get('hosts.txt')!)?.[1];
    expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(folder.files.get('ping.txt')).toContain(`PING redis (${address}): 56 data bytes`);
    const linked = /^REDIS_PORT_6379_TCP_ADDR=(.*)$/m.exec(folder.files.get('env.txt')!)?.[1];
    if (Number(engine.split('.')[0]) < 29) expect(linked).toBe(address);
    else expect(linked).toBeUndefined(); // Docker 29 sets no link variables by default
  });
});

describe('the hosts file: one block per engine range', () => {
  it('each captured engine takes a block whose docker= range holds it; the "<28" one only before Docker 28', () => {
    const hosts = commandOf(readPage('step2'), commandOfCapture('hosts.txt'));
    expect(engines.length, 'the engine folders this loop checks (test/fixtures/engine-*/)').toBeGreaterThanOrEqual(4); // none found must fail here too
    for (const engine of engines) {
      const block = selectExpectation(hosts.outputs, serverVersion(engine));
      expect(block, engine).toBeDefined();
      expect(block!.docker === '<28', engine).toBe(Number(engine.split('.')[0]) < 28);
    }
  });
});
