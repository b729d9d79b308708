import { describe, expect, test } from 'vitest';
import { summarizePullError } from '../../../scripts/docker/pull.ts';

describe('summarizePullError', () => {
  test('names the cause of an unreachable registry in a few words', () => {
    expect(
      summarizePullError(
        'Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.0.0.2:53: no such host',
      ),
    ).toBe('no registry reachable (name lookup failed)');
    expect(summarizePullError('net/http: request canceled (Client.Timeout exceeded)')).toBe('no registry reachable (timed out)');
    expect(summarizePullError('dial tcp 1.2.3.4:443: connect: connection refused')).toBe('no registry reachable (connection failed)');
  });

  test('keeps other messages, shortened', () => {
    expect(summarizePullError('manifest for redis:nope not found')).toBe('manifest for redis:nope not found');
    expect(summarizePullError('x'.repeat(200))).toBe(`${'x'.repeat(160)}…`);
  });
});
