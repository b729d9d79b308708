// Reading and writing verification/record.json; the pure logic is in record.ts.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emptyRecord, mergeRun, parseRecord, type EngineRun, type VerificationRecord } from './record.ts';

export const recordPath = (root: string): string => join(root, 'verification', 'record.json');

export function readRecord(file: string): VerificationRecord {
  return existsSync(file) ? parseRecord(readFileSync(file, 'utf8'), file) : emptyRecord();
}

/** Adds one engine's run to the record file (written whole, then renamed into place). */
export function writeRun(file: string, run: EngineRun): VerificationRecord {
  const record = mergeRun(readRecord(file), run);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(record, null, 2) + '\n');
  renameSync(temporary, file);
  return record;
}
