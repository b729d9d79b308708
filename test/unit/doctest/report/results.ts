// Case results for the reporter tests, made by comparing the real step 2 page with a real 20.10
// capture of its hosts file, once as captured there and once as captured from a 28.5 engine.
import { compareCase } from '../../../../scripts/doctest/compare.ts';
import type { CaseResult } from '../../../../scripts/doctest/events.ts';
import { commandAt, commandEnd, readCapture, readPage } from '../fixtures.ts';

const hosts = commandAt(readPage('step2'), 90);
const compare = (capture: string) => compareCase(hosts, commandEnd(hosts, readCapture(capture)), { engine: '20.10.24', contentDir: 'content', bindings: new Map() }).result;

export const passed: CaseResult = compare('engine-20.10/hosts.txt');
export const failed: CaseResult = compare('engine-28.5/hosts.txt');
export const timedOut: CaseResult = {
  ...passed,
  status: 'timeout',
  durationMs: 2000,
  failure: { message: 'content/step2.mdx:90: `docker run` timed out after 2s (timeout=2) and was killed', at: passed.at, cause: 'the command did not finish before its deadline' },
};
