import { describe, expect, it } from 'vitest';
import { decideBadge, describeBadge } from '../../../scripts/verify/badge.ts';
import { emptyRecord, hashPage, mergeRun, type EngineRun } from '../../../scripts/verify/record.ts';

const page = '---\ntitle: Link to it\n---\n\n```sh\ndocker run --link redis-server:redis alpine env\n```\n';
const hash = hashPage(page);

function run(engine: string, date: string, pageHash: string, ok = true): EngineRun {
  return {
    engine,
    client: '28.2.2',
    date,
    commit: 'abc1234',
    images: [{ name: 'redis', id: 'sha256:1', standIn: true }],
    pages: { step2: { hash: pageHash, ok, failures: ok ? [] : ['content/step2.mdx:31'] } },
  };
}

describe('decideBadge', () => {
  it('claims every engine that passed this exact page, in version order, with the latest date', () => {
    let record = emptyRecord();
    record = mergeRun(record, run('28.5.2', '2026-11-26T10:00:00Z', hash));
    record = mergeRun(record, run('20.10.24', '2026-11-26T09:00:00Z', hash));
    record = mergeRun(record, run('26.1.5', '2026-11-26T09:30:00Z', hash));
    const badge = decideBadge(record, 'step2', hash);
    expect(badge).toEqual({ state: 'verified', engines: ['20.10.24', '26.1.5', '28.5.2'], date: '2026-11-26T10:00:00Z' });
    expect(describeBadge(badge)).toBe('Verified on Docker Engine 20.10.24, 26.1.5, 28.5.2 on 2026-11-26');
  });

  it('says "not verified since the last edit" when the page changed after every run', () => {
    const record = mergeRun(emptyRecord(), run('20.10.24', '2026-11-20T09:00:00Z', hash));
    const edited = hashPage(page + '\nOne more sentence.\n');
    const badge = decideBadge(record, 'step2', edited);
    expect(badge.state).toBe('stale');
    expect(describeBadge(badge)).toBe(
      'Not verified since the last edit (last verified on Docker Engine 20.10.24 on 2026-11-20)',
    );
  });

  it('names the engine that failed and the failing case, and does not claim the others as a pass of all', () => {
    let record = mergeRun(emptyRecord(), run('20.10.24', '2026-11-26T09:00:00Z', hash));
    record = mergeRun(record, run('28.5.2', '2026-11-26T10:00:00Z', hash, false));
    const badge = decideBadge(record, 'step2', hash);
    expect(describeBadge(badge)).toBe('Failed on Docker Engine 28.5.2 (passed on 20.10.24): content/step2.mdx:31');
  });

  it('counts only runs of the current text: an old pass does not vouch for a new edit', () => {
    let record = mergeRun(emptyRecord(), run('20.10.24', '2026-11-26T09:00:00Z', hash));
    const edited = hashPage(page.replace('env', 'env | sort'));
    record = mergeRun(record, run('28.5.2', '2026-11-26T10:00:00Z', edited));
    expect(decideBadge(record, 'step2', edited)).toEqual({
      state: 'verified',
      engines: ['28.5.2'],
      date: '2026-11-26T10:00:00Z',
    });
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
