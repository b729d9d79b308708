// Which lock file guards the guide's names on an engine: one per engine, the default engine's
// where the Docker suites and the bench have always taken it.
import { describe, expect, it } from 'vitest';
import { guideLockPath } from '../../../scripts/docker/guide-lock.ts';

describe('the guide lock of an engine', () => {
  it('is /tmp/guide-docker.lock for the default engine, however DOCKER_HOST names it', () => {
    expect(guideLockPath('')).toBe('/tmp/guide-docker.lock');
    expect(guideLockPath('unix:///var/run/docker.sock')).toBe('/tmp/guide-docker.lock');
    expect(guideLockPath('unix:///run/docker.sock')).toBe('/tmp/guide-docker.lock');
  });

  it('is a file of its own for an engine at another socket, named after it', () => {
    expect(guideLockPath('unix:///run/guide-engines/isolated-1.sock')).toBe('/tmp/guide-docker-run_guide-engines_isolated-1.sock.lock');
    expect(guideLockPath('unix:///run/guide-engines/isolated-2.sock')).not.toBe(guideLockPath('unix:///run/guide-engines/isolated-1.sock'));
  });
});
