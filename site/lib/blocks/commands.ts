// What a command block gives the reader: the exact text the copy button copies, and where each
// command starts (a shown, not copied, prompt marks it).

/** What the copy button puts in the clipboard: the block's commands exactly, continuations kept. */
export function takeCopyText(source: string): string {
  return source.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
}

/** Which lines start a command (a line after one ending in `\` continues it): for the visual prompt. */
export function findCommandStarts(source: string): boolean[] {
  const lines = takeCopyText(source).split('\n');
  return lines.map((_, index) => index === 0 || !/\\\s*$/.test(lines[index - 1] ?? ''));
}
