// `node scripts/verify/merge.ts <record.json>... --out <file>`: several verification records as
// one (record.ts mergeRecords: each engine's latest run by date). One CI job per engine writes
// its own record; the Pages job publishes the merge. Exit 2, naming the file, when an input is
// missing or not a record.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mergeRecords, parseRecord, type VerificationRecord } from './record.ts';
import { writeRecord } from './store.ts';

export const usage = 'usage: node scripts/verify/merge.ts <record.json>... --out <file>';

export interface MergeArgs {
  inputs: string[];
  out: string;
}

/** Parses argv; throws an Error saying what was wrong, then the usage. */
export function parseMergeArgs(argv: string[]): MergeArgs {
  const inputs: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--out') {
      out = argv[++i];
      if (out === undefined || out.startsWith('--')) throw new Error(`--out needs a file\n${usage}`);
    } else if (arg.startsWith('--')) throw new Error(`unknown option "${arg}"\n${usage}`);
    else inputs.push(arg);
  }
  if (inputs.length === 0) throw new Error(`no record to merge\n${usage}`);
  if (out === undefined) throw new Error(`--out <file> is missing\n${usage}`);
  return { inputs, out };
}

/** Each input read and checked, in order; the first bad one throws with its name. */
export function readInputs(files: string[]): VerificationRecord[] {
  return files.map((file) => {
    if (!existsSync(file)) throw new Error(`${file}: no such file`);
    return parseRecord(readFileSync(file, 'utf8'), file);
  });
}

/** Merges the inputs into `out`; one line per engine kept: its proof, date and which input. */
export function mergeFiles(args: MergeArgs): string[] {
  const records = readInputs(args.inputs);
  const merged = mergeRecords(records);
  writeRecord(args.out, merged);
  return [
    ...Object.entries(merged.engines).map(([key, run]) => {
      const from = args.inputs[records.findLastIndex((r) => r.engines[key] === run)] ?? '?';
      return `  Docker ${run.engine} (${run.proof}, ${run.date}) from ${from}`;
    }),
    `merge: ${Object.keys(merged.engines).length} engine(s) from ${args.inputs.length} record(s) -> ${args.out}`,
  ];
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  try {
    for (const line of mergeFiles(parseMergeArgs(process.argv.slice(2)))) console.log(line);
  } catch (error) {
    console.error(`merge: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
