// Every run writes its engine's entry in a verification record: a run of the guide's own pages
// writes verification/record.json; a run of another content folder (here, temporary copies)
// writes the record beside that folder and never touches the project's.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashPage, parseRecord } from '../../../scripts/verify/record.ts';
import { makeContent, pageName, root, startDoctest, withGuideLock } from './helpers.ts';

const projectRecord = path.join(root, 'verification/record.json');
const readProjectRecord = () => (existsSync(projectRecord) ? readFileSync(projectRecord, 'utf8') : 'absent');

describe('the verification record a run writes', () => {
  it('a failing run records which page failed on this engine, with the case and the page as verified', async () => {
    const content = makeContent(['step1.mdx', 'step2.mdx']);
    const step2 = path.join(content, 'step2.mdx');
    writeFileSync(step2, readFileSync(step2, 'utf8').replaceAll('HOME=/root', 'HOME=/nowhere'));
    const projectBefore = readProjectRecord();

    let junitFile = '';
    const run = await withGuideLock(() => {
      const started = startDoctest(['--content', content]); // started only once the lock is held
      junitFile = started.junitFile;
      return started.done;
    });
    expect(run.exitCode).toBe(1);
    const start = run.events.find((e) => e.kind === 'run-start');
    const recorded = run.events.find((e) => e.kind === 'recorded');
    const file = path.join(path.dirname(content), 'verification/record.json');
    expect(recorded).toMatchObject({ kind: 'recorded', file: path.relative(root, file), pages: 2 });

    const record = parseRecord(readFileSync(file, 'utf8'), file);
    const engine = Object.values(record.engines);
    expect(engine).toHaveLength(1);
    expect(start?.kind === 'run-start' && start.engine.startsWith(engine[0]!.engine)).toBe(true);
    expect(engine[0]!.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(engine[0]!.client).toMatch(/^\d+\.\d+\.\d+/); // the docker CLI's own version
    expect(engine[0]!.images.map((i) => i.name).sort()).toEqual(['alpine', 'redis']);
    expect(engine[0]!.images.every((i) => i.id.startsWith('sha256:'))).toBe(true);
    expect(Object.keys(engine[0]!.pages).sort()).toEqual(['step1', 'step2']);
    expect(engine[0]!.pages).toMatchObject({
      step1: { hash: hashPage(readFileSync(path.join(content, 'step1.mdx'), 'utf8')), ok: true, failures: [] },
      step2: { hash: hashPage(readFileSync(step2, 'utf8')), ok: false, failures: [`${pageName(content, 'step2.mdx')}:33`] },
    });
    // what the tokens of the blocks that matched stood for in this run: step 1's container id
    const step1Values = Object.values(engine[0]!.pages.step1!.examples ?? {}).flatMap((block) => Object.values(block.lines).flat());
    expect(step1Values.some((value) => /^[0-9a-f]{64}$/.test(value))).toBe(true);
    const copy = path.join(path.dirname(junitFile), 'verification.json'); // the run's reports
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(file, 'utf8'));
    expect(readProjectRecord()).toBe(projectBefore);
  });
});
