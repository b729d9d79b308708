// What a page says under its title about its doc-tests, from verification/record.json and the
// page's file as the build reads it: the record's verdict for this exact text (scripts/verify),
// and, when the runs it names used local stand-in images, which ones. Claims nothing the record
// does not hold.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decideBadge, describeBadge, type Badge } from '../../../scripts/verify/badge.ts';
import { hashPage, type VerificationRecord } from '../../../scripts/verify/record.ts';
import { readRecord, recordPath } from '../../../scripts/verify/store.ts';

export interface PageBadge {
  state: Badge['state'];
  text: string; // "Verified live on Docker Engine 20.10.24, 26.1.5, 28.5.2 and against Docker 29.7.2's captured output, 2026-12-03"
  note?: string; // "Images: local stand-ins for redis:latest, alpine:latest."
}

/** The engines whose runs the badge names. */
function namedEngines(badge: Badge): string[] {
  switch (badge.state) {
    case 'verified':
    case 'partial':
    case 'stale':
      return badge.proven.map((claim) => claim.engine);
    case 'failed':
      return [...badge.failedOn, ...badge.passedOn].map((claim) => claim.engine);
    case 'unverified':
      return [];
  }
}

/** The badge of page `pageId` whose text is `pageText` now. */
export function describePageBadge(record: VerificationRecord, pageId: string, pageText: string): PageBadge {
  const badge = decideBadge(record, pageId, hashPage(pageText));
  const standIns = namedEngines(badge)
    .flatMap((engine) => record.engines[engine]?.images ?? [])
    .filter((image) => image.standIn)
    .map((image) => image.name);
  const unique = [...new Set(standIns)].sort();
  return {
    state: badge.state,
    text: describeBadge(badge),
    ...(unique.length > 0 ? { note: `Images: local stand-ins for ${unique.join(', ')}.` } : {}),
  };
}

const records = new Map<string, VerificationRecord>();

/** verification/record.json, read once per build: every page and /verification.json show the same one. */
export function loadRecord(root: string = process.cwd()): VerificationRecord {
  const recordFile = recordPath(root);
  if (!records.has(recordFile)) records.set(recordFile, readRecord(recordFile));
  return records.get(recordFile)!;
}

/** The badge from the build's record and the page's file; `file` is relative to `root`. */
export function readPageBadge(pageId: string, file: string, root: string = process.cwd()): PageBadge {
  return describePageBadge(loadRecord(root), pageId, readFileSync(path.resolve(root, file), 'utf8'));
}
