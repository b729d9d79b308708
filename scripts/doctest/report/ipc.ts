// Every report event as a message on the IPC channel a parent started this run with: how the
// matrix (matrix.ts) gets each engine's summary from its single-engine run, typed, as it happens.
// The channel does not keep the run alive: it ends when its work does.
import type { Reporter } from '../events.ts';

/** A reporter when this process has a parent on an IPC channel, else undefined. */
export function createIpcReporter(proc: Pick<NodeJS.Process, 'send' | 'channel' | 'connected'> = process): Reporter | undefined {
  if (!proc.send) return undefined;
  proc.channel?.unref();
  return (event) => {
    if (proc.connected) proc.send?.(event);
  };
}
