import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDockerRange, describeSnippet } from '../../../../site/lib/blocks/labels.ts';

/** The rows of docs/page-format.md's table of ranges and their tabs: [range, tab]. */
function documentedTabs(): [string, string][] {
  const text = readFileSync(join(import.meta.dirname, '../../../../docs/page-format.md'), 'utf8');
  const table = text.slice(text.indexOf('| range | tab |'));
  const rows = table.slice(0, table.indexOf('\n\n')).split('\n').slice(2);
  return rows.flatMap((row) => {
    const [ranges = '', tab = ''] = row.split('|').slice(1, 3);
    return [...ranges.matchAll(/`([^`]+)`/g)].map((m): [string, string] => [m[1] ?? '', tab.trim()]);
  });
}

describe('describeDockerRange', () => {
  it.each([
    // the guide's tabs, newest first
    ['>=29.6 <30', 'Docker 29.6 – 29.x'],
    ['>=29 <29.6', 'Docker 29.0 – 29.5'],
    ['>=28 <29.6', 'Docker 28.0 – 29.5'],
    ['<29', 'Docker 28.x and earlier'],
    ['<28', 'Docker 27.x and earlier'],
    // one bound
    ['>=28', 'Docker 28.0 and later'],
    ['>=28.5', 'Docker 28.5 and later'],
    ['>=28.5.2', 'Docker 28.5.2 and later'],
    ['<29.6', 'Docker 29.5 and earlier'],
    ['<29.6.3', 'Docker 29.6.2 and earlier'],
    ['<29.0.0', 'Docker 28.x and earlier'],
    // bounds as the doc-tests compare them: a missing part is 0
    ['>28', 'Docker 28.0.1 and later'],
    ['>29.5', 'Docker 29.5.1 and later'],
    ['<=27', 'Docker 27.0.0 and earlier'],
    ['<=29.5.2', 'Docker 29.5.2 and earlier'],
    ['>=26 <=28.5.2', 'Docker 26.0 – 28.5.2'],
    // a whole major or minor, however it is written
    ['>=29 <30', 'Docker 29.x'],
    ['>=29.5 <29.6', 'Docker 29.5.x'],
    ['=28', 'Docker 28.x'],
    ['28.5', 'Docker 28.5.x'],
    ['26.1.5', 'Docker 26.1.5'],
    // a top inside the start's minor names it whole
    ['>=29.5.2 <29.6', 'Docker 29.5.2 – 29.5.x'],
    ['>=26 <28', 'Docker 26.0 – 27.x'],
    // written loosely, or with alternatives
    ['>= 29  < 30', 'Docker 29.x'],
    ['v28.5', 'Docker 28.5.x'],
    ['>=28 >=28.5 <30 <29.6', 'Docker 28.5 – 29.5'],
    ['20.10 || >=28', 'Docker 20.10.x or 28.0 and later'],
  ])('%s reads as "%s"', (range, label) => {
    expect(describeDockerRange(range)).toBe(label);
  });

  it('shows a range it cannot phrase, or one that holds no version, as written', () => {
    expect(describeDockerRange('^28 || ~26')).toBe('Docker ^28 || ~26');
    expect(describeDockerRange('>=30 <29')).toBe('Docker >=30 <29');
    expect(describeDockerRange('>=29 <29')).toBe('Docker >=29 <29');
    expect(describeDockerRange('<0')).toBe('Docker <0');
    expect(describeDockerRange(' ')).toBe('Docker ');
  });
});

describe('the table of tabs in docs/page-format.md', () => {
  const rows = documentedTabs();

  it('has rows', () => {
    expect(rows.length).toBeGreaterThan(5);
  });

  it.each(rows)('%s is "%s"', (range, tab) => {
    expect(describeDockerRange(range)).toBe(tab);
  });
});

describe('describeSnippet', () => {
  it('names the command that runs the snippet', () => {
    expect(describeSnippet('cleanup')).toBe('npx zx snippets/cleanup.mjs');
  });
});
