// The command line of `npm run doctest`: the mode (a union, events.ts) and where things are.
import { engineSpecs, parseEngineArgument, withGivenEngines, type EngineSpec } from '../docker/engines/specs.ts';
import type { Mode } from './events.ts';

export interface Options {
  mode: Mode;
  content: string; // the pages' folder, as given ("content" by default)
  junit: string; // JUnit XML file
  events?: string; // also write every report event as a JSON line here (the vitest suite reads it)
  matrix?: EngineSpec[]; // the engines to run the guide on, one after the other, and where each comes from (engines/specs.ts)
  captures?: string; // --captures: compare the pages with one engine's captured output in this folder (no engine runs)
  wait: boolean; // false with --no-wait: fail at once when another run holds the engine
  cleanup?: boolean; // --cleanup: only remove what an unfinished run left on the engine
  pages?: string[]; // the page files given (positional): run only their cases (select.ts)
  grep?: string; // --grep: only the cases whose name or command matches (text, or /regex/)
  record?: boolean; // --record: also write the committed verification/record.json (a run writes reports/ only)
}

/** The engines `--matrix` runs, in order: those scripts/docker/engines.ts knows how to start. */
export const matrixEngines: readonly string[] = engineSpecs.map((spec) => spec.version);

export const usage = `usage: npm run doctest -- [page.mdx ...] [--grep <text>] [--update [page.mdx ...] | --matrix | --engines <v,...> | --captures <dir>] [--engine <v>=<path> ...] [--content <dir>] [--junit <file>] [--events <file>] [--record]
  (no option)        check every page against the engine DOCKER_HOST names (the default engine); exit 1 on any difference
  page.mdx ...       only these pages' cases (\`npm run doctest -- content/step2.mdx\`, before any --update); the pages they
                     need run first, as set-up; a page not run in full keeps its earlier result in the record
  --grep <text>      only the cases whose name (\`content/step2.mdx:90\`) or command contains <text>, or matches /<regex>/;
                     their snippets run whole (the other commands are set-up, not cases); selecting none is an error
  --matrix           check every page on Docker 20.10, 26.1 and 28.5, one engine after the other
  --engines <v,...>  the same on the engines named (\`--engines 28.5\`, \`--engines 20.10,26.1\`)
  --engine <v>=<path>  the same on Docker <v> (major.minor) from its static binaries: Docker's docker-<v>.x.tgz, a folder
                     holding docker/dockerd, or that docker/ folder (\`--engine 29.7=./docker-29.7.2.tgz\`); repeatable;
                     alone it runs only the engines given, with --matrix or --engines it adds them or replaces that version
  --no-wait          when another doc-test run is using the engine, fail at once instead of waiting for it (at most 20 min)
  --cleanup          only remove what a run that could not finish (engine stopped, process killed) left on the engine
  --captures <dir>   compare every page with the output captured from one engine in <dir> (\`--captures test/fixtures/engine-29.7\`,
                     files named in test/fixtures/captures.json) and record that engine as proven against captures; no engine runs
  --update [pages]   rewrite the output blocks that differ (all pages, or the ones named), keeping their tokens
  --content <dir>    read the pages from <dir> instead of content/ (snippets are generated for it)
  --junit <file>     where the JUnit XML goes (default reports/doctest-junit.xml)
  --events <file>    append every report event to <file> as JSON lines
  --record           also merge this run's entry into the committed verification/record.json; without it a run writes
                     its record only beside the JUnit report (reports/verification.json), and the checkout stays as it was`;

/** Parses argv; throws an Error whose message starts with what was wrong, then the usage. */
export function parseArgs(argv: string[]): Options {
  const options: Options = { mode: { kind: 'check' }, content: 'content', junit: 'reports/doctest-junit.xml', wait: true };
  const given: EngineSpec[] = []; // --engine, applied once every option is read
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
    else if (arg === '--captures') options.captures = value();
    else if (arg === '--grep') options.grep = value();
    else if (!arg.startsWith('-')) options.pages = [...(options.pages ?? []), arg];
    else if (arg === '--no-wait') options.wait = false;
    else if (arg === '--cleanup') options.cleanup = true;
    else if (arg === '--record') options.record = true;
    else if (arg === '--matrix') options.matrix = [...engineSpecs];
    else if (arg === '--engines') options.matrix = readEngines(value());
    else if (arg === '--engine') {
      const text = value();
      given.push(readEngine(() => parseEngineArgument(text)));
    }
    else throw new Error(`unknown argument "${arg}"\n${usage}`);
  }
  if (given.length > 0) options.matrix = readEngine(() => withGivenEngines(options.matrix ?? [], given));
  if (options.matrix && options.mode.kind === 'update') {
    throw new Error(`--update rewrites pages from one engine's output; run it without --matrix (DOCKER_HOST names the engine)\n${usage}`);
  }
  if (options.captures && (options.pages || options.grep !== undefined)) {
    throw new Error(`--captures compares every page with its captured output; it takes no page files or --grep\n${usage}`);
  }
  if (options.captures && (options.matrix || options.mode.kind === 'update')) {
    throw new Error(`--captures compares the pages with output captured earlier: it runs no engine and rewrites no page (no --matrix, --engines, --engine or --update)\n${usage}`);
  }
  return options;
}

function readEngines(list: string): EngineSpec[] {
  const versions = list.split(',').map((v) => v.trim()).filter(Boolean);
  const unknown = versions.filter((v) => !matrixEngines.includes(v));
  if (versions.length === 0 || unknown.length > 0) {
    throw new Error(`--engines: no engine ${unknown.join(', ') || '(none given)'}; known: ${matrixEngines.join(', ')}\n${usage}`);
  }
  return [...new Set(versions)].map((v) => engineSpecs.find((spec) => spec.version === v)!);
}

function readEngine<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${usage}`);
  }
}
