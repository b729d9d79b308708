// A fence's meta string read into the options the site uses. The grammar and the allowed keys
// are the page parser's (scripts/page/meta.ts); problems are reported by the build check.
import { parseMeta } from '../../../scripts/page/meta.ts';
import type { Location } from '../../../scripts/page/types.ts';
import { readAt, readOwner, type Owner } from './output-owners.ts';

export interface BlockOptions {
  title?: string | undefined;
  snippet?: string | undefined;
  interactive: boolean;
  docker?: string | undefined;
  exit?: string | undefined;
  unordered: boolean;
  subset: boolean;
  prompt?: string | undefined;
  owner?: Owner | undefined; // for an output block of a multi-command block
  at?: Location | undefined; // an output or session block's fence, as the page check read it
}

/** Reads `title="..."`, `snippet="cleanup"`, `docker=">=28"`... for a `sh`, `output` or `session` block. */
export function readBlockOptions(lang: string, meta: string | undefined): BlockOptions {
  const { meta: withAt, owner } = readOwner(meta ?? '');
  const { meta: own, at } = readAt(withAt);
  const { meta: parsed } = parseMeta(lang, own, { file: '', line: 0 });
  const text = (key: string): string | undefined => {
    const value = parsed.get(key);
    return typeof value === 'string' ? value : undefined;
  };
  return {
    title: text('title'),
    snippet: text('snippet'),
    interactive: parsed.has('interactive'),
    docker: text('docker'),
    exit: text('exit'),
    unordered: parsed.has('unordered'),
    subset: parsed.has('subset'),
    prompt: text('prompt'),
    owner,
    at,
  };
}
