// The command line of `npm run doctest`: the mode (a union, events.ts) and where things are.
import type { Mode } from './events.ts';

export interface Options {
  mode: Mode;
  content: string; // the pages' folder, as given ("content" by default)
  junit: string; // JUnit XML file
  events?: string; // also write every report event as a JSON line here (the vitest suite reads it)
}

export const usage = `usage: npm run doctest -- [--update [page.mdx ...]] [--content <dir>] [--junit <file>] [--events <file>]
  (no option)        check every page against the engine; exit 1 on any difference
  --update [pages]   rewrite the output blocks that differ (all pages, or the ones named), keeping their tokens
  --content <dir>    read the pages from <dir> instead of content/ (snippets are generated for it)
  --junit <file>     where the JUnit XML goes (default reports/doctest-junit.xml)
  --events <file>    append every report event to <file> as JSON lines`;

/** Parses argv; throws an Error whose message starts with what was wrong, then the usage. */
export function parseArgs(argv: string[]): Options {
  const options: Options = { mode: { kind: 'check' }, content: 'content', junit: 'reports/doctest-junit.xml' };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value\n${usage}`);
      return next;
    };
    if (arg === '--update') {
      const files: string[] = [];
      while (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) files.push(argv[++i]!);
      options.mode = { kind: 'update', files };
    } else if (arg === '--content') options.content = value();
    else if (arg === '--junit') options.junit = value();
    else if (arg === '--events') options.events = value();
    else throw new Error(`unknown argument "${arg}"\n${usage}`);
  }
  return options;
}
