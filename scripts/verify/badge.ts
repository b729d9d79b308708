// What a page may claim, from the record and the page as it is now. Never more than the
// record holds: only runs of this exact page text count, each engine is named with how it was
// proven (live, or against its captured output, and then for how many of the page's commands),
// and any failure is named.
import { compareVersions, type EngineRun, type Proof, type VerificationRecord } from './record.ts';

/** One engine's run of the page: how it was proven, and, from captures, whether only in part. */
export interface Claim {
  engine: string;
  proof: Proof;
  part?: { checked: number; of: number }; // captures covered only `checked` of the page's `of` commands
}

export type Badge =
  | { state: 'verified'; proven: Claim[]; date: string } // date: the latest of those runs; at least one covered every command
  | { state: 'partial'; proven: Claim[]; date: string } // every run of this text passed, but each covered only some commands
  | { state: 'failed'; failedOn: Claim[]; failures: string[]; passedOn: Claim[] }
  | { state: 'stale'; proven: Claim[]; date: string } // verified before, but the page changed since
  | { state: 'unverified' };

export function decideBadge(record: VerificationRecord, pageId: string, currentHash: string): Badge {
  const runs = Object.values(record.engines)
    .filter((run) => run.pages[pageId] !== undefined)
    .sort((a, b) => compareVersions(a.engine, b.engine));
  const current = runs.filter((run) => run.pages[pageId]?.hash === currentHash);
  const claim = (run: EngineRun): Claim => claimOf(run, pageId);
  const failed = current.filter((run) => {
    const page = run.pages[pageId]!;
    return page.failures.length > 0 || (!page.ok && !(page.uncovered?.length));
  });
  const passed = current.filter((run) => !failed.includes(run));
  if (failed.length > 0) {
    return {
      state: 'failed',
      failedOn: failed.map(claim),
      failures: failed.flatMap((run) => run.pages[pageId]?.failures ?? []),
      passedOn: passed.map(claim),
    };
  }
  if (passed.length > 0) {
    const proven = passed.map(claim);
    return { state: proven.some((c) => !c.part) ? 'verified' : 'partial', proven, date: latest(passed, pageId) };
  }
  if (runs.length > 0) return { state: 'stale', proven: runs.map(claim), date: latest(runs, pageId) };
  return { state: 'unverified' };
}

function claimOf(run: EngineRun, pageId: string): Claim {
  const page = run.pages[pageId]!;
  const uncovered = page.uncovered?.length ?? 0;
  if (uncovered === 0) return { engine: run.engine, proof: run.proof };
  const of = page.cases ?? uncovered;
  return { engine: run.engine, proof: run.proof, part: { checked: Math.max(0, of - uncovered), of } };
}

/** The sentence a page shows under its title. */
export function describeBadge(badge: Badge): string {
  const day = (date: string) => date.slice(0, 10);
  switch (badge.state) {
    case 'verified':
      return `Verified ${describeClaims(badge.proven)}, ${day(badge.date)}`;
    case 'partial':
      return `Partly verified ${describeClaims(badge.proven)}, ${day(badge.date)}`;
    case 'failed':
      return `Failed ${describeClaims(badge.failedOn, { parts: false })}` +
        (badge.passedOn.length > 0 ? ` (passed ${describeClaims(badge.passedOn, { short: true })})` : '') +
        `: ${badge.failures.join(', ') || 'see the doc-test report'}`;
    case 'stale':
      return `Not verified since the last edit (last verified ${describeClaims(badge.proven)}, ${day(badge.date)})`;
    case 'unverified':
      return 'Not verified yet';
  }
}

/**
 * "live on Docker Engine 20.10.24, 26.1.5 and against Docker 29.7.2's captured output": the
 * live runs first (in version order), then the captured ones; a capture that covered only part
 * of the page says how much. `short` drops "Docker Engine" before live versions.
 */
export function describeClaims(claims: Claim[], { short = false, parts = true } = {}): string {
  const live = claims.filter((c) => c.proof === 'live').map((c) => c.engine);
  const whole = claims.filter((c) => c.proof === 'captures' && (!parts || !c.part)).map((c) => c.engine);
  const partly = parts ? claims.filter((c) => c.proof === 'captures' && c.part) : [];
  const phrases: string[] = [];
  if (live.length > 0) phrases.push(`live on ${short ? '' : 'Docker Engine '}${live.join(', ')}`);
  if (whole.length === 1) phrases.push(`against Docker ${whole[0]}'s captured output`);
  if (whole.length > 1) phrases.push(`against the captured output of Docker ${whole.join(', ')}`);
  for (const c of partly) phrases.push(`against Docker ${c.engine}'s captured output for ${c.part!.checked} of ${c.part!.of} commands`);
  return phrases.join(' and ');
}

/** The latest date the page was proven: its own (a result kept from an earlier run), or its run's. */
function latest(runs: EngineRun[], pageId: string): string {
  return runs.map((run) => run.pages[pageId]?.date ?? run.date).sort().at(-1) ?? '';
}
