// What a page says under its title about its doc-tests, from the verification record and the
// page's file as the build reads it: the record's verdict for this exact text (scripts/verify),
// state first ("Verified", "Failed", "Not verified since the last edit"), then what it rests on,
// in full and in brief (for a phone), and, when the runs it names used local stand-in images,
// which ones. Claims nothing the record does not hold; the wording is scripts/verify/badge.ts's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decideBadge, describeBadge, type Badge } from '../../../scripts/verify/badge.ts';
import { hashPage, type VerificationRecord } from '../../../scripts/verify/record.ts';
import { readSiteRecord } from '../../../scripts/verify/store.ts';

export interface PageBadge {
  state: Badge['state'];
  text: string; // "Verified live on Docker Engine 20.10.24, 26.1.5, 28.5.2 and against Docker 29.7.2's captured output, 2026-12-03"
  label: string; // the state, first and alone: "Verified", "Partly verified", "Failed", "Not verified since the last edit", "Not verified yet"
  detail?: string; // the rest of `text`: "live on Docker Engine 20.10.24, … and against Docker 29.7.2's captured output, 2026-12-03"
  brief?: string; // what fits a phone's line beside the label: "4 engines · 2026-12-03", "on Docker 28.5.2"
  note?: string; // "Images: local stand-ins for redis:latest, alpine:latest."
}

const LABELS: Record<Badge['state'], string> = {
  verified: 'Verified',
  partial: 'Partly verified',
  failed: 'Failed',
  stale: 'Not verified since the last edit',
  unverified: 'Not verified yet',
};

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
  const text = describeBadge(badge);
  const label = LABELS[badge.state];
  const detail = splitDetail(text, label);
  const brief = describeBrief(badge);
  return {
    state: badge.state,
    text,
    label,
    ...(detail ? { detail } : {}),
    ...(brief ? { brief } : {}),
    ...(unique.length > 0 ? { note: `Images: local stand-ins for ${unique.join(', ')}.` } : {}),
  };
}

/** `text` after its label: "Failed live on …" -> "live on …"; "… since the last edit (last verified …)" -> "last verified …". */
function splitDetail(text: string, label: string): string | undefined {
  if (!text.startsWith(label)) return undefined;
  const rest = text.slice(label.length).trim();
  return (/^\((.*)\)$/.exec(rest)?.[1] ?? rest) || undefined;
}

/** The few words a phone shows after the label: how many engines and when, or where it failed. */
function describeBrief(badge: Badge): string | undefined {
  const day = (date: string) => date.slice(0, 10);
  const engines = (count: number) => `${count} engine${count === 1 ? '' : 's'}`;
  switch (badge.state) {
    case 'verified':
    case 'partial':
      return `${engines(badge.proven.length)} · ${day(badge.date)}`;
    case 'stale':
      return undefined; // the label says it all; when it was last verified is one tap away
    case 'failed':
      return `on Docker ${badge.failedOn.map((claim) => claim.engine).join(', ')}`;
    case 'unverified':
      return undefined;
  }
}

const records = new Map<string, VerificationRecord>();

/**
 * The record, read once per build: verification/record.json with this checkout's own runs in
 * reports/verification.json over it (scripts/verify/store.ts); every page and /verification.json
 * show the same one.
 */
export function loadRecord(root: string = process.cwd()): VerificationRecord {
  if (!records.has(root)) records.set(root, readSiteRecord(root));
  return records.get(root)!;
}

/** The badge from the build's record and the page's file; `file` is relative to `root`. */
export function readPageBadge(pageId: string, file: string, root: string = process.cwd()): PageBadge {
  return describePageBadge(loadRecord(root), pageId, readFileSync(path.resolve(root, file), 'utf8'));
}
