// Reading and writing verification/record.json (committed) and reports/verification.json (what
// this checkout's doc-test runs proved, not committed); the pure logic is in record.ts.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emptyRecord, mergeRecords, mergeRun, parseRecord, type EngineRun, type VerificationRecord } from './record.ts';

export const recordPath = (root: string): string => join(root, 'verification', 'record.json');
export const reportsRecordPath = (root: string): string => join(root, 'reports', 'verification.json');

/** What the site shows: the committed record, with this checkout's later runs (reports/) over it, each engine's latest. */
export function readSiteRecord(root: string): VerificationRecord {
  return mergeRecords([readRecord(recordPath(root)), readRecord(reportsRecordPath(root))]);
}

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
