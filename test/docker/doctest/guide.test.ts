// The whole guide against the engine, once; then one test per case, titled by its file:line.
// A case that did not run fails (never a skip): when the run could not start, every case fails
// with the reason (beforeAll does not throw, which would mark them skipped).
import { beforeAll, describe, expect, it } from 'vitest';
import { discoverPages } from '../../../scripts/page/discover.ts';
import type { CaseResult } from '../../../scripts/doctest/events.ts';
import { formatConsoleEvent } from '../../../scripts/doctest/report/console.ts';
import { root, runDoctest, withGuideLock } from './helpers.ts';

const { pages } = await discoverPages(root);
const cases = pages.flatMap((p) => p.commands.filter((c) => c.snippet !== undefined)).map((c) => `${c.at.file}:${c.at.line}`);
const results = new Map<string, CaseResult>();
let stoppedBecause = '';

describe('the guide, proven against the engine', () => {
  beforeAll(async () => {
    const run = await withGuideLock(() => runDoctest([]));
    for (const event of run.events) if (event.kind === 'case-end') results.set(event.result.name, event.result);
    const stopped = run.events.find((e) => e.kind === 'run-error');
    if (stopped) stoppedBecause = `npm run doctest stopped before running the cases:\n${formatConsoleEvent(stopped)}`;
  });

  it('has cases to prove', () => {
    expect(cases.length).toBeGreaterThan(5);
  });

  it.each(cases)('%s', (name) => {
    const result = results.get(name);
    if (!result) throw new Error(stoppedBecause || `${name}: the doc-test reported nothing for this case`);
    if (result.status !== 'ok') throw new Error(formatConsoleEvent({ kind: 'case-end', result }));
    expect(result.status).toBe('ok');
  });
});
