// Pulling the real image when a registry answers. Bounded: without a registry the pull fails
// at once (name lookup); a registry that hangs costs at most the deadline.
import { runCommand } from './run.ts';

export type PullOutcome = { pulled: true } | { pulled: false; reason: string };

export async function tryPull(ref: string, timeoutMs = 120_000): Promise<PullOutcome> {
  const result = await runCommand(['docker', 'pull', '--quiet', ref], { timeoutMs });
  if (result.code === 0) return { pulled: true };
  const reason = result.timedOut
    ? `no answer within ${timeoutMs / 1000}s`
    : (result.stderr.trim().split('\n').pop() ?? `exit ${result.code}`);
  return { pulled: false, reason: summarizePullError(reason) };
}

/** The cause of a failed pull in a few words (the daemon's messages are long). */
export function summarizePullError(message: string): string {
  if (/no such host|name resolution|lookup .* on /i.test(message)) return 'no registry reachable (name lookup failed)';
  if (/timeout|timed out|deadline/i.test(message)) return 'no registry reachable (timed out)';
  if (/connection refused|network is unreachable/i.test(message)) return 'no registry reachable (connection failed)';
  return message.length > 160 ? `${message.slice(0, 160)}…` : message;
}
