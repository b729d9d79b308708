// The engine a reader who picks a tab most likely runs, for the engine-tabs script: from the spans
// of its range as the doc-tests read them (scripts/doctest/engine-range.ts). Pure.
import { compareVersions, readRange, type Span, type Version } from '../../../scripts/doctest/engine-range.ts';

/**
 * As `29.6.0`: the range's lower bound, or for a range with none (`<29`, "28.x and earlier") the
 * start of its top, 28.0.0: a version it holds, where 0.0.0 would be no engine at all. Of several
 * alternatives, the lowest. Undefined for a range the page check refuses.
 */
export function findReaderEngine(range: string): string | undefined {
  const reading = readRange(range);
  if (!reading.ok) return undefined;
  return reading.spans.map(startOf).sort(compareVersions)[0]?.join('.');
}

function startOf({ lowest, hasLower, top }: Span): Version {
  if (hasLower || !top) return lowest;
  if (top.kind === 'version') return top.version;
  return top.kind === 'minor' ? [top.major, top.minor, 0] : [top.major, 0, 0];
}
