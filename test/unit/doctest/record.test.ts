import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseRecordTarget, findPageImages, readPageTexts, writeVerification } from '../../../scripts/doctest/record.ts';
import { hashPage } from '../../../scripts/verify/record.ts';
import { failed, passed } from './report/results.ts';
import { readPage } from './fixtures.ts';

const root = path.resolve(import.meta.dirname, '../../..');

describe('where a run records what it proved', () => {
  const reports = path.join(root, 'reports/verification.json');
  const committed = path.join(root, 'verification/record.json');

  it('the guide\'s own pages: beside the JUnit report, starting from the committed record on a checkout\'s first run', () => {
    expect(chooseRecordTarget(root, 'content', 'reports/doctest-junit.xml', false, () => false)).toEqual({ file: reports, base: committed });
  });

  it('later runs of the checkout add up in reports/, never touching the committed record', () => {
    expect(chooseRecordTarget(root, 'content', 'reports/doctest-junit.xml', false, (file) => file === reports)).toEqual({ file: reports, base: reports });
  });

  it('--record: the committed verification/record.json, copied beside the JUnit report', () => {
    expect(chooseRecordTarget(root, 'content', 'reports/doctest-junit.xml', true, () => true)).toEqual({ file: committed, base: committed, copy: reports });
  });

  it('another content folder (a test\'s temporary copy) never writes the project\'s record', () => {
    const copy = path.join(os.tmpdir(), 'pages-x');
    const relative = path.relative(root, path.join(copy, 'content'));
    const target = chooseRecordTarget(root, relative, '/tmp/run-y/junit.xml');
    const file = path.join(copy, 'verification/record.json');
    expect(target).toEqual({ file, base: file, copy: '/tmp/run-y/verification.json' });
  });
});

describe('the entry a run writes', () => {
  it('hashes each page as read, names its images, merges the entry and copies the record', async () => {
    const pages = [readPage('step1'), readPage('step2')];
    const texts = await readPageTexts(root, pages);
    expect(texts[1]).toEqual({ id: 'step2', file: 'content/step2.mdx', hash: hashPage(readFileSync(path.join(root, 'content/step2.mdx'), 'utf8')) });
    expect(findPageImages(pages)).toEqual(['redis', 'alpine']);

    const dir = mkdtempSync(path.join(os.tmpdir(), 'record-run-'));
    const file = path.join(dir, 'verification/record.json');
    const target = { file, base: file, copy: path.join(dir, 'reports/verification.json') };
    const facts = { server: '28.5.2', client: '28.2.2', images: [], commit: 'unknown' };
    const { run } = await writeVerification(target, facts, texts, [passed, failed], new Date('2026-11-26T10:00:00Z'));
    const { at, written: hash, lines } = passed.example!; // the values the hosts file gave where it matched
    expect(run.pages).toEqual({ step2: { hash: texts[1]!.hash, ok: false, failures: ['content/step2.mdx:90'], examples: { [`${at.file}:${at.line}`]: { written: hash, lines } } } });
    const written = JSON.parse(readFileSync(target.file, 'utf8'));
    expect(Object.keys(written.engines)).toEqual(['28.5.2']);
    expect(readFileSync(target.copy, 'utf8')).toBe(readFileSync(target.file, 'utf8'));
  });

  it('starts from its base record and writes the merge to its file, leaving the base as it was', async () => {
    const texts = await readPageTexts(root, [readPage('step1')]);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'record-base-'));
    const committedFile = path.join(dir, 'verification/record.json');
    const facts = { server: '20.10.24', client: '28.2.2', images: [], commit: 'unknown' };
    await writeVerification({ file: committedFile, base: committedFile }, facts, texts, [], new Date('2026-11-26T10:00:00Z'));
    const before = readFileSync(committedFile, 'utf8');
    const reportsFile = path.join(dir, 'reports/verification.json');
    await writeVerification({ file: reportsFile, base: committedFile }, { ...facts, server: '28.5.2' }, texts, [], new Date('2026-11-27T10:00:00Z'));
    expect(readFileSync(committedFile, 'utf8')).toBe(before);
    expect(Object.keys(JSON.parse(readFileSync(reportsFile, 'utf8')).engines)).toEqual(['20.10.24', '28.5.2']);
  });
});

describe('the entry a run of some cases writes', () => {
  it('claims the pages it ran in full, and leaves the engine\'s other pages as recorded before', async () => {
    const pages = [readPage('step1'), readPage('step2')];
    const texts = await readPageTexts(root, pages);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'record-some-'));
    const file = path.join(dir, 'verification/record.json');
    const target = { file, base: file, copy: path.join(dir, 'reports/verification.json') };
    const facts = { server: '28.5.2', client: '28.2.2', images: [], commit: 'unknown' };
    await writeVerification(target, facts, texts, [passed], new Date('2026-11-26T10:00:00Z')); // a whole run: step2 proven
    const some = { kind: 'some' as const, files: [] }; // e.g. --grep hosts: one case of step2, no page in full
    const { run, kept } = await writeVerification(target, facts, texts, [failed], new Date('2026-11-28T10:00:00Z'), { kind: 'live' }, some);
    expect(kept).toEqual(['step2']);
    const { at, written, lines } = passed.example!;
    const examples = { [`${at.file}:${at.line}`]: { written, lines } }; // kept with the page they were proven with
    expect(run.pages).toEqual({ step2: { hash: texts[1]!.hash, ok: true, failures: [], examples, date: '2026-11-26T10:00:00.000Z' } });
    expect(JSON.parse(readFileSync(target.file, 'utf8')).engines['28.5.2'].pages).toEqual(run.pages);
  });
});
