import { describe, expect, it } from 'vitest';
import { planSnippets, runInOrder } from '../../../scripts/doctest/plan.ts';
import { readPage } from './fixtures.ts';

const pages = ['index', 'step1', 'step2', 'step3', 'step4'].map(readPage);
const plans = planSnippets(pages, 'snippets');

describe('planSnippets', () => {
  it('one snippet per step page, then the errors provoked after all of them, cleanup last', () => {
    expect(plans.map((p) => [p.name, p.needs])).toEqual([
      ['step1', []],
      ['troubleshoot', ['step1', 'step2', 'step3', 'step4']],
      ['step2', ['step1']],
      ['step3', ['step1']],
      ['step4', ['step3']],
      ['cleanup', ['step1', 'step2', 'step3', 'step4', 'troubleshoot']],
    ]);
  });

  it('runs the errors after the pages they are provoked on, beside a page they do not touch (networks); the clean-up after all', () => {
    const withNetworks = planSnippets([...pages, readPage('networks')], 'snippets');
    const needsOf = (name: string) => withNetworks.find((p) => p.name === name)!.needs;
    expect(needsOf('networks')).toEqual([]);
    expect(needsOf('troubleshoot')).toEqual(['step1', 'step2', 'step3', 'step4']);
    expect(needsOf('cleanup')).toEqual(['step1', 'step2', 'step3', 'step4', 'networks', 'troubleshoot']);
  });

  it('gives troubleshoot a deadline covering its commands and every step it sets up', () => {
    const troubleshoot = plans.find((p) => p.name === 'troubleshoot')!;
    expect(troubleshoot.commands.map((c) => c.at.line)).toEqual([62, 84, 190, 208, 209, 235, 94, 126, 110]);
    expect(troubleshoot.deadlineMs).toBe((9 * 60 + 2 * 60 + 3 * 60 + 3 * 60 + 30) * 1000 + 15_000); // 9 errors; step 1 (redis, its check), 2, 3 (app, 2 curls), 4 (session) replayed
  });

  it('gives a snippet a deadline covering its commands and the set-up it replays', () => {
    const step4 = plans.find((p) => p.name === 'step4')!;
    expect(step4.deadlineMs).toBe((30 + 60 + 60 + 60 + 60 + 60) * 1000 + 15_000); // session; redis, its check, app, 2 curls replayed
  });
});

describe('runInOrder', () => {
  it('runs step2 and step3 together after step1, step4 after step3, cleanup last; prepares each once its needs started', async () => {
    const log: string[] = [];
    const running = new Set<string>();
    let together = false;
    await runInOrder(
      plans,
      (plan) => log.push(`prepare ${plan.name}`),
      async (plan) => {
        running.add(plan.name);
        if (running.has('step2') && running.has('step3')) together = true;
        log.push(`run ${plan.name}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running.delete(plan.name);
      },
    );
    const runs = log.filter((l) => l.startsWith('run'));
    expect(runs[0]).toBe('run step1');
    expect(runs.at(-1)).toBe('run cleanup');
    expect(runs.at(-2)).toBe('run troubleshoot'); // after every step, before the clean-up
    expect(runs.indexOf('run step4')).toBeGreaterThan(runs.indexOf('run step3'));
    expect(together).toBe(true);
    expect(log.indexOf('prepare step4')).toBeGreaterThan(log.indexOf('run step3')); // once step3 started...
    expect(log.indexOf('prepare step4')).toBeLessThan(log.indexOf('run step4')); // ...before step4 may run
    expect(log.filter((l) => l.startsWith('prepare'))).toHaveLength(6);
  });
});
