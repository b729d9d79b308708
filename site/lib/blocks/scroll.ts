// Whether an output or session block may scroll sideways, decided at build time from its lines:
// such a block is a tab stop (`tabindex="0"`), so a keyboard can scroll it, which axe asks of
// every scrollable region. The measure is the narrowest phone's: a line longer than a 360 px
// screen shows may scroll there. The scroll-focus script (site/scripts/scroll-focus.ts) then
// keeps the tab stop only on blocks that do scroll, at the reader's width.
import { isLinesWildcard } from '../../../scripts/doctest/tokens.ts';
import { MORE_LINES, splitRedactions } from './redactions.ts';

/** Characters of block text one line of a 360 px phone shows (320 px of block at 14 px monospace, less padding). */
export const PHONE_COLUMNS = 32;

/** How wide a line of an output block is, in characters: its text and recorded values, each placeholder as its chip's label and padding. */
export function measureLine(line: string, values?: readonly string[]): number {
  if (isLinesWildcard(line)) return MORE_LINES.label.length + 1;
  return splitRedactions(line, values).reduce(
    (width, segment) => width + (segment.kind === 'placeholder' ? segment.placeholder.label.length + 1 : [...segment.text.replace(/\t/g, '        ')].length),
    0,
  );
}

/** True when a line of `lines` (with the recorded `values` by line, if any) is wider than a phone shows (`columns` characters). */
export function mayScroll(lines: readonly string[], columns: number = PHONE_COLUMNS, values?: ReadonlyMap<number, string[]>): boolean {
  return lines.some((line, index) => measureLine(line, values?.get(index)) > columns);
}
