// Stage "parse": the options in a fence's meta string (`key="value"`, `key=value`, bare flags).
import type { Location, PageError } from './types.ts';

export type Meta = Map<string, string | true>;

const TOKEN = /\s*([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/y;

/** The options each block language accepts (docs/page-format.md). */
export const ALLOWED: Record<string, readonly string[]> = {
  sh: ['ready', 'timeout', 'interactive', 'snippet', 'title'],
  output: ['unordered', 'subset', 'docker', 'exit'],
  session: ['prompt', 'docker'],
};

/** Parses a meta string; each unknown or malformed option is an error naming the ones allowed. */
export function parseMeta(lang: string, meta: string, at: Location): { meta: Meta; errors: PageError[] } {
  const result: Meta = new Map();
  const errors: PageError[] = [];
  const allowed = ALLOWED[lang] ?? [];
  TOKEN.lastIndex = 0;
  let rest = meta.trim();
  while (rest.length > 0) {
    TOKEN.lastIndex = 0;
    const m = TOKEN.exec(rest);
    if (!m) {
      errors.push({ at, message: `cannot read the ${lang} block option \`${rest}\`; write key="value" or a bare flag` });
      break;
    }
    const key = m[1] ?? '';
    const value = m[2] ?? m[3] ?? m[4];
    if (!allowed.includes(key)) {
      errors.push({
        at,
        message: `unknown ${lang} block option \`${key}\`; write one of: ${allowed.join(', ')} (docs/page-format.md)`,
      });
    } else {
      result.set(key, value ?? true);
    }
    rest = rest.slice(m[0].length).trim();
  }
  return { meta: result, errors };
}

/** A string option, or undefined when absent; a bare flag where a value is needed is an error. */
export function readString(meta: Meta, key: string, at: Location, errors: PageError[]): string | undefined {
  const value = meta.get(key);
  if (value === true) {
    errors.push({ at, message: `option \`${key}\` needs a value; write ${key}="..."` });
    return undefined;
  }
  return value;
}

/** A non-negative integer option, or `fallback` when absent. */
export function readInteger(meta: Meta, key: string, fallback: number, at: Location, errors: PageError[]): number {
  const value = readString(meta, key, at, errors);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) {
    errors.push({ at, message: `option \`${key}=${value}\` is not a whole number; write e.g. ${key}=${fallback || 1}` });
    return fallback;
  }
  return Number(value);
}
