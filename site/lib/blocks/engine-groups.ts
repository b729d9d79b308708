// Which blocks of a page are one command's output for several engines: a run of adjacent ranged
// figures (`data-docker`, set by render-output.ts) of one kind and one command, only whitespace
// between them. The shiki transformer renders one fence at a time; this reads the whole page.
import type { Element, RootContent } from 'hast';

export interface VariantRun {
  start: number; // index of the first figure among its siblings
  end: number; // index of the last one (the whitespace between them is part of the run)
  figures: Element[]; // two or more, in page order: newest engine first
}

interface Variant {
  key: string; // "output 2/2": the kind of block and, under a block of several commands, its command
  range: string;
}

/** A ranged output or session figure's kind, command and range; undefined for anything else. */
export function readVariant(node: RootContent): Variant | undefined {
  if (node.type !== 'element' || node.tagName !== 'figure') return undefined;
  const range = node.properties?.dataDocker;
  const classes = node.properties?.className;
  if (typeof range !== 'string' || !Array.isArray(classes)) return undefined;
  const kind = classes.includes('block-output') ? 'output' : classes.includes('block-session') ? 'session' : undefined;
  if (!kind) return undefined;
  const owner = node.properties?.dataOwner;
  return { key: `${kind} ${typeof owner === 'string' ? owner : ''}`.trim(), range };
}

/**
 * The runs of two or more ranged blocks among `siblings`. A run ends at anything but whitespace,
 * at a block of another kind or command, and at a range it already holds (the next command's).
 */
export function findVariantRuns(siblings: readonly RootContent[]): VariantRun[] {
  const runs: VariantRun[] = [];
  let run: (VariantRun & { key: string; ranges: Set<string> }) | undefined;
  const close = (): void => {
    if (run && run.figures.length > 1) runs.push({ start: run.start, end: run.end, figures: run.figures });
    run = undefined;
  };
  siblings.forEach((node, index) => {
    if (node.type === 'text' && node.value.trim() === '') return;
    const variant = readVariant(node);
    if (run && variant && variant.key === run.key && !run.ranges.has(variant.range)) {
      run.end = index;
      run.figures.push(node as Element);
      run.ranges.add(variant.range);
      return;
    }
    close();
    if (variant) run = { start: index, end: index, figures: [node as Element], key: variant.key, ranges: new Set([variant.range]) };
  });
  close();
  return runs;
}
