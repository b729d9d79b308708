// A step's script as one file a learner can download and run in any folder: the snippet and the
// runtime it imports from snippets/lib/, inlined by esbuild, not minified. npm packages stay
// runtime loads (`packages: 'external'`): only when it needs them, by loadOptional
// (snippets/lib/optional.mjs). A static import of a package, or a relative import left
// over, would fail in an empty folder, so it fails here instead, naming the file and the import.
// Reads files, writes nothing, prints nothing.
import { readdir, readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { build, type Message, type Metafile } from 'esbuild';

export interface Bundle {
  name: string; // "step3.mjs"
  text: string; // the whole file, shebang first
}

const SHEBANG = '#!/usr/bin/env zx';

/** `file` (e.g. "snippets/step3.mjs", relative to `root`) and everything it imports from its folder, as one ES module. */
export async function bundleSnippet(file: string, root: string = process.cwd()): Promise<Bundle> {
  const name = path.basename(file);
  const source = await readFile(path.join(root, file), 'utf8').catch((error: unknown) => {
    throw new Error(`${file}: cannot read it (${(error as { code?: string }).code ?? String(error)})`, { cause: error });
  });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [file],
    outfile: name,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external', // a package stays the runtime's to load, when it needs it (optional.mjs)
    minify: false, // a learner may open it
    charset: 'utf8', // command text and messages as written, not \u escapes
    legalComments: 'none',
    logLevel: 'silent',
  }).catch((error: unknown) => {
    const errors = (error as { errors?: Message[] }).errors ?? [];
    throw new Error(`${file}: esbuild could not bundle it:\n${formatMessages(errors) || String(error)}`, { cause: error });
  });
  if (result.warnings.length > 0) throw new Error(`${file}: esbuild warned while bundling it:\n${formatMessages(result.warnings)}`);
  const bad = findBadImports(result.metafile);
  if (bad.length > 0) {
    throw new Error(`${file}: the bundle would not run in an empty folder:\n${bad.map((line) => `  ${line}`).join('\n')}\nload a package only where it is needed, with loadOptional (snippets/lib/optional.mjs)`);
  }
  const code = result.outputFiles[0]?.text.replace(/^#!.*\n/, '') ?? '';
  return { name, text: [SHEBANG, ...readLeadingComments(source, name), '//', ...describeBundle(file, name), '', code].join('\n') };
}

/** Every snippet in `snippets/*.mjs`, sorted by name. */
export async function bundleAll(root: string = process.cwd()): Promise<Bundle[]> {
  const names = (await readdir(path.join(root, 'snippets'))).filter((entry) => entry.endsWith('.mjs')).sort();
  return Promise.all(names.map((entry) => bundleSnippet(`snippets/${entry}`, root)));
}

/**
 * What the built file still imports that an empty folder cannot give it: a relative path, or a
 * package imported statically (Node's built-in modules are fine; a package loadOptional loads is
 * the runtime's to load or explain). Each names the source file that imports it.
 */
function findBadImports(metafile: Metafile): string[] {
  const imports = Object.values(metafile.outputs).flatMap((output) => output.imports);
  return imports.flatMap(({ path: specifier, kind }) => {
    const from = findImporters(metafile, specifier);
    if (/^\.{0,2}\//.test(specifier)) return [`a relative import of ${specifier} (${kind}) is left in it, from ${from}`];
    if (kind !== 'dynamic-import' && !isBuiltin(specifier)) return [`${from} imports the package ${specifier} statically (${kind})`];
    return [];
  });
}

function findImporters(metafile: Metafile, specifier: string): string {
  const files = Object.entries(metafile.inputs)
    .filter(([, input]) => input.imports.some((entry) => entry.external && entry.path === specifier))
    .map(([file]) => file);
  return files.length > 0 ? files.join(', ') : 'the bundle';
}

/** The snippet's own header comment, its "Run it:" line naming the file as downloaded. */
function readLeadingComments(source: string, name: string): string[] {
  const lines = source.replace(/^#!.*\n/, '').split('\n');
  const end = lines.findIndex((line) => !line.startsWith('//'));
  return lines.slice(0, end === -1 ? lines.length : end).map((line) => (line.startsWith('// Run it:') ? line.replaceAll(`snippets/${name}`, name) : line));
}

function describeBundle(file: string, name: string): string[] {
  return [
    `// One file: built from ${file} and snippets/lib/ by \`scripts/snippets/bundle.ts\`. Do not edit it: edit`,
    '// the page (`npm run snippets` regenerates the snippet, and the site rebuilds this file from it).',
    `// Run it with \`npx zx ${name}\` in any folder: it needs only Node.js 20 or later and Docker.`,
  ];
}

function formatMessages(messages: Message[]): string {
  return messages
    .map(({ text, location }) => `  ${location ? `${location.file}:${location.line}:${location.column + 1}: ` : ''}${text}`)
    .join('\n');
}
