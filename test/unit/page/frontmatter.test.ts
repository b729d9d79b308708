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

const errorsOf = (...lines: string[]) => parseFrontmatter('content/step9.mdx', ['---', ...lines, '---', '']).errors.map(formatPageError);

describe('parseFrontmatter: every refusal at the line of its field', () => {
  it('a missing title or description at the top of the page', () => {
    expect(errorsOf('step: 1')).toEqual([
      'content/step9.mdx:1: the front matter has no title; add title: <page title>',
      'content/step9.mdx:1: the front matter has no description; add description: <one sentence for search results and link previews>',
    ]);
  });

  it('a field the page format does not have', () => {
    expect(errorsOf('title: T', 'description: D', 'need: [step1]')).toEqual([
      'content/step9.mdx:4: unknown front matter field `need`; write one of: title, description, step, snippet, needs, minutes (docs/page-format.md)',
    ]);
  });

  it('a step that is no whole number from 1', () => {
    expect(errorsOf('title: T', 'description: D', 'step: 0')).toEqual([
      'content/step9.mdx:4: step: 0 is not a step number (a whole number from 1); write step: 1',
    ]);
  });

  it('needs: a page name that is no text at its item, a value that is no list at the field', () => {
    expect(errorsOf('title: T', 'description: D', 'needs:', '  - step1', '  - 2')).toEqual([
      'content/step9.mdx:6: needs: 2 is not a page name; write needs: [step1]',
    ]);
    expect(errorsOf('title: T', 'description: D', 'needs: step1')).toEqual([
      'content/step9.mdx:4: needs: step1 is not a list of pages; write needs: [step1], or needs: [] for none',
    ]);
  });

  it('a line it cannot read, and a field written twice', () => {
    expect(errorsOf('title: T', 'description: D', 'snippet: a: b', 'step: 1', 'step: 2')).toEqual([
      'content/step9.mdx:4: snippet: a: b holds ": ", which YAML reads as another field; write it in quotes',
      'content/step9.mdx:6: step is in the front matter twice (also at line 5); keep one',
    ]);
  });

  it('keeps the fields that pass for the stages after it, and the line of needs', () => {
    const { frontmatter, needsLine } = parseFrontmatter('content/step9.mdx', ['---', 'title: T', 'step: x', 'needs: [step1]', '---']);
    expect(frontmatter).toEqual({ title: 'T', description: '', needs: ['step1'] });
    expect(needsLine).toBe(4);
  });
});
