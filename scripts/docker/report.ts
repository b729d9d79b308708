// What the set-up prints: one line per part with how long it took, then the total. The same
// outcomes go out as JSON with --json, for scripts and tests.
import { dockerdLogFile, repoRoot } from './config.ts';
import type { EngineState } from './engine.ts';
import type { ImageOutcome } from './ensure-image.ts';
import { shortId } from './image-state.ts';
import path from 'node:path';

export function formatEngineLine(engine: EngineState, seconds: number): string {
  const what =
    engine.action === 'started'
      ? `started dockerd ${engine.serverVersion} (pid ${engine.pid}, log ${path.relative(repoRoot, dockerdLogFile)}` +
        `${engine.installed.length ? `; installed ${engine.installed.join(', ')}` : ''})`
      : `${engine.serverVersion} already answers: used as is`;
  return `engine: ${what} [${seconds.toFixed(1)}s]`;
}

export function formatImageLine(outcome: ImageOutcome): string {
  return `${outcome.ref}: ${outcome.action}, ${shortId(outcome.id)} — ${outcome.detail} [${outcome.seconds.toFixed(1)}s]`;
}

export function formatTotalLine(seconds: number, outcomes: readonly ImageOutcome[]): string {
  const built = outcomes.filter((o) => o.action === 'built').length;
  return `docker:setup done in ${seconds.toFixed(1)}s (${built} image${built === 1 ? '' : 's'} built)`;
}
