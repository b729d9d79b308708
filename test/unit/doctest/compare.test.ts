import { describe, expect, it } from 'vitest';
import { compareCase, type CompareContext } from '../../../scripts/doctest/compare.ts';
import type { Bindings } from '../../../scripts/doctest/pattern.ts';
import { hashWritten } from '../../../scripts/verify/examples.ts';
import { parsePage } from '../../../scripts/page/parse.ts';
import { commandAt, commandEnd, commandOf, readCapture, readPage } from './fixtures.ts';

const engine2010 = readCapture('engine-20.10/server-version.txt').trim();
const ctx = (bindings: Bindings = new Map(), engine = engine2010): CompareContext => ({ engine, contentDir: 'content', bindings });

describe('step 2 against real 20.10 captures', () => {
  const page = readPage('step2');
  const [env, hosts, ping] = [commandOf(page, 'docker run --link redis-server:redis alpine env'), commandOf(page, 'docker run --link redis-server:redis alpine cat /etc/hosts'), commandOf(page, 'docker run --link redis-server:redis alpine ping -c 1 redis')];

  it('env (unordered subset) binds redis; the hosts entry and the address ping reaches agree', () => {
    const a = compareCase(env, commandEnd(env, readCapture('engine-20.10/env.txt')), ctx());
    expect(a.result.status).toBe('ok');
    expect(a.bindings.get('redis')).toBe('172.17.0.2');
    const b = compareCase(hosts, commandEnd(hosts, readCapture('engine-20.10/hosts.txt')), ctx(a.bindings));
    expect(b.result.status).toBe('ok');
    const c = compareCase(ping, commandEnd(ping, readCapture('engine-20.10/ping.txt')), ctx(b.bindings));
    expect(c.result.status).toBe('ok');
  });

  it('fails the hosts file when redis resolves to another address than the link variables said', () => {
    const result = compareCase(hosts, commandEnd(hosts, readCapture('engine-20.10/hosts.txt')), ctx(new Map([['redis', '172.17.0.9']]))).result;
    expect(result.status).toBe('failed');
    expect(result.failure?.diff).toContain('-[IPV4:redis]\tredis [SHORT_ID] redis-server\n+172.17.0.2\tredis');
  });

  it('picks the block for the engine: the 28.5 hosts file fails the <28 block and passes the >=28 one', () => {
    const captured = readCapture('engine-28.5/hosts.txt');
    expect(compareCase(hosts, commandEnd(hosts, captured), ctx(new Map(), readCapture('engine-28.5/server-version.txt').trim())).result.status).toBe('ok');
    const old = compareCase(hosts, commandEnd(hosts, captured), ctx()).result;
    expect(old.failure?.message).toBe(
      'content/step2.mdx:116: the output of `docker run --link redis-server:redis alpine cat /etc/hosts` (content/step2.mdx:90) differs from the page',
    );
    expect(old.failure?.diff).toContain('-fe00::0\tip6-localnet\n-ff00::0\tip6-mcastprefix\n+fe00::\tip6-localnet\n+ff00::\tip6-mcastprefix');
  });

  it('a missing env variable shows as a diff pairing it with its nearest actual line', () => {
    const output = readCapture('engine-20.10/env.txt').replace('HOME=/root', 'HOME=/');
    const result = compareCase(env, commandEnd(env, output), ctx()).result;
    expect(result.failure?.diff).toContain('-HOME=/root\n+HOME=/');
    expect(result.failure?.hint).toBe('npm run doctest -- --update content/step2.mdx');
  });
});

describe('step 3: the count must rise', () => {
  const page = readPage('step3');
  const [first, second] = [commandAt(page, 42), commandAt(page, 59)];
  const a = compareCase(first, commandEnd(first, readCapture('engine-20.10/curl-1.txt')), ctx());

  it('passes when the second answer counts more requests', () => {
    expect(a.result.status).toBe('ok');
    expect(compareCase(second, commandEnd(second, readCapture('engine-20.10/curl-2.txt')), ctx(a.bindings)).result.status).toBe('ok');
  });

  it('fails when the count did not rise', () => {
    const again = compareCase(second, commandEnd(second, readCapture('engine-20.10/curl-1.txt')), ctx(a.bindings)).result;
    expect(again.status).toBe('failed');
    expect(again.failure?.diff).toContain('-Total requests: [N:requests+]\n+Total requests: 2');
  });
});

describe('status and exit', () => {
  const page = readPage('step1');
  const run = commandAt(page, 15);

  it('a container id passes; a non-zero exit fails naming the command and both statuses', () => {
    expect(compareCase(run, commandEnd(run, readCapture('engine-20.10/run-redis.txt')), ctx()).result.status).toBe('ok');
    const failed = compareCase(run, commandEnd(run, readCapture('engine-20.10/run-redis.txt'), 125), ctx()).result;
    expect(failed.failure?.message).toBe('content/step1.mdx:15: `docker run -d --name redis-server redis` exited with 125, the page expects 0');
  });

  it('a timed-out command is a timeout naming its file:line', () => {
    const end = { ...commandEnd(run, ''), exitCode: null, timedOut: true };
    const result = compareCase(run, end, ctx()).result;
    expect(result.status).toBe('timeout');
    expect(result.failure?.message).toBe('content/step1.mdx:15: `docker run -d --name redis-server redis` timed out after 60s (timeout=60) and was killed');
  });

  it('a command without a result did not run, and that is a failure with its cause', () => {
    const result = compareCase(run, undefined, { ...ctx(), notRunCause: 'snippet step1 exited 1' }).result;
    expect(result).toMatchObject({ status: 'not-run', failure: { cause: 'snippet step1 exited 1' } });
  });
});

describe('step 4: the session, compared as the rendered screen', () => {
  const page = readPage('step4');
  const session = commandAt(page, 15);
  const screen = readCapture('engine-20.10/session.txt');

  it('the screen a person sees matches the session block', () => {
    expect(compareCase(session, commandEnd(session, screen), ctx()).result.status).toBe('ok');
  });

  it('a wrong answer on the screen fails with a diff of the screen lines', () => {
    const result = compareCase(session, commandEnd(session, screen.replace('PONG', '(error) NOAUTH')), ctx()).result;
    expect(result.failure?.message).toBe(
      'content/step4.mdx:38: the output of `docker run -it --link redis-server:redis redis redis-cli -h redis` (content/step4.mdx:15) differs from the page',
    );
    expect(result.failure?.diff).toContain('-PONG\n+(error) NOAUTH');
  });
});

describe('the values a matched block gives', () => {
  const page = readPage('step2');
  const hosts = commandOf(page, 'docker run --link redis-server:redis alpine cat /etc/hosts');
  const engine297 = readCapture('engine-29.7/server-version.txt').trim();

  it("the 29.7 hosts file: its block's fence, the hash of its written lines, and each token's text by line of the block", () => {
    const { result } = compareCase(hosts, commandEnd(hosts, readCapture('engine-29.7/hosts.txt')), ctx(new Map(), engine297));
    const block = hosts.outputs[0]!;
    expect(result.status).toBe('ok');
    expect(result.example).toEqual({
      at: block.at,
      written: hashWritten(block.body),
      lines: { '8': ['172.30.23.2', '075a4feb8551'], '9': ['172.30.23.3', 'd2e9253ce847'] },
    });
  });

  it('none when the output differs, or when the block has no token', () => {
    const differs = compareCase(hosts, commandEnd(hosts, readCapture('engine-20.10/hosts.txt')), ctx(new Map(), engine297)).result;
    expect(differs.status).toBe('failed');
    expect(differs.example).toBeUndefined();
    const plain = parsePage('content/x.mdx', '---\ntitle: T\ndescription: D.\n---\n```sh\ndocker rm -f a\n```\n```output\na\n```\n').page.commands[0]!;
    const matched = compareCase(plain, commandEnd(plain, 'a\n'), ctx()).result;
    expect(matched.status).toBe('ok');
    expect(matched.example).toBeUndefined();
  });
});
