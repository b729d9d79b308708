// @ts-check
// `npm run doctest`: starts the doc-test runner (main.ts) from one prebuilt JavaScript file, not
// from its TypeScript sources. Loading those costs about 0.6 s of CPU and 110 MiB before anything
// runs (Node's type stripper, a hundred zod modules, one file at a time); the built file loads in
// about 0.2 s and 55 MiB. Plain JavaScript, so that nothing here needs the type stripper.
//
// The built file lives under node_modules/.cache/guide-doctest/, one per checkout. Its first line
// lists every source file it was built from, with size and modification time: when one of them
// changes (an edit, a `git checkout`), or Node or this format does, the next run builds it again
// (esbuild, about 0.3 s) before it starts. Two runs building at once each write their own file
// and rename it into place, so a run never loads half a file. A run of the pages starts its first
// snippet process (snippet-host-process.mjs) before it loads the runner: about 70 ms sooner to the
// first command.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { letGoOfHost, runsSnippetsHere, startSnippetHost } from './snippet-host-process.mjs';

const FORMAT = 1; // bump when the build options below change
const MARK = '// guide-doctest-runner ';
const root = path.resolve(import.meta.dirname, '../..');
const entry = path.join(root, 'scripts/doctest/main.ts');

/**
 * @typedef {{ format: number, node: string, root: string, inputs: Record<string, [number, number]> }} Manifest
 * inputs: each source file relative to `root`, as [size, mtimeMs]
 */

/**
 * Pure: whether a built file's manifest still describes its sources.
 * @param {Manifest | undefined} manifest
 * @param {(file: string) => [number, number] | undefined} stat  a file's [size, mtimeMs], undefined when it is gone
 * @param {{ node: string, root: string }} now
 */
export function isFresh(manifest, stat, now) {
  if (!manifest || manifest.format !== FORMAT || manifest.node !== now.node || manifest.root !== now.root) return false;
  const inputs = Object.entries(manifest.inputs);
  if (inputs.length === 0) return false;
  return inputs.every(([file, [size, mtime]]) => {
    const found = stat(file);
    return found !== undefined && found[0] === size && found[1] === mtime;
  });
}

/**
 * Pure: the manifest in a built file's first line, or undefined when there is none.
 * @param {string} text
 * @returns {Manifest | undefined}
 */
export function readManifest(text) {
  if (!text.startsWith(MARK)) return undefined;
  try {
    return JSON.parse(text.slice(MARK.length, text.indexOf('\n')));
  } catch {
    return undefined;
  }
}

/** @param {string} file  relative to root @returns {[number, number] | undefined} */
function statInput(file) {
  try {
    const info = statSync(path.join(root, file));
    return [info.size, info.mtimeMs];
  } catch {
    return undefined;
  }
}

/** Where this checkout's built runner lives. */
export function builtRunnerPath() {
  const key = createHash('sha256').update(root).digest('hex').slice(0, 12);
  return path.join(root, 'node_modules/.cache/guide-doctest', `runner-${key}.mjs`);
}

/**
 * esbuild plugin: a source file's `import.meta.url`, `.dirname` and `.filename` stay its own in the
 * built file (main.ts finds the checkout, spawn-snippet.ts snippet-host.mjs, by them).
 * @returns {import('esbuild').Plugin}
 */
function keepImportMeta() {
  return {
    name: 'keep-import-meta',
    setup(build) {
      build.onLoad({ filter: /\.(ts|mjs|js)$/ }, (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const values = { url: pathToFileURL(args.path).href, dirname: path.dirname(args.path), filename: args.path };
        const text = readFileSync(args.path, 'utf8').replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key) => JSON.stringify(values[/** @type {keyof typeof values} */ (key)]));
        return { contents: text, loader: args.path.endsWith('.ts') ? 'ts' : 'js' };
      });
    },
  };
}

/** Builds the runner into `target`, its manifest first; returns the manifest. */
export async function buildRunner(target = builtRunnerPath()) {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    metafile: true,
    logLevel: 'silent',
    plugins: [keepImportMeta()],
    // a bundled CommonJS dependency may still `require` a Node module
    banner: { js: "import { createRequire as __guideRequire } from 'node:module'; const require = __guideRequire(import.meta.url);" },
  });
  if (result.errors.length > 0 || result.warnings.length > 0) {
    const messages = [...result.errors, ...result.warnings].map((m) => `${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}`);
    throw new Error(`scripts/doctest/bin.mjs: building the runner from ${path.relative(root, entry)} failed:\n  ${messages.join('\n  ')}`);
  }
  /** @type {Manifest} */
  const manifest = { format: FORMAT, node: process.version, root, inputs: {} };
  for (const input of Object.keys(result.metafile.inputs).sort()) {
    const stat = statInput(input);
    if (stat) manifest.inputs[input] = stat;
  }
  const text = result.outputFiles[0]?.text ?? '';
  mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.tmp`;
  writeFileSync(partial, `${MARK}${JSON.stringify(manifest)}\n${text}`);
  renameSync(partial, target);
  return manifest;
}

/** The built runner's path, built first when it is missing or its sources changed. */
export async function freshRunner() {
  const target = builtRunnerPath();
  let text = '';
  try {
    text = readFileSync(target, 'utf8');
  } catch {
    // not built yet
  }
  if (!isFresh(readManifest(text), statInput, { node: process.version, root })) await buildRunner(target);
  return target;
}

/**
 * Pure: why this Node.js cannot run the runner (package.json's engines: 22.12 or later), or
 * undefined when it can.
 * @param {string} version  process.versions.node
 */
export function refuseNode(version) {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return undefined;
  return `doctest: Node.js ${version} cannot run the doc-test runner, which needs 22.12 or later (package.json "engines").\n  What to do: run it as \`npm run doctest\` after \`npm ci\` (which puts Node 22 in node_modules/.bin), or install Node.js 22`;
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  const refused = refuseNode(process.versions.node);
  if (refused) {
    console.error(refused);
    process.exit(2);
  }
  const argv = process.argv.slice(2);
  // the run's first snippet process starts now, its start-up beside the runner's loading
  const early = runsSnippetsHere(argv) ? startSnippetHost(root) : undefined;
  try {
    const runner = await freshRunner();
    /** @type {{ main(argv: string[], early?: import('node:child_process').ChildProcess): Promise<number> }} */
    const built = await import(pathToFileURL(runner).href);
    process.exitCode = await built.main(argv, early);
  } finally {
    if (early) letGoOfHost(early); // a run that never needed it (or has let it go already)
  }
}

