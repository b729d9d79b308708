// One value of the front matter's flat YAML subset, typed as YAML's core schema types it (what
// Astro's reader, js-yaml, gives the site's schema): `5` a number, `"5"` and `five` text, nothing
// or `null` null, `true` a boolean, `2025-01-01` a date; `[a, b]` a list of such values. What the
// subset does not read (anchors, tags, block text, a `: ` in unquoted text) is an error saying
// what to write instead. Pure.

export type Read = { value: unknown } | { error: string };

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const RADIX = /^0(?:x[0-9a-fA-F]+|o[0-7]+|b[01]+)$/;
const DATE = /^\d{4}-\d\d-\d\d(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?$/;
const QUOTE = 'write it in quotes';

/** A scalar as written after `key: ` or `- `, a trailing ` # comment` left out. */
export function readScalar(raw: string): Read {
  const text = raw.trim();
  if (text.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"(?:\s+#.*)?$/.exec(text);
    if (!m) return { error: `cannot read the quoted text ${text}; end it with " and put nothing after it` };
    try {
      return { value: JSON.parse(`"${m[1]}"`) as string };
    } catch {
      return { error: `cannot read the escapes in ${text}; write \\\\ for a backslash, or use single quotes` };
    }
  }
  if (text.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'(?:\s+#.*)?$/.exec(text);
    if (!m) return { error: `cannot read the quoted text ${text}; end it with ' and put nothing after it` };
    return { value: (m[1] ?? '').replace(/''/g, "'") };
  }
  return readPlain(text.replace(/(?:^|\s+)#.*$/, ''));
}

/** `[a, b]`: each item a scalar, a trailing comma allowed, nothing nested. */
export function readFlowList(raw: string): Read {
  const m = /^\[(.*)\](?:\s+#.*)?$/.exec(raw.trim());
  if (!m) return { error: `cannot read the list ${raw.trim()}; write [a, b] on one line` };
  const items = splitItems(m[1] ?? '');
  if (items.length === 1 && items[0]?.trim() === '') return { value: [] };
  if (items.at(-1)?.trim() === '') items.pop();
  const values: unknown[] = [];
  for (const item of items) {
    if (item.trim() === '') return { error: `the list ${raw.trim()} has an empty item; write [a, b]` };
    const read = /[[\]{}]/.test(item) && !/^\s*["']/.test(item) ? { error: `cannot read the list ${raw.trim()}: lists do not nest` } : readScalar(item);
    if ('error' in read) return read;
    values.push(read.value);
  }
  return { value: values };
}

function readPlain(text: string): Read {
  if (text === '' || text === '~' || /^(?:null|Null|NULL)$/.test(text)) return { value: null };
  if (/^(?:true|True|TRUE)$/.test(text)) return { value: true };
  if (/^(?:false|False|FALSE)$/.test(text)) return { value: false };
  if (NUMBER.test(text)) return { value: Number(text) };
  if (RADIX.test(text)) return { value: Number(text) };
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return { value: text.startsWith('-') ? -Infinity : Infinity };
  if (/^\.(?:nan|NaN|NAN)$/.test(text)) return { value: Number.NaN };
  if (DATE.test(text)) return { value: new Date(text.replace(/[ \t]+/, 'T')) };
  if (/^[[\]{}&*!|>%@`,]|^[-?:](?:\s|$)/.test(text)) {
    return { error: `${text} starts with ${text[0]}, which YAML reads as syntax, not text; ${QUOTE}` };
  }
  if (/:(?:\s|$)/.test(text)) return { error: `${text} holds ": ", which YAML reads as another field; ${QUOTE}` };
  return { value: text };
}

/** The items between `[` and `]`, split at commas outside quotes. */
function splitItems(inner: string): string[] {
  const items = [''];
  let quote: string | undefined;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i] ?? '';
    if (quote === '"' && c === '\\') {
      items[items.length - 1] += c + (inner[++i] ?? '');
      continue;
    }
    if (quote ? c === quote : c === '"' || c === "'") quote = quote ? undefined : c;
    if (c === ',' && !quote) items.push('');
    else items[items.length - 1] += c;
  }
  return items;
}
