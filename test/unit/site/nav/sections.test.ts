import { describe, expect, it } from 'vitest';
import { findSections, MIN_SECTIONS } from '../../../../site/lib/nav/sections.ts';

const h2 = (text: string) => ({ depth: 2, slug: text.toLowerCase().replace(/\s+/g, '-'), text });

describe('findSections', () => {
  it('lists the h2 sections of a long page, in order, without their subsections', () => {
    const headings = [h2('The warning first'), { depth: 3, slug: 'why', text: 'Why' }, h2('The hosts file'), h2('Reaching it by name'), h2('Why an alias')];
    expect(findSections(headings)).toEqual([
      { slug: 'the-warning-first', text: 'The warning first' },
      { slug: 'the-hosts-file', text: 'The hosts file' },
      { slug: 'reaching-it-by-name', text: 'Reaching it by name' },
      { slug: 'why-an-alias', text: 'Why an alias' },
    ]);
  });

  it(`lists none on a short page (fewer than ${MIN_SECTIONS} sections)`, () => {
    expect(findSections([h2('Start the app'), h2('Test the connection'), h2('Clean up')])).toEqual([]);
    expect(findSections([h2('A'), h2('B')], 2)).toHaveLength(2);
  });
});
