import { describe, expect, test } from 'vitest';
import { guideImages } from '../../../scripts/docker/config.ts';
import { parseOptions, withTag } from '../../../scripts/docker/options.ts';

describe('parseOptions', () => {
  test('defaults to setting up the guide images, pulling when a registry answers', () => {
    expect(parseOptions([])).toEqual({ mode: 'setup', names: guideImages, pull: true, json: false });
  });

  test('--check, --no-pull, --json and --image in both spellings', () => {
    const options = parseOptions(['--check', '--no-pull', '--json', '--image', 'redis=t/redis', '--image=app=t/app:v2']);
    expect(options).toEqual({
      mode: 'check',
      pull: false,
      json: true,
      names: { ...guideImages, redis: 't/redis:latest', app: 't/app:v2' },
    });
  });

  test('an unknown option or image key is an error that lists what is accepted', () => {
    expect(() => parseOptions(['--force'])).toThrow('docker:setup: unknown option --force\nOptions: --check, --no-pull, --json, --image <redis|alpine|app>=<name:tag>');
    expect(() => parseOptions(['--image', 'postgres=x'])).toThrow('--image takes <redis|alpine|app>=<name:tag>, got "postgres=x"');
  });
});

describe('withTag', () => {
  test('adds :latest only when the last path part has no tag or digest', () => {
    expect(withTag('redis')).toBe('redis:latest');
    expect(withTag('localhost:5000/redis')).toBe('localhost:5000/redis:latest');
    expect(withTag('katacoda/redis-node-docker-example:1')).toBe('katacoda/redis-node-docker-example:1');
    expect(withTag('alpine@sha256:abc')).toBe('alpine@sha256:abc');
  });
});
