import { describe, expect, it } from 'vitest';
import { findPageNav, orderPages, type PageInfo } from '../../../../site/lib/nav/order.ts';

const page = (id: string, step?: number, title = id): PageInfo => ({ id, title, description: '', step });

describe('orderPages', () => {
  it('puts the index first, then steps by number, whatever the file order', () => {
    const ordered = orderPages([page('step2', 2), page('index'), page('step10', 10), page('step1', 1)]);
    expect(ordered.map((p) => [p.id, p.slug])).toEqual([
      ['index', ''],
      ['step1', 'step1'],
      ['step2', 'step2'],
      ['step10', 'step10'],
    ]);
  });

  it('puts a page without a step after the steps, by title (networks.mdx needs no code)', () => {
    const ordered = orderPages([page('networks', undefined, 'User-defined networks'), page('step1', 1), page('index'), page('faq', undefined, 'Questions')]);
    expect(ordered.map((p) => p.id)).toEqual(['index', 'step1', 'faq', 'networks']);
  });

  it('refuses two pages with the same step, naming both files', () => {
    expect(() => orderPages([page('step2', 2), page('links', 2)])).toThrow(
      'content/links.mdx: step 2 is also content/step2.mdx; give each page its own step number',
    );
  });
});

describe('findPageNav', () => {
  const ordered = orderPages([page('index'), page('step1', 1), page('step2', 2), page('step3', 3), page('step4', 4), page('networks')]);

  it('gives previous, next and "Step 2 of 4" on a step page', () => {
    const nav = findPageNav(ordered, 'step2');
    expect([nav.previous?.id, nav.next?.id, nav.position]).toEqual(['step1', 'step3', 'Step 2 of 4']);
  });

  it('has no position on the index or a non-step page, and no next on the last', () => {
    expect(findPageNav(ordered, 'index')).toMatchObject({ previous: undefined, position: undefined });
    expect(findPageNav(ordered, 'networks')).toMatchObject({ next: undefined, position: undefined });
    expect(findPageNav(ordered, 'step4').next?.id).toBe('networks');
  });

  it('names the known pages when asked for an unknown one', () => {
    expect(() => findPageNav(ordered, 'step9')).toThrow('no page "step9" among index, step1, step2, step3, step4, networks');
  });
});
