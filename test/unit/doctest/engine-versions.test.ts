// The per-version expectations of the pages against real captures from each engine the matrix
// runs (every test/fixtures/engine-*/ with a capture, written by test/fixtures/capture.sh): every
// step passes on the engine it was captured from, and each engine takes the output block its
// range names. (That a block of one range fails another range's output: compare.test.ts.)
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareCase, type CompareContext } from '../../../scripts/doctest/compare.ts';
import { selectExpectation } from '../../../scripts/doctest/engine-range.ts';
import type { Bindings } from '../../../scripts/doctest/pattern.ts';
import { commandAt, commandEnd, readCapture, readPage } from './fixtures.ts';

// every engine folder holding a capture (capture.sh writes server-version.txt first)
const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
const engines = readdirSync(fixtures)
  .filter((name) => name.startsWith('engine-') && existsSync(path.join(fixtures, name, 'server-version.txt')))
  .map((name) => name.slice('engine-'.length));
const serverVersion = (engine: string) => readCapture(`engine-${engine}/server-version.txt`).trim();
const ctx = (engine: string, bindings: Bindings = new Map()): CompareContext => ({ engine: serverVersion(engine), contentDir: 'content', bindings });
const step2 = readPage('step2');
const [env, hosts, ping] = [commandAt(step2, 19), commandAt(step2, 48), commandAt(step2, 82)];

describe.each(engines)('Docker %s, as captured', (engine) => {
  const capture = (name: string) => readCapture(`engine-${engine}/${name}.txt`);

  it('is the engine its folder names', () => {
    expect(serverVersion(engine).startsWith(`${engine}.`)).toBe(true);
  });

  it('step 1: the container id of redis-server', () => {
    const run = commandAt(readPage('step1'), 15);
    expect(compareCase(run, commandEnd(run, capture('run-redis')), ctx(engine)).result.status).toBe('ok');
  });

  it('step 2: the link variables, the hosts entry and the address ping reaches are one address', () => {
    const a = compareCase(env, commandEnd(env, capture('env')), ctx(engine));
    expect(a.result.failure).toBeUndefined();
    const address = a.bindings.get('redis');
    expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const b = compareCase(hosts, commandEnd(hosts, capture('hosts')), ctx(engine, a.bindings));
    expect(b.result.failure).toBeUndefined();
    const c = compareCase(ping, commandEnd(ping, capture('ping')), ctx(engine, b.bindings));
    expect(c.result.failure).toBeUndefined();
    expect(capture('ping')).toContain(`PING redis (${address}): 56 data bytes`);
  });

  it('step 3: the app answers and its count rises', () => {
    const page = readPage('step3');
    const [first, second] = [commandAt(page, 35), commandAt(page, 52)];
    const a = compareCase(first, commandEnd(first, capture('curl-1')), ctx(engine));
    expect(a.result.failure).toBeUndefined();
    expect(compareCase(second, commandEnd(second, capture('curl-2')), ctx(engine, a.bindings)).result.failure).toBeUndefined();
  });

  it('step 4: the rendered redis-cli session', () => {
    const session = commandAt(readPage('step4'), 15);
    expect(compareCase(session, commandEnd(session, capture('session')), ctx(engine)).result.failure).toBeUndefined();
  });
});

describe('the hosts file: one block per engine range', () => {
  it('each captured engine takes the block whose docker= range holds it: <28 before Docker 28, >=28 from it', () => {
    for (const engine of engines) {
      const expected = Number(engine.split('.')[0]) < 28 ? '<28' : '>=28';
      expect(selectExpectation(hosts.outputs, serverVersion(engine))?.docker, engine).toBe(expected);
    }
  });
});
