// Every report event as one JSON line appended to a file: how another process (the vitest
// suite in test/docker/doctest/) reads a run's results without parsing console text.
import { appendFileSync } from 'node:fs';
import type { Reporter } from '../events.ts';

export function createJsonLinesReporter(file: string): Reporter {
  return (event) => appendFileSync(file, `${JSON.stringify(event)}\n`);
}
