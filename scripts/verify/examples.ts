// Example values: for each output or session block a run compared and matched, what each token of
// its written lines matched (`[IPV4:redis]` -> "172.17.0.2"), kept in the verification record per
// page (`examples`, by the block's fence `content/step2.mdx:84`) with a hash of the block's
// written lines, so the site shows them only while the block still reads as it did (an edited
// block, or one moved to another line, shows its placeholders again). Pure.
import { createHash } from 'node:crypto';
import { normalizeExpected } from '../doctest/normalize.ts';
import type { Location } from '../page/types.ts';

export interface BlockExample {
  written: string; // hashWritten of the block's text as the run compared it
  lines: Record<string, string[]>; // by line of the block (1 = first written line): each token's matched text, in order; lines with tokens only
}

/** A page's examples, by the fence of their block: "content/step2.mdx:84". */
export type BlockExamples = Record<string, BlockExample>;

/** A matched block's values as a case result carries them to the record. */
export interface MatchedBlock extends BlockExample {
  at: Location; // the block's opening fence
}

/** Hash of a block's written lines as the doc-tests compare them (line endings and trailing spaces do not count). */
export function hashWritten(body: string): string {
  return 'sha256:' + createHash('sha256').update(normalizeExpected(body).join('\n')).digest('hex');
}

/** The values a matched block gave (`values`: by 0-based written line), or undefined when its lines hold no token. */
export function describeMatch(at: Location, body: string, values: ReadonlyMap<number, string[]>): MatchedBlock | undefined {
  if (values.size === 0) return undefined;
  const lines = Object.fromEntries([...values].sort(([a], [b]) => a - b).map(([index, matched]) => [String(index + 1), matched]));
  return { at, written: hashWritten(body), lines };
}

/** The values of `block` when `examples` holds them for its fence and its current text; by 0-based written line. */
export function readExample(examples: BlockExamples | undefined, at: Location, body: string): Map<number, string[]> | undefined {
  const example = examples?.[`${at.file}:${at.line}`];
  if (!example || example.written !== hashWritten(body)) return undefined;
  return new Map(Object.entries(example.lines).map(([line, matched]) => [Number(line) - 1, matched]));
}

/** True for a page's `examples` as the record holds them (read checks every entry with it). */
export function isBlockExamples(value: unknown): value is BlockExamples {
  if (!isObject(value)) return false;
  return Object.entries(value).every(([at, example]) =>
    /^.+:\d+$/.test(at) && isObject(example) && typeof example.written === 'string' && isObject(example.lines) &&
    Object.entries(example.lines).every(([line, matched]) => /^[1-9]\d*$/.test(line) && Array.isArray(matched) && matched.every((v) => typeof v === 'string')),
  );
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
