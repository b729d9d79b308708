// The command line of `npm run doctest`: the mode (a union, events.ts) and where things are.
import { engineSpecs } from '../docker/engines.ts';
import type { Mode } from './events.ts';

export interface Options {
  mode: Mode;
  content: string; // the pages' folder, as given ("content" by default)
  junit: string; // JUnit XML file
  events?: string; // also write every report event as a JSON line here (the vitest suite reads it)
  matrix?: string[]; // engine versions to run the guide on, one after the other ("20.10", "26.1", "28.5")
}

/** The engines `--matrix` runs, in order: those scripts/docker/engines.ts knows how to start. */
export const matrixEngines: readonly string[] = engineSpecs.map((spec) => spec.version);

export const usage = `usage: npm run doctest -- [--update [page.mdx ...] | --matrix | --engines <v,...>] [--content <dir>] [--junit <file>] [--events <file>]
  (no option)        check every page against the engine DOCKER_HOST names (the default engine); exit 1 on any difference
  --matrix           check every page on Docker 20.10, 26.1 and 28.5, one engine after the other
  --engines <v,...>  the same on the engines named (\`--engines 28.5\`, \`--engines 20.10,26.1\`)
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
    else if (arg === '--matrix') options.matrix = [...matrixEngines];
    else if (arg === '--engines') options.matrix = readEngines(value());
    else throw new Error(`unknown argument "${arg}"\n${usage}`);
  }
  if (options.matrix && options.mode.kind === 'update') {
    throw new Error(`--update rewrites pages from one engine's output; run it without --matrix (DOCKER_HOST names the engine)\n${usage}`);
  }
  return options;
}

function readEngines(list: string): string[] {
  const versions = list.split(',').map((v) => v.trim()).filter(Boolean);
  const unknown = versions.filter((v) => !matrixEngines.includes(v));
  if (versions.length === 0 || unknown.length > 0) {
    throw new Error(`--engines: no engine ${unknown.join(', ') || '(none given)'}; known: ${matrixEngines.join(', ')}\n${usage}`);
  }
  return [...new Set(versions)];
}
