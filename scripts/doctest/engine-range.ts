// Which output block applies to this engine: `docker=">=28"` on an output block is a semver
// range (comparators joined by spaces, alternatives by `||`), tested against the server version
// (`20.10.24+dfsg1` counts as 20.10.24).

type Version = [number, number, number];

/** `20.10.24+dfsg1` -> [20, 10, 24]; a partial `28` -> [28, 0, 0] with its precision. */
function parseVersion(text: string): { version: Version; parts: number } {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  if (!m) throw new Error(`not a version: "${text}"`);
  const nums = [m[1], m[2], m[3]].filter((n) => n !== undefined).map(Number);
  return { version: [nums[0] ?? 0, nums[1] ?? 0, nums[2] ?? 0], parts: nums.length };
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function satisfiesComparator(version: Version, comparator: string): boolean {
  const m = /^(>=|<=|>|<|=)?\s*(.+)$/.exec(comparator);
  if (!m) throw new Error(`not a version comparator: "${comparator}"`);
  const { version: bound, parts } = parseVersion(m[2]!);
  const c = compare(version, bound);
  switch (m[1]) {
    case '>=':
      return c >= 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '<':
      return c < 0;
    default: // `=28` or `28`: every version that starts that way
      return version.slice(0, parts).every((n, i) => n === bound[i]);
  }
}

/** True when the engine version is in the range (`<28`, `>=28.5`, `>=26 <28`, `20 || >=28`). */
export function satisfies(versionText: string, range: string): boolean {
  const { version } = parseVersion(versionText);
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|=)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => satisfiesComparator(version, comparator)),
  );
}

/** The first output block whose range holds the engine (a block without `docker=` holds all). */
export function selectExpectation<T extends { docker?: string | undefined }>(outputs: readonly T[], engineVersion: string): T | undefined {
  return outputs.find((o) => o.docker === undefined || satisfies(engineVersion, o.docker));
}
