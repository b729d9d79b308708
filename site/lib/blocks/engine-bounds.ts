// A `docker=` range read as the versions it holds, for its label and the engine-tabs script:
// each alternative (`||`) as its lowest version and its top. The meaning is exactly that of
// `satisfies` (scripts/doctest/engine-range.ts), which decides what the doc-tests run:
// versions compare as [major, minor, patch], a missing part is 0, so `>29.5` starts at 29.5.1
// and `<=29.5` ends at 29.5.0; `=28` (or `28`) is every 28.x.

export type Version = readonly [number, number, number];

/** The top of an alternative: a version it holds (`<=29.5.2`), or one just below a bound (`<29.6`). */
export type Top =
  | { kind: 'version'; version: Version } // up to and including this version
  | { kind: 'minor'; major: number; minor: number } // every X.Y.z
  | { kind: 'major'; major: number }; // every X.y.z

export interface Span {
  lowest: Version; // the lowest version held ([0, 0, 0] when the range names no lower bound)
  hasLower: boolean;
  top?: Top | undefined; // undefined: no upper bound
}

const COMPARATOR = /^(>=|<=|>|<|=)?v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/;

/** Each alternative of `range` as a span; undefined when any part cannot be read or holds no version. */
export function readSpans(range: string): Span[] | undefined {
  const spans = range.split('||').map(readAlternative);
  return spans.every((span): span is Span => span !== undefined) && spans.length > 0 ? spans : undefined;
}

/**
 * The engine a reader who picks this range most likely runs, as `29.6.0`: its lower bound, or
 * for a range with none (`<29`, "28.x and earlier") the start of its top, 28.0.0: a version it
 * holds, where 0.0.0 would be no engine at all. Of several alternatives, the lowest.
 */
export function findReaderEngine(range: string): string | undefined {
  const spans = readSpans(range);
  if (!spans) return undefined;
  return spans.map(startOf).sort(compare)[0]?.join('.');
}

function startOf({ lowest, hasLower, top }: Span): Version {
  if (hasLower || !top) return lowest;
  if (top.kind === 'version') return top.version;
  return top.kind === 'minor' ? [top.major, top.minor, 0] : [top.major, 0, 0];
}

/** Orders versions as `satisfies` does: major, then minor, then patch. */
export function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function readAlternative(alternative: string): Span | undefined {
  const parts = alternative.trim().replace(/(>=|<=|>|<|=)\s+/g, '$1').split(/\s+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  let lowest: Version = [0, 0, 0];
  let hasLower = false;
  let upper: { version: Version; inclusive: boolean } | undefined;
  const raiseFloor = (version: Version): void => {
    if (compare(version, lowest) > 0) lowest = version;
    hasLower = true;
  };
  const lowerCeiling = (version: Version, inclusive: boolean): void => {
    if (!upper || compare(version, upper.version) < 0 || (compare(version, upper.version) === 0 && !inclusive)) {
      upper = { version, inclusive };
    }
  };
  for (const part of parts) {
    const match = COMPARATOR.exec(part);
    if (!match) return undefined;
    const numbers = [match[2], match[3], match[4]].filter((n) => n !== undefined).map(Number);
    const version: Version = [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0];
    const op = match[1] ?? '=';
    if (op === '>=') raiseFloor(version);
    else if (op === '>') raiseFloor(next(version));
    else if (op === '<') lowerCeiling(version, false);
    else if (op === '<=') lowerCeiling(version, true);
    else {
      raiseFloor(version); // `=28.5`: from 28.5.0 up to, not including, 28.6.0
      lowerCeiling(numbers.length === 3 ? version : bump(version, numbers.length), numbers.length === 3);
    }
  }
  const top = upper && toTop(upper.version, upper.inclusive);
  if (upper && (!top || compare(lowest, upper.version) > 0 || (compare(lowest, upper.version) === 0 && !upper.inclusive))) return undefined;
  return { lowest, hasLower, top };
}

/** The version right after `v` as `satisfies` orders them: `>29.5` holds 29.5.1. */
function next(v: Version): Version {
  return [v[0], v[1], v[2] + 1];
}

/** The first version past an `=` range of `parts` parts: `=28` ends before 29.0.0, `=28.5` before 28.6.0. */
function bump(v: Version, parts: number): Version {
  return parts === 1 ? [v[0] + 1, 0, 0] : [v[0], v[1] + 1, 0];
}

function toTop(version: Version, inclusive: boolean): Top | undefined {
  const [major, minor, patch] = version;
  if (inclusive) return { kind: 'version', version };
  if (patch > 0) return { kind: 'version', version: [major, minor, patch - 1] };
  if (minor > 0) return { kind: 'minor', major, minor: minor - 1 };
  if (major > 0) return { kind: 'major', major: major - 1 };
  return undefined; // `<0`: nothing
}
