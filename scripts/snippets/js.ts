// Stage "generate": JavaScript literals that read like the page (pure).

/** The command as a template literal when it can be written verbatim, else a quoted string. */
export function toCommandLiteral(text: string): string {
  return /[`\\]|\$\{/.test(text) ? toStringLiteral(text) : `\`${text}\``;
}

/** A single-quoted JavaScript string. */
export function toStringLiteral(value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `'${escaped}'`;
}

/** `{ key: 'value', n: 3, list: ['a'] }`, keys in the given order, undefined values left out. */
type Value = string | number | boolean | string[] | { [key: string]: Value | undefined };

export function toObjectLiteral(entries: { [key: string]: Value | undefined }): string {
  const parts = Object.entries(entries)
    .filter((entry): entry is [string, Value] => entry[1] !== undefined)
    .map(([key, value]) => `${key}: ${toValueLiteral(value)}`);
  return `{ ${parts.join(', ')} }`;
}

function toValueLiteral(value: Value): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(toStringLiteral).join(', ')}]`;
  if (typeof value === 'object') return toObjectLiteral(value);
  return toStringLiteral(value);
}
