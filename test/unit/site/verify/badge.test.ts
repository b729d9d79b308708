import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describePageBadge } from '../../../../site/lib/verify/badge.ts';
import { emptyRecord, hashPage, mergeRun, type EngineRun, type ImageFact } from '../../../../scripts/verify/record.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const text = readFileSync(path.join(root, 'content/step2.mdx'), 'utf8');
const standIns: ImageFact[] = [
  { name: 'redis:latest', id: 'sha256:1', standIn: true },
  { name: 'alpine:latest', id: 'sha256:2', standIn: true },
  { name: 'katacoda/redis-node-docker-example:latest', id: 'sha256:3', standIn: false },
];

function run(engine: string, pageText: string, ok = true, images: ImageFact[] = standIns): EngineRun {
  return {
    engine,
    proof: 'live',
    client: '28.2.2',
    date: '2026-11-26T10:00:00.000Z',
    commit: 'abc1234',
    images,
    pages: { step2: { hash: hashPage(pageText), ok, failures: ok ? [] : ['content/step2.mdx:92'] } },
  };
}

describe('the badge under a page title', () => {
  it('names the engines that verified the text on disk, and the stand-in images those runs used', () => {
    const record = ['20.10.24', '26.1.5', '28.5.2'].reduce((r, engine) => mergeRun(r, run(engine, text)), emptyRecord());
    expect(describePageBadge(record, 'step2', text)).toEqual({
      state: 'verified',
      text: 'Verified live on Docker Engine 20.10.24, 26.1.5, 28.5.2, 2026-11-26',
      label: 'Verified',
      detail: 'live on Docker Engine 20.10.24, 26.1.5, 28.5.2, 2026-11-26',
      brief: '3 engines · 2026-11-26',
      note: 'Images: local stand-ins for alpine:latest, redis:latest.',
    });
  });

  it('an edit after the runs makes the page stale, however small', () => {
    const record = mergeRun(emptyRecord(), run('20.10.24', text));
    const badge = describePageBadge(record, 'step2', text.replace('three tiny containers', 'three small containers'));
    expect(badge.state).toBe('stale');
    expect(badge.text).toBe('Not verified since the last edit (last verified live on Docker Engine 20.10.24, 2026-11-26)');
    expect([badge.label, badge.detail, badge.brief]).toEqual([
      'Not verified since the last edit',
      'last verified live on Docker Engine 20.10.24, 2026-11-26',
      undefined,
    ]);
  });

  it('a failure on one engine is named, with the case, even when others passed', () => {
    let record = mergeRun(emptyRecord(), run('20.10.24', text));
    record = mergeRun(record, run('28.5.2', text, false, []));
    expect(describePageBadge(record, 'step2', text)).toEqual({
      state: 'failed',
      text: 'Failed live on Docker Engine 28.5.2 (passed live on 20.10.24): content/step2.mdx:92',
      label: 'Failed',
      detail: 'live on Docker Engine 28.5.2 (passed live on 20.10.24): content/step2.mdx:92',
      brief: 'on Docker 28.5.2',
      note: 'Images: local stand-ins for alpine:latest, redis:latest.',
    });
  });

  it('an engine proven against its captured output is named so; its entry adds no image note of its own', () => {
    let record = mergeRun(emptyRecord(), run('28.5.2', text, true, []));
    record = mergeRun(record, { ...run('29.7.2', text, true, []), proof: 'captures', captures: 'test/fixtures/engine-29.7', client: 'unknown', date: '2026-12-03T10:00:00.000Z' });
    expect(describePageBadge(record, 'step2', text)).toEqual({
      state: 'verified',
      text: "Verified live on Docker Engine 28.5.2 and against Docker 29.7.2's captured output, 2026-12-03",
      label: 'Verified',
      detail: "live on Docker Engine 28.5.2 and against Docker 29.7.2's captured output, 2026-12-03",
      brief: '2 engines · 2026-12-03',
    });
  });

  it('partly verified: the state first, how many engines and when in brief', () => {
    const record = mergeRun(emptyRecord(), {
      ...run('29.7.2', text, true, []),
      proof: 'captures',
      captures: 'test/fixtures/engine-29.7',
      pages: { step2: { hash: hashPage(text), ok: false, failures: [], cases: 3, uncovered: ['content/step2.mdx:90'] } },
    });
    expect(describePageBadge(record, 'step2', text)).toMatchObject({
      state: 'partial',
      label: 'Partly verified',
      detail: "against Docker 29.7.2's captured output for 2 of 3 commands, 2026-11-26",
      brief: '1 engine · 2026-11-26',
    });
  });

  it('with registry images and no runs it claims nothing and adds no note', () => {
    expect(describePageBadge(emptyRecord(), 'step2', text)).toEqual({ state: 'unverified', text: 'Not verified yet', label: 'Not verified yet' });
    const real = mergeRun(emptyRecord(), run('20.10.24', text, true, [standIns[2]!]));
    expect(describePageBadge(real, 'step2', text).note).toBeUndefined();
  });
});
