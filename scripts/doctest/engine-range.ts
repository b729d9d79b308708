// THE reader of `docker=` ranges on output and session blocks (docs/page-format.md): comparators
// joined by spaces (`>=29.6 <30`), alternatives by `||`, each alternative read as a span, the
// lowest version it holds and its top. Versions compare as [major, minor, patch], a missing part
// is 0: `>29.5` starts at 29.5.1, `<=29.5` ends at 29.5.0, `=28` (or `28`) is every 28.x. A
// range it cannot read, or one that holds no version, is an error naming the range and what is
// wrong: a page error at the block (scripts/page/blocks.ts), so the runner's choice of block
// (`selectExpectation`) and the site's labels and tabs only ever see ranges read here; the
// engine-tabs script gets the spans written out (`writeSpans`), not the range. Pure.

export type Version = readonly [number, number, number];

/** The top of a span: a version it holds (`<=29.5.2`), or every version below a bound (`<29.6`). */
export type Top =
  | { kind: 'version'; version: Version } // up to and including this version
  | { kind: 'minor'; major: number; minor: number } // every X.Y.z
  | { kind: 'major'; major: number }; // every X.y.z

export interface Span {
  lowest: Version; // the lowest version held ([0, 0, 0] when the range names no lower bound)
  hasLower: boolean;
  top?: Top | undefined; // undefined: no upper bound
}

export type RangeReading = { ok: true; spans: Span[] } | { ok: false; error: string };

const COMPARATOR = /^(>=|<=|>|<|=)?v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/;
const EXAMPLE = 'write comparators of versions joined by spaces, alternatives by ||, e.g. docker=">=29.6 <30" or docker="<29" (docs/page-format.md)';

/** Each alternative of `range` as a span, or what is wrong with it. */
export function readRange(range: string): RangeReading {
  const shown = `docker="${range}"`;
  if (range.trim() === '') return { ok: false, error: `${shown} is empty; leave docker= out for a block that holds every engine, or ${EXAMPLE}` };
  const spans: Span[] = [];
  for (const alternative of range.split('||')) {
    const span = readAlternative(alternative);
    if (typeof span === 'string') return { ok: false, error: `${shown} ${span}; ${EXAMPLE}` };
    spans.push(span);
  }
  return { ok: true, spans };
}

/** Orders versions: major, then minor, then patch. */
export function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** An engine's server version: `29.7.2`, `20.10.24+dfsg1` as 20.10.24, `28` as 28.0.0. */
export function readEngineVersion(text: string): Version {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  if (!m) throw new Error(`not a version: "${text}"`);
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

/** True when the span holds the version. */
export function holds({ lowest, top }: Span, version: Version): boolean {
  return isWithin(version, lowest, top && ceilingOf(top));
}

/**
 * Spans as the site's engine tabs carry them to the browser (`data-spans`), so the engine-tabs
 * script tests an engine with no range to read: `29.6.0-30.0.0`, from the lowest version up to,
 * not including, the ceiling (`28.0.0-`: no top); alternatives separated by spaces.
 */
export function writeSpans(spans: readonly Span[]): string {
  return spans.map(({ lowest, top }) => `${lowest.join('.')}-${top ? ceilingOf(top).join('.') : ''}`).join(' ');
}

/** True when the engine (`29.6.0`) is in spans `writeSpans` wrote, as `holds` decides it. */
export function spansHold(written: string, engine: string): boolean {
  const version = readEngineVersion(engine);
  return written.split(' ').some((span) => {
    const [from = '', below = ''] = span.split('-');
    return from !== '' && isWithin(version, readEngineVersion(from), below === '' ? undefined : readEngineVersion(below));
  });
}

function isWithin(version: Version, lowest: Version, ceiling: Version | undefined): boolean {
  return compareVersions(version, lowest) >= 0 && (!ceiling || compareVersions(version, ceiling) < 0);
}

/** The first version past a top: `<=29.5.2` ends before 29.5.3, every 29.5.x before 29.6.0, every 29.x before 30.0.0. */
function ceilingOf(top: Top): Version {
  if (top.kind === 'version') return [top.version[0], top.version[1], top.version[2] + 1];
  return top.kind === 'minor' ? [top.major, top.minor + 1, 0] : [top.major + 1, 0, 0];
}

/** True when the engine version is in the range (`<28`, `>=28.5`, `>=26 <28`, `20 || >=28`); throws on a range `readRange` refuses. */
export function satisfies(versionText: string, range: string): boolean {
  const version = readEngineVersion(versionText);
  const reading = readRange(range);
  if (!reading.ok) throw new Error(reading.error);
  return reading.spans.some((span) => holds(span, version));
}

/** The first output block whose range holds the engine (a block without `docker=` holds all). */
export function selectExpectation<T extends { docker?: string | undefined }>(outputs: readonly T[], engineVersion: string): T | undefined {
  return outputs.find((o) => o.docker === undefined || satisfies(engineVersion, o.docker));
}

/** One alternative as a span, or what is wrong with it (`"^29" is not a comparator`). */
function readAlternative(alternative: string): Span | string {
  const parts = alternative.trim().replace(/(>=|<=|>|<|=)\s+/g, '$1').split(/\s+/).filter(Boolean);
  if (parts.length === 0) return 'has an empty alternative around ||';
  let lowest: Version = [0, 0, 0];
  let hasLower = false;
  let upper: { version: Version; inclusive: boolean } | undefined;
  const raiseFloor = (version: Version): void => {
    if (compareVersions(version, lowest) > 0) lowest = version;
    hasLower = true;
  };
  const lowerCeiling = (version: Version, inclusive: boolean): void => {
    const c = upper ? compareVersions(version, upper.version) : -1;
    if (c < 0 || (c === 0 && !inclusive)) upper = { version, inclusive };
  };
  for (const part of parts) {
    const match = COMPARATOR.exec(part);
    if (!match) return `cannot be read: "${part}" is not a comparator (>=, >, <=, <, = or none, then a version of up to three numbers)`;
    const numbers = [match[2], match[3], match[4]].filter((n) => n !== undefined).map(Number);
    const version: Version = [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0];
    const op = match[1] ?? '=';
    if (op === '>=') raiseFloor(version);
    else if (op === '>') raiseFloor([version[0], version[1], version[2] + 1]);
    else if (op === '<') lowerCeiling(version, false);
    else if (op === '<=') lowerCeiling(version, true);
    else {
      raiseFloor(version); // `=28.5`: from 28.5.0 up to, not including, 28.6.0
      lowerCeiling(numbers.length === 3 ? version : bump(version, numbers.length), numbers.length === 3);
    }
  }
  if (!upper) return { lowest, hasLower, top: undefined };
  const top = toTop(upper.version, upper.inclusive);
  const c = compareVersions(lowest, upper.version);
  if (!top || c > 0 || (c === 0 && !upper.inclusive)) {
    const from = hasLower ? `from ${lowest.join('.')} ` : '';
    return `holds no version (${from}${upper.inclusive ? 'up to' : 'below'} ${upper.version.join('.')})`;
  }
  return { lowest, hasLower, top };
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
