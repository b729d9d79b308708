// Guaranteed cleanup, after a pass, a failure, a timeout or Ctrl-C: every container the run
// created is removed, and only those. "Created by the run" = not on the engine before the run
// started AND (reported by a command, recorded in the run's state file, named like a container
// the guide creates, or linked to one). Containers that existed before are never touched.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inspectContainers, listContainerIds, runDocker } from './docker.ts';

export interface CleanupScope {
  before: Set<string>; // container ids on the engine before the run
  reported: Set<string>; // ids the snippets reported in `command-end` events
  stateDir: string; // the run's GUIDE_STATE_DIR (containers.json)
  guideNames: string[]; // names the pages give containers: ["redis-server"]
}

/** Removes the run's containers; returns their ids. Throws only when the engine cannot be asked. */
export async function removeRunContainers(scope: CleanupScope): Promise<string[]> {
  const fresh = (await listContainerIds()).filter((id) => !scope.before.has(id));
  const recorded = readRecorded(scope.stateDir);
  const containers = await inspectContainers(fresh);
  const ours = containers.filter(
    (c) =>
      scope.reported.has(c.id) ||
      recorded.has(c.id) ||
      scope.guideNames.includes(c.name) ||
      c.links.some((link) => scope.guideNames.some((name) => link.startsWith(`/${name}:`))),
  );
  if (ours.length === 0) return [];
  const ids = ours.map((c) => c.id);
  const removed = await runDocker(['rm', '-f', '-v', ...ids], 60_000);
  if (removed.exitCode !== 0) throw new Error(`\`docker rm -f ${ids.map((id) => id.slice(0, 12)).join(' ')}\` failed: ${removed.stderr.trim()}`);
  return ids;
}

function readRecorded(stateDir: string): Set<string> {
  try {
    const data = JSON.parse(readFileSync(path.join(stateDir, 'containers.json'), 'utf8')) as { containers?: { id: string }[] };
    return new Set((data.containers ?? []).map((c) => c.id));
  } catch {
    return new Set(); // nothing recorded yet
  }
}
