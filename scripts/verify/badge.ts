// What a page may claim, from the record and the page as it is now. Never more than the
// record holds: only runs of this exact page text count, and any failure is named.
import { compareVersions, type VerificationRecord } from './record.ts';

export type Badge =
  | { state: 'verified'; engines: string[]; date: string } // date: the latest of those runs
  | { state: 'failed'; failedOn: string[]; failures: string[]; passedOn: string[] }
  | { state: 'stale'; engines: string[]; date: string } // verified before, but the page changed since
  | { state: 'unverified' };

export function decideBadge(record: VerificationRecord, pageId: string, currentHash: string): Badge {
  const runs = Object.values(record.engines)
    .filter((run) => run.pages[pageId] !== undefined)
    .sort((a, b) => compareVersions(a.engine, b.engine));
  const current = runs.filter((run) => run.pages[pageId]?.hash === currentHash);
  const failed = current.filter((run) => !run.pages[pageId]?.ok);
  const passed = current.filter((run) => run.pages[pageId]?.ok);
  if (failed.length > 0) {
    return {
      state: 'failed',
      failedOn: failed.map((run) => run.engine),
      failures: failed.flatMap((run) => run.pages[pageId]?.failures ?? []),
      passedOn: passed.map((run) => run.engine),
    };
  }
  if (passed.length > 0) return { state: 'verified', engines: passed.map((run) => run.engine), date: latest(passed) };
  if (runs.length > 0) return { state: 'stale', engines: runs.map((run) => run.engine), date: latest(runs) };
  return { state: 'unverified' };
}

/** The sentence a page shows under its title. */
export function describeBadge(badge: Badge): string {
  switch (badge.state) {
    case 'verified':
      return `Verified on Docker Engine ${badge.engines.join(', ')} on ${badge.date.slice(0, 10)}`;
    case 'failed':
      return `Failed on Docker Engine ${badge.failedOn.join(', ')}` +
        (badge.passedOn.length > 0 ? ` (passed on ${badge.passedOn.join(', ')})` : '') +
        `: ${badge.failures.join(', ') || 'see the doc-test report'}`;
    case 'stale':
      return `Not verified since the last edit (last verified on Docker Engine ${badge.engines.join(', ')} on ${badge.date.slice(0, 10)})`;
    case 'unverified':
      return 'Not verified yet';
  }
}

function latest(runs: { date: string }[]): string {
  return runs.map((run) => run.date).sort().at(-1) ?? '';
}
