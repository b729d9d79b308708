// Reading and writing verification/record.json; the pure logic is in record.ts.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emptyRecord, mergeRun, parseRecord, type EngineRun, type VerificationRecord } from './record.ts';

export const recordPath = (root: string): string => join(root, 'verification', 'record.json');

export function readRecord(file: string): VerificationRecord {
  return existsSync(file) ? parseRecord(readFileSync(file, 'utf8'), file) : emptyRecord();
}

/** Writes a whole record (to a temporary file, then renamed into place). */
export function writeRecord(file: string, record: VerificationRecord): VerificationRecord {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(record, null, 2) + '\n');
  renameSync(temporary, file);
  return record;
}

/** Adds one engine's run to the record file. */
export function writeRun(file: string, run: EngineRun): VerificationRecord {
  return writeRecord(file, mergeRun(readRecord(file), run));
}
