// The case book of a run, on the real step 3 page and Docker 20.10's real captured output: each
// case compared as its command-end arrives, captures bound in page order, a command that is not
// selected reported as set-up (still binding its captures), a case that never ran a failure.
import { describe, expect, it } from 'vitest';
import { createCaseBook } from '../../../scripts/doctest/cases.ts';
import type { ReportEvent } from '../../../scripts/doctest/events.ts';
import { parsePage } from '../../../scripts/page/parse.ts';
import { commandEnd, commandOf, readCapture, readPage } from './fixtures.ts';

const step3 = readPage('step3');
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
