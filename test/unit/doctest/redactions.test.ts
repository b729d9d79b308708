import { describe, expect, it } from 'vitest';
import { redactions } from '../../../scripts/doctest/redactions.ts';

describe('redactions table', () => {
  it.each(redactions.map((r) => [r.name, r] as const))('[%s] matches its own example in full', (_name, r) => {
    expect(new RegExp(`^${r.pattern}$`).test(r.example)).toBe(true);
  });

  it.each(redactions.map((r) => [r.name, r] as const))('[%s] has no capturing group (pattern.ts numbers its own)', (_name, r) => {
    expect(new RegExp(`${r.pattern}|`).exec('')!.length).toBe(1);
  });

  it('names are unique', () => {
    expect(new Set(redactions.map((r) => r.name)).size).toBe(redactions.length);
  });

  it('does not take a short id for a full one, nor a bad address for an IPv4', () => {
    const by = (name: string) => new RegExp(`^${redactions.find((r) => r.name === name)!.pattern}$`);
    expect(by('CONTAINER_ID').test('f2b0d1ea6b1c')).toBe(false);
    expect(by('SHORT_ID').test('F2B0D1EA6B1C')).toBe(false);
    expect(by('IPV4').test('172.17.0.256')).toBe(false);
    expect(by('NAME').test('redis-server')).toBe(false);
    expect(by('NETWORK_ID').test('9c5d0a3b7e2f')).toBe(false);
    expect(by('NETWORK_ID').test('9c5d0a3b7e2f41d8a6b0c1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2')).toBe(true);
  });
});
