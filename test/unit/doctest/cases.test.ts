import { describe, expect, it } from 'vitest';
import { createCaseBook } from '../../../scripts/doctest/cases.ts';
import type { ReportEvent } from '../../../scripts/doctest/events.ts';
import { parsePage } from '../../../scripts/page/parse.ts';
import { commandEnd } from './fixtures.ts';

const text = [
  '---', 'title: Count', 'description: d', 'snippet: count', '---', '',
  '```sh', 'curl -s localhost:3000', '```', '', '```output', 'Total requests: [N:requests]', '```', '',
  '```sh', 'curl -s localhost:3000', '```', '', '```output', 'Total requests: [N:requests+]', '```', '',
].join('\n');
const page = parsePage('content/count.mdx', text).page;
const [first, second] = page.commands as [typeof page.commands[0], typeof page.commands[0]];

function book(selected?: ReadonlySet<string>) {
  const events: ReportEvent[] = [];
  const cases = createCaseBook([page], '28.5.2', 'content', (e) => events.push(e), selected);
  return { cases, events };
}

describe('the case book of a run of some cases', () => {
  it('every command is a case when nothing is selected', () => {
    expect(book().cases.names).toEqual(['content/count.mdx:8', 'content/count.mdx:16']);
  });

  it('an unselected command is no case: reported as set-up, and still binds its page\'s captures', () => {
    const { cases, events } = book(new Set([second.id]));
    expect(cases.names).toEqual(['content/count.mdx:16']);
    cases.record(commandEnd(first, 'Total requests: 9\n'), 'count');
    cases.record(commandEnd(second, 'Total requests: 8\n'), 'count');
    const results = cases.finish(new Map());
    expect(events.map((e) => e.kind)).toEqual(['setup', 'case-end']);
    expect(events[0]).toEqual({ kind: 'setup', name: 'content/count.mdx:8', command: 'curl -s localhost:3000', snippet: 'count', exitCode: 0, durationMs: 420 });
    expect(results.map((r) => [r.name, r.status])).toEqual([['content/count.mdx:16', 'failed']]); // 8 is not more than the 9 bound before
  });

  it('an unselected command that never ran is no failure', () => {
    const { cases } = book(new Set([first.id]));
    cases.record(commandEnd(first, 'Total requests: 1\n'), 'count');
    expect(cases.finish(new Map([['count', 'stopped']])).map((r) => [r.name, r.status])).toEqual([['content/count.mdx:8', 'ok']]);
  });
});
