// Which command of a multi-command block each output block belongs to, so the site can label it
// "Output of command 2 of 2". The pairing is the page parser's (scripts/page/parse.ts). And where
// each output or session block is (`content/step2.mdx:93`), for its recorded values: both go from
// the page check to the block renderer in the fence's meta, the owner last.
import type { Location, Page } from '../../../scripts/page/types.ts';

export interface Owner {
  index: number; // 1-based position of the command in its sh block
  count: number; // commands in that block
}

/** Output block line -> its command's position, for blocks of more than one command only. */
export function findOutputOwners(page: Page): Map<number, Owner> {
  const counts = new Map<string, number>();
  for (const command of page.commands) {
    const block = command.id.slice(0, command.id.lastIndexOf('#'));
    counts.set(block, (counts.get(block) ?? 0) + 1);
  }
  const owners = new Map<number, Owner>();
  for (const command of page.commands) {
    const hash = command.id.lastIndexOf('#');
    const count = counts.get(command.id.slice(0, hash)) ?? 1;
    if (count < 2) continue;
    for (const output of command.outputs) owners.set(output.at.line, { index: Number(command.id.slice(hash + 1)), count });
  }
  return owners;
}

const OWNER_META = /\s*guide-owner="(\d+)\/(\d+)"$/;

/** Appends the owner to an output block's meta, where the block transformer reads it back. */
export function writeOwner(meta: string, owner: Owner): string {
  return `${meta} guide-owner="${owner.index}/${owner.count}"`.trim();
}

/** Splits the owner off a meta string again: the rest is the page's own options. */
export function readOwner(meta: string): { meta: string; owner?: Owner | undefined } {
  const match = OWNER_META.exec(meta);
  if (!match) return { meta };
  return { meta: meta.slice(0, match.index), owner: { index: Number(match[1]), count: Number(match[2]) } };
}

const AT_META = /\s*guide-at="([^"]+):(\d+)"$/;

/** Appends a block's fence (`content/step2.mdx:93`) to its meta; the owner, if any, goes after it. */
export function writeAt(meta: string, at: Location): string {
  return `${meta} guide-at="${at.file}:${at.line}"`.trim();
}

/** Splits the fence off a meta string again (after `readOwner`). */
export function readAt(meta: string): { meta: string; at?: Location | undefined } {
  const match = AT_META.exec(meta);
  if (!match) return { meta };
  return { meta: meta.slice(0, match.index), at: { file: match[1]!, line: Number(match[2]) } };
}
