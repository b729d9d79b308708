import { describe, expect, it } from 'vitest';
import { decideBadge, describeBadge } from '../../../scripts/verify/badge.ts';
import { emptyRecord, hashPage, mergeRun, type EngineRun, type PageResult } from '../../../scripts/verify/record.ts';

const page = '---\ntitle: Link to it\n---\n\n```sh\ndocker run --link redis-server:redis alpine env\n```\n';
const hash = hashPage(page);

function run(engine: string, date: string, pageHash: string, ok = true): EngineRun {
  return {
    engine,
    proof: 'live',
    client: '28.2.2',
    date,
    commit: 'abc1234',
    images: [{ name: 'redis', id: 'sha256:1', standIn: true }],
    pages: { step2: { hash: pageHash, ok, failures: ok ? [] : ['content/step2.mdx:31'] } },
  };
}

/** An entry from `--captures`: `uncovered` cases of `cases` had no capture; `failures` failed. */
function captured(engine: string, date: string, pageHash: string, cases = 3, uncovered: string[] = [], failures: string[] = []): EngineRun {
  const result: PageResult = { hash: pageHash, ok: failures.length === 0 && uncovered.length === 0, failures, cases, uncovered };
  return { engine, proof: 'captures', captures: `test/fixtures/engine-${engine.split('.').slice(0, 2).join('.')}`, client: 'unknown', date, commit: 'abc1234', images: [], pages: { step2: result } };
}

const live = (...engines: string[]) => engines.map((engine) => ({ engine, proof: 'live' }));
const matrix = () =>
  [run('28.5.2', '2026-11-26T10:00:00Z', hash), run('20.10.24', '2026-11-26T09:00:00Z', hash), run('26.1.5', '2026-11-26T09:30:00Z', hash)].reduce(
    mergeRun,
    emptyRecord(),
  );

describe('decideBadge', () => {
  it('claims every engine that passed this exact page, in version order, with the latest date', () => {
    const badge = decideBadge(matrix(), 'step2', hash);
    expect(badge).toEqual({ state: 'verified', proven: live('20.10.24', '26.1.5', '28.5.2'), date: '2026-11-26T10:00:00Z' });
    expect(describeBadge(badge)).toBe('Verified live on Docker Engine 20.10.24, 26.1.5, 28.5.2, 2026-11-26');
  });

  it('a page result kept from an earlier run (a run of some cases) shows the date it was proven, not the entry\'s', () => {
    const entry = run('28.5.2', '2026-11-28T10:00:00Z', hash);
    const kept = { ...entry, pages: { step2: { ...entry.pages.step2!, date: '2026-11-26T10:00:00Z' } } };
    expect(decideBadge(mergeRun(emptyRecord(), kept), 'step2', hash)).toEqual({ state: 'verified', proven: live('28.5.2'), date: '2026-11-26T10:00:00Z' });
  });

  it('names an engine proven against its captured output as such, after the live ones', () => {
    const record = mergeRun(matrix(), captured('29.7.2', '2026-12-03T08:00:00Z', hash));
    const badge = decideBadge(record, 'step2', hash);
    expect(badge).toEqual({
      state: 'verified',
      proven: [...live('20.10.24', '26.1.5', '28.5.2'), { engine: '29.7.2', proof: 'captures' }],
      date: '2026-12-03T08:00:00Z',
    });
    const text = describeBadge(badge);
    expect(text).toBe("Verified live on Docker Engine 20.10.24, 26.1.5, 28.5.2 and against Docker 29.7.2's captured output, 2026-12-03");
    expect(text.length).toBeLessThan(120); // three lines on a phone at most
  });

  it('a page only partly captured says for how many of its commands, and is not a whole verification on its own', () => {
    const partial = captured('29.7.2', '2026-12-03T08:00:00Z', hash, 3, ['content/step2.mdx:58', 'content/step2.mdx:59']);
    const withLive = decideBadge(mergeRun(matrix(), partial), 'step2', hash);
    expect(withLive.state).toBe('verified');
    expect(describeBadge(withLive)).toBe(
      "Verified live on Docker Engine 20.10.24, 26.1.5, 28.5.2 and against Docker 29.7.2's captured output for 1 of 3 commands, 2026-12-03",
    );
    const alone = decideBadge(mergeRun(emptyRecord(), partial), 'step2', hash);
    expect(alone).toEqual({ state: 'partial', proven: [{ engine: '29.7.2', proof: 'captures', part: { checked: 1, of: 3 } }], date: '2026-12-03T08:00:00Z' });
    expect(describeBadge(alone)).toBe("Partly verified against Docker 29.7.2's captured output for 1 of 3 commands, 2026-12-03");
  });

  it('several captured engines read as one phrase', () => {
    const record = [captured('29.7.2', '2026-12-03T08:00:00Z', hash), captured('30.0.1', '2026-12-04T08:00:00Z', hash)].reduce(mergeRun, emptyRecord());
    expect(describeBadge(decideBadge(record, 'step2', hash))).toBe('Verified against the captured output of Docker 29.7.2, 30.0.1, 2026-12-04');
  });

  it('says "not verified since the last edit" when the page changed after every run, naming how each was proven', () => {
    let record = mergeRun(emptyRecord(), run('20.10.24', '2026-11-20T09:00:00Z', hash));
    const edited = hashPage(page + '\nOne more sentence.\n');
    expect(describeBadge(decideBadge(record, 'step2', edited))).toBe('Not verified since the last edit (last verified live on Docker Engine 20.10.24, 2026-11-20)');
    record = mergeRun(record, captured('29.7.2', '2026-11-21T09:00:00Z', hash, 3, ['content/step2.mdx:58']));
    const badge = decideBadge(record, 'step2', edited);
    expect(badge.state).toBe('stale');
    expect(describeBadge(badge)).toBe(
      "Not verified since the last edit (last verified live on Docker Engine 20.10.24 and against Docker 29.7.2's captured output for 2 of 3 commands, 2026-11-21)",
    );
  });

  it('names the engine that failed and the failing case, and does not claim the others as a pass of all', () => {
    let record = mergeRun(emptyRecord(), run('20.10.24', '2026-11-26T09:00:00Z', hash));
    record = mergeRun(record, run('28.5.2', '2026-11-26T10:00:00Z', hash, false));
    const badge = decideBadge(record, 'step2', hash);
    expect(describeBadge(badge)).toBe('Failed live on Docker Engine 28.5.2 (passed live on 20.10.24): content/step2.mdx:31');
  });

  it('a case that failed against a capture fails the page and names the engine as captured, even when part was not captured', () => {
    const record = mergeRun(matrix(), captured('29.7.2', '2026-12-03T08:00:00Z', hash, 3, ['content/step2.mdx:58'], ['content/step2.mdx:35']));
    const badge = decideBadge(record, 'step2', hash);
    expect(badge.state).toBe('failed');
    expect(describeBadge(badge)).toBe("Failed against Docker 29.7.2's captured output (passed live on 20.10.24, 26.1.5, 28.5.2): content/step2.mdx:35");
  });

  it('counts only runs of the current text: an old pass does not vouch for a new edit', () => {
    let record = mergeRun(emptyRecord(), run('20.10.24', '2026-11-26T09:00:00Z', hash));
    const edited = hashPage(page.replace('env', 'env | sort'));
    record = mergeRun(record, run('28.5.2', '2026-11-26T10:00:00Z', edited));
    expect(decideBadge(record, 'step2', edited)).toEqual({ state: 'verified', proven: live('28.5.2'), date: '2026-11-26T10:00:00Z' });
  });

  it('claims nothing for a page the record does not hold', () => {
    expect(describeBadge(decideBadge(emptyRecord(), 'step2', hash))).toBe('Not verified yet');
  });
});

describe('hashPage', () => {
  it('ignores line endings but not content', () => {
    expect(hashPage('a\r\nb\n')).toBe(hashPage('a\nb\n'));
    expect(hashPage('a\nb\n')).not.toBe(hashPage('a\nc\n'));
  });
});
