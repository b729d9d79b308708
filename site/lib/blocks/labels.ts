// Human-readable captions from a block's options: the engine range of an output block, the
// snippet note of a command block. The raw options (`ready=`, `timeout=`...) are never shown.

const COMPARATOR = /^(>=|>|<=|<|=)?\s*v?(\d+(?:\.\d+){0,2})$/;

/** `>=28` -> "Docker 28 and later", `<28` -> "Docker before 28", `>=26 <28` -> "Docker 26 to before 28". */
export function describeDockerRange(range: string): string {
  const parts = range.trim().split(/\s+/).filter(Boolean);
  const phrases = parts.map(describeComparator);
  if (phrases.some((phrase) => phrase === undefined)) return `Docker ${range.trim()}`;
  const [first, second] = phrases as string[];
  if (parts.length === 1) return `Docker ${first}`;
  if (parts.length === 2) return `Docker ${first?.replace(/ and later$/, '')} to ${second}`;
  return `Docker ${range.trim()}`;
}

function describeComparator(part: string): string | undefined {
  const match = COMPARATOR.exec(part);
  if (!match) return undefined;
  const version = match[2] ?? '';
  switch (match[1]) {
    case '>=':
      return `${version} and later`;
    case '>':
      return `after ${version}`;
    case '<=':
      return `${version} and earlier`;
    case '<':
      return `before ${version}`;
    default:
      return version;
  }
}

/** The note under a command block that goes to another snippet: "Also in: npx zx snippets/cleanup.mjs". */
export function describeSnippet(snippet: string): string {
  return `npx zx snippets/${snippet}.mjs`;
}
