// Human-readable captions from a block's options: the engine range of an output block, the
// snippet note of a command block. The raw options (`ready=`, `timeout=`...) are never shown.
import { compareVersions, readRange, type Span, type Top, type Version } from '../../../scripts/doctest/engine-range.ts';

/**
 * The engines a `docker=` range holds, short and never more than it holds: `>=29.6 <30` ->
 * "Docker 29.6 – 29.x", `>=29 <29.6` -> "Docker 29.0 – 29.5", `<29` -> "Docker 28.x and earlier",
 * `>=28` -> "Docker 28.0 and later", `=28` -> "Docker 28.x". Bounds mean what the doc-tests make
 * of them (scripts/doctest/engine-range.ts): `<=27` is "27.0.0 and earlier". A range it refuses,
 * a page error the build stops on, is shown as written.
 */
export function describeDockerRange(range: string): string {
  const reading = readRange(range);
  if (!reading.ok) return `Docker ${range.trim()}`;
  return `Docker ${reading.spans.map(describeSpan).join(' or ')}`;
}

function describeSpan({ lowest, hasLower, top }: Span): string {
  const from = lowest[2] === 0 ? `${lowest[0]}.${lowest[1]}` : lowest.join('.');
  if (!top) return `${from} and later`;
  if (isWholeTop(lowest, top)) return describeTop(top, true);
  const to = describeTop(top, top.kind === 'minor' && lowest[0] === top.major && lowest[1] === top.minor);
  return hasLower ? `${from} – ${to}` : `${to} and earlier`;
}

/** True when the span is exactly its top: `>=29 <30` is all of 29.x, `>=29.5 <29.6` all of 29.5.x. */
function isWholeTop(lowest: Version, top: Top): boolean {
  if (top.kind === 'version') return compareVersions(lowest, top.version) === 0;
  if (top.kind === 'minor') return compareVersions(lowest, [top.major, top.minor, 0]) === 0;
  return compareVersions(lowest, [top.major, 0, 0]) === 0;
}

/** "29.x", "29.5" (or "29.5.x" after a start inside 29.5), "29.5.2". */
function describeTop(top: Top, whole: boolean): string {
  if (top.kind === 'version') return top.version.join('.');
  if (top.kind === 'minor') return whole ? `${top.major}.${top.minor}.x` : `${top.major}.${top.minor}`;
  return `${top.major}.x`;
}

/** The note under a command block that goes to another snippet: "Also in: npx zx snippets/cleanup.mjs". */
export function describeSnippet(snippet: string): string {
  return `npx zx snippets/${snippet}.mjs`;
}
