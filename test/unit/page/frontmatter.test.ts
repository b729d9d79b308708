import { describe, expect, it } from 'vitest';
import { formatPageError } from '../../../scripts/page/discover.ts';
import { parseFrontmatter } from '../../../scripts/page/frontmatter.ts';

const read = (...lines: string[]) => parseFrontmatter('content/step9.mdx', ['---', 'title: T', 'description: D', ...lines, '---', '']);

describe('parseFrontmatter: minutes', () => {
  it('reads how long a page takes, in whole minutes', () => {
    const { frontmatter, errors } = read('step: 9', 'minutes: 5');
    expect(errors).toEqual([]);
    expect(frontmatter).toEqual({ title: 'T', description: 'D', step: 9, needs: [], minutes: 5 });
  });

  it('is optional: a page without it has none', () => {
    expect(read('step: 9').frontmatter.minutes).toBeUndefined();
  });

  it.each(['five', '2.5', '0', '-3'])('refuses minutes: %s, naming the line and what to write', (value) => {
    const { frontmatter, errors } = read(`minutes: ${value}`);
    expect(frontmatter.minutes).toBeUndefined();
    expect(errors.map(formatPageError)).toEqual([`content/step9.mdx:4: minutes: ${value} is not a whole number of minutes; write minutes: 5`]);
  });
});
