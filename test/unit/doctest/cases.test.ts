// The case book of a run, on the real step 3 page and Docker 20.10's real captured output: each
// case compared as its command-end arrives, captures bound in page order, a command that is not
// selected reported as set-up (still binding its captures), a case that never ran a failure.
import { describe, expect, it } from 'vitest';
import { createCaseBook } from '../../../scripts/doctest/cases.ts';
import type { ReportEvent } from '../../../scripts/doctest/events.ts';
import type { RunEvent } from '../../../scripts/page/types.ts';
import { parsePage } from '../../../scripts/page/parse.ts';
import { commandEnd, commandOf, readCapture, readLesson, readPage } from './fixtures.ts';

const step3 = readLesson('step3'); // its "When it goes wrong" errors are cases of their own, not of this book
const app = commandOf(step3, 'docker run -d -p 3000:3000 --link redis-server:redis katacoda/redis-node-docker-example');
const [curl1, curl2] = step3.commands.filter((c) => c.text === 'curl localhost:3000');
const appOutput = readCapture('engine-20.10/run-app.txt');
const first = readCapture('engine-20.10/curl-1.txt'); // Total requests: 2
const second = readCapture('engine-20.10/curl-2.txt'); // Total requests: 3

function book(selected?: ReadonlySet<string>) {
  const events: ReportEvent[] = [];
  return { events, book: createCaseBook([step3], '20.10.24', 'content', (e) => events.push(e), selected) };
}

describe('createCaseBook', () => {
  it('names its cases by file:line in page order, and passes each as its command-end arrives', () => {
    const { book: cases, events } = book();
    expect(cases.names).toEqual([app, curl1!, curl2!].map((c) => `content/step3.mdx:${c.at.line}`));
    cases.record(commandEnd(app, appOutput), 'step3');
    cases.record(commandEnd(curl1!, first), 'step3');
    expect(events.map((e) => e.kind === 'case-end' && e.result.status)).toEqual(['ok', 'ok']);
    cases.record(commandEnd(curl2!, second), 'step3');
    expect(cases.finish(new Map()).map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('binds captures in page order: a count that does not rise fails the second curl', () => {
    const { book: cases } = book();
    cases.record(commandEnd(app, appOutput), 'step3');
    cases.record(commandEnd(curl1!, second), 'step3');
    cases.record(commandEnd(curl2!, first), 'step3');
    const results = cases.finish(new Map());
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok', 'failed']);
    expect(results[2]?.failure?.message).toMatch(/^content\/step3\.mdx:\d+: /);
  });

  it('reports a command that ran but is not selected as set-up, and it still binds its captures', () => {
    const { book: cases, events } = book(new Set([curl2!.id]));
    expect(cases.names).toEqual([`content/step3.mdx:${curl2!.at.line}`]);
    cases.record(commandEnd(curl1!, second), 'step3');
    expect(events).toEqual([{ kind: 'setup', name: `content/step3.mdx:${curl1!.at.line}`, command: 'curl localhost:3000', snippet: 'step3', exitCode: 0, durationMs: 420 }]);
    cases.record(commandEnd(curl2!, first), 'step3'); // 2 after 3: the set-up's capture counts
    expect(cases.finish(new Map()).map((r) => r.status)).toEqual(['failed']);
  });

  it('ignores the same command replayed as set-up by another snippet', () => {
    const { book: cases, events } = book();
    cases.record(commandEnd(app, 'not an id\n', 1), 'step4');
    expect(events).toEqual([]);
  });

  it('makes a case that never ended a failure naming why: its snippet\'s error, or that it was not reached', () => {
    const { book: cases } = book();
    cases.record(commandEnd(app, appOutput), 'step3');
    const results = cases.finish(new Map([['step3', 'exited with 1']]));
    expect(results.map((r) => r.status)).toEqual(['ok', 'not-run', 'not-run']);
    expect(results[1]?.failure?.cause ?? results[1]?.failure?.message).toContain('exited with 1');
    const unreached = book().book.finish(new Map());
    expect(unreached.map((r) => r.failure?.cause ?? r.failure?.message).join('\n')).toContain('its snippet (step3) did not reach it');
  });
});

// A page written for the selection rules: two counts, the second rising.
const countText = [
  '---', 'title: Count', 'description: d', 'snippet: count', '---', '',
  '```sh', 'curl -s localhost:3000', '```', '', '```output', 'Total requests: [N:requests]', '```', '',
  '```sh', 'curl -s localhost:3000', '```', '', '```output', 'Total requests: [N:requests+]', '```', '',
].join('\n');
const countPage = parsePage('content/count.mdx', countText).page;
const [countFirst, countSecond] = countPage.commands as [typeof countPage.commands[0], typeof countPage.commands[0]];

function countBook(selected?: ReadonlySet<string>) {
  const events: ReportEvent[] = [];
  const cases = createCaseBook([countPage], '28.5.2', 'content', (e) => events.push(e), selected);
  return { cases, events };
}

describe('the case book of a run of some cases', () => {
  it('every command is a case when nothing is selected', () => {
    expect(countBook().cases.names).toEqual(['content/count.mdx:8', 'content/count.mdx:16']);
  });

  it('an unselected command is no case: reported as set-up, and still binds its page\'s captures', () => {
    const { cases, events } = countBook(new Set([countSecond.id]));
    expect(cases.names).toEqual(['content/count.mdx:16']);
    cases.record(commandEnd(countFirst, 'Total requests: 9\n'), 'count');
    cases.record(commandEnd(countSecond, 'Total requests: 8\n'), 'count');
    const results = cases.finish(new Map());
    expect(events.map((e) => e.kind)).toEqual(['setup', 'case-end']);
    expect(events[0]).toEqual({ kind: 'setup', name: 'content/count.mdx:8', command: 'curl -s localhost:3000', snippet: 'count', exitCode: 0, durationMs: 420 });
    expect(results.map((r) => [r.name, r.status])).toEqual([['content/count.mdx:16', 'failed']]); // 8 is not more than the 9 bound before
  });

  it('an unselected command that never ran is no failure', () => {
    const { cases } = countBook(new Set([countFirst.id]));
    cases.record(commandEnd(countFirst, 'Total requests: 1\n'), 'count');
    expect(cases.finish(new Map([['count', 'stopped']])).map((r) => [r.name, r.status])).toEqual([['content/count.mdx:8', 'ok']]);
  });
});

// The run of steps 1 and 3 on Docker 20.10 (their real pages and captures), as the snippets report
// it: a case per command of a page with a snippet, in page order; a command that failed; a deadline;
// a command its snippet began and never ended.
describe('createCaseBook, steps 1 and 3 as their snippets report them', () => {
  const index = readPage('index'); // its one command (`npx zx snippets/step1.mjs`) is in no snippet
  const step1 = readLesson('step1');
  const redis = commandOf(step1, 'docker run -d --name redis-server redis');
  const ping = commandOf(step1, 'docker exec redis-server redis-cli ping');
  const engine = readCapture('engine-20.10/server-version.txt').trim();
  const run = (selected?: ReadonlySet<string>) => {
    const events: ReportEvent[] = [];
    return { events, cases: createCaseBook([index, step1, step3], engine, 'content', (e) => events.push(e), selected) };
  };
  const started = (command: typeof app): RunEvent => ({ kind: 'command-start', id: command.id, at: command.at, text: command.text, time: Date.now() });
  const passAll = (cases: ReturnType<typeof run>['cases']) => {
    cases.record(commandEnd(redis, readCapture('engine-20.10/run-redis.txt')), 'step1');
    cases.record(commandEnd(ping, 'PONG\n'), 'step1');
    cases.record(commandEnd(app, appOutput), 'step3');
    cases.record(commandEnd(curl1!, first), 'step3');
    cases.record(commandEnd(curl2!, second), 'step3');
  };

  it('has a case per command a snippet runs, across pages, named file:line in page order; every one passes', () => {
    const { cases, events } = run();
    expect(cases.names).toEqual(['content/step1.mdx:15', 'content/step1.mdx:40', 'content/step3.mdx:16', 'content/step3.mdx:42', 'content/step3.mdx:59']);
    cases.record({ kind: 'step-start', page: 'step1', snippet: 'step1', time: Date.now() }, 'step1'); // not a command: no case
    passAll(cases);
    const results = cases.finish(new Map([['step1', undefined], ['step3', undefined]]));
    expect(results.map((r) => [r.name, r.status, r.failure])).toEqual(cases.names.map((name) => [name, 'ok', undefined]));
    expect(events.map((e) => (e.kind === 'case-end' ? e.result.name : e.kind))).toEqual(cases.names); // each reported once, as it ended
  });

  it('a case whose command failed: the output the page shows, but an exit status it does not', () => {
    const { cases, events } = run();
    cases.record(commandEnd(app, appOutput, 125), 'step3');
    expect(events).toHaveLength(1); // reported when its command-end arrives, not at the end
    const [ended] = events;
    expect(ended?.kind === 'case-end' && ended.result).toMatchObject({
      name: 'content/step3.mdx:16',
      status: 'failed',
      failure: {
        message: 'content/step3.mdx:16: `docker run -d -p 3000:3000 --link redis-server:redis katacoda/redis-node-docker-example` exited with 125, the page expects 0',
        at: { file: 'content/step3.mdx', line: 16 },
        expected: 'exit 0',
        received: 'exit 125',
        cause: appOutput.trim(),
      },
    });
  });

  it('a case whose command failed with an error instead of its output: the diff against the block for this engine, and the update command', () => {
    const { cases } = run();
    const error = 'docker: Error response from daemon: driver failed programming external connectivity: Bind for 0.0.0.0:3000 failed: port is already allocated.\n';
    cases.record(commandEnd(app, error, 125), 'step3');
    const [result] = cases.finish(new Map()).filter((r) => r.name === 'content/step3.mdx:16');
    expect(result?.status).toBe('failed');
    expect(result?.failure?.message).toBe('content/step3.mdx:24: the output of `docker run -d -p 3000:3000 --link redis-server:redis katacoda/redis-node-docker-example` (content/step3.mdx:16) differs from the page');
    expect(result?.failure?.at).toEqual({ file: 'content/step3.mdx', line: 24 }); // the "<29.6" block: Docker 20.10's
    expect(result?.failure?.diff).toContain(error.trim());
    expect(result?.failure?.hint).toBe('npm run doctest -- --update content/step3.mdx');
  });

  it('a command stopped at its deadline is a timeout, naming the page\'s timeout', () => {
    const { cases } = run();
    cases.record({ ...commandEnd(curl1!, ''), exitCode: null, timedOut: true }, 'step3');
    const result = cases.finish(new Map()).find((r) => r.name === 'content/step3.mdx:42');
    expect(result?.status).toBe('timeout');
    expect(result?.failure?.message).toBe('content/step3.mdx:42: `curl localhost:3000` timed out after 60s (timeout=60) and was killed');
  });

  it('a case never reported is a failure: "started but did not finish" for the one in flight, "did not run" after it, each with its snippet\'s error', () => {
    const { cases } = run();
    cases.record(commandEnd(redis, readCapture('engine-20.10/run-redis.txt')), 'step1');
    cases.record(commandEnd(ping, 'PONG\n'), 'step1');
    cases.record(commandEnd(app, appOutput), 'step3');
    cases.record(started(curl1!), 'step3');
    const why = 'content/step3.mdx:42: no end after 60s';
    const results = cases.finish(new Map([['step1', undefined], ['step3', why]]));
    expect(results.map((r) => [r.name, r.status, r.failure?.message, r.failure?.cause])).toEqual([
      ['content/step1.mdx:15', 'ok', undefined, undefined],
      ['content/step1.mdx:40', 'ok', undefined, undefined],
      ['content/step3.mdx:16', 'ok', undefined, undefined],
      ['content/step3.mdx:42', 'not-run', 'content/step3.mdx:42: `curl localhost:3000` started but did not finish', why],
      ['content/step3.mdx:59', 'not-run', 'content/step3.mdx:59: `curl localhost:3000` did not run', why],
    ]);
  });

  it('a snippet that never started: each of its cases did not run, with why', () => {
    const { cases } = run();
    const redisOutput = readCapture('engine-20.10/run-redis.txt');
    cases.record(commandEnd(redis, redisOutput, 125), 'step1');
    const results = cases.finish(new Map([['step1', 'exited with 1'], ['step3', 'not started: the run was interrupted']]));
    expect(results.map((r) => [r.status, r.failure?.cause])).toEqual([
      ['failed', redisOutput.trim()], // its exit status; the cause is its last output
      ['not-run', 'exited with 1'], // the snippet ended after its first command failed
      ['not-run', 'not started: the run was interrupted'],
      ['not-run', 'not started: the run was interrupted'],
      ['not-run', 'not started: the run was interrupted'],
    ]);
  });

  it('a selected subset (ids): only those are cases; step 1 and the first curl, run before, are set-up that binds the count', () => {
    const { cases, events } = run(new Set([curl2!.id]));
    expect(cases.names).toEqual(['content/step3.mdx:59']);
    cases.record(commandEnd(redis, readCapture('engine-20.10/run-redis.txt')), 'step1');
    cases.record(commandEnd(app, appOutput), 'step3');
    cases.record(commandEnd(curl1!, second), 'step3'); // binds requests = 3
    cases.record(commandEnd(curl2!, second), 'step3'); // 3 again: not more than the count bound by the set-up
    expect(events.map((e) => (e.kind === 'setup' ? [e.kind, e.name, e.snippet, e.exitCode] : [e.kind]))).toEqual([
      ['setup', 'content/step1.mdx:15', 'step1', 0],
      ['setup', 'content/step3.mdx:16', 'step3', 0],
      ['setup', 'content/step3.mdx:42', 'step3', 0],
      ['case-end'],
    ]);
    const [result] = cases.finish(new Map());
    expect(result).toMatchObject({ name: 'content/step3.mdx:59', status: 'failed' });
    expect(result?.failure?.message).toBe('content/step3.mdx:62: the output of `curl localhost:3000` (content/step3.mdx:59) differs from the page');
  });

  it('the same captures, rising, pass the selected case; a set-up that is reported again (a replay) changes nothing', () => {
    const { cases, events } = run(new Set([curl2!.id]));
    cases.record(commandEnd(curl1!, first), 'step3'); // requests = 2
    cases.record(commandEnd(curl1!, second), 'step3'); // the same set-up again: ignored, 2 stays bound
    cases.record(commandEnd(curl1!, second), 'step4'); // step 3's command replayed by step 4's snippet: not this case book's
    cases.record(commandEnd(curl2!, second), 'step3'); // 3 > 2
    expect(events.map((e) => e.kind)).toEqual(['setup', 'case-end']);
    expect(cases.finish(new Map()).map((r) => [r.name, r.status])).toEqual([['content/step3.mdx:59', 'ok']]);
  });

  it('a case reported twice keeps its first result and is reported once', () => {
    const { cases, events } = run();
    cases.record(commandEnd(app, appOutput), 'step3');
    cases.record(commandEnd(app, 'not an id\n', 1), 'step3');
    expect(events).toHaveLength(1);
    expect(cases.finish(new Map()).find((r) => r.name === 'content/step3.mdx:16')?.status).toBe('ok');
  });
});
