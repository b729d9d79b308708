import { describe, expect, it } from 'vitest';
import { mayScroll, measureLine, PHONE_COLUMNS } from '../../../../site/lib/blocks/scroll.ts';

describe('measureLine', () => {
  it('counts text as written, a tab as eight columns, and a placeholder as its chip', () => {
    expect(measureLine('HOME=/root')).toBe(10);
    expect(measureLine('a\tb')).toBe(10);
    expect(measureLine('HOSTNAME=[SHORT_ID]')).toBe('HOSTNAME='.length + 'short id'.length + 1);
    expect(measureLine('...')).toBe('more lines'.length + 1);
  });

  it('measures a 64-hex id by its chip, not its 64 characters', () => {
    expect(measureLine('[CONTAINER_ID]')).toBeLessThan(PHONE_COLUMNS);
  });
});

describe('mayScroll', () => {
  it('is true when one line is wider than a phone shows', () => {
    expect(mayScroll(['HOME=/root', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin'])).toBe(true);
    expect(mayScroll(['HOME=/root', 'PONG'])).toBe(false);
    expect(mayScroll(['x'.repeat(PHONE_COLUMNS)])).toBe(false);
    expect(mayScroll(['x'.repeat(PHONE_COLUMNS + 1)])).toBe(true);
  });
});

describe('with recorded values', () => {
  it('measures a token by the value shown in its place', () => {
    expect(measureLine('[CONTAINER_ID]', ['a'.repeat(64)])).toBe(64);
    expect(measureLine('[IPV4:redis]\tredis', ['172.17.0.2'])).toBe('172.17.0.2'.length + 8 + 'redis'.length);
    expect(mayScroll(['[CONTAINER_ID]'], PHONE_COLUMNS, new Map([[0, ['a'.repeat(64)]]]))).toBe(true);
    expect(mayScroll(['[CONTAINER_ID]'], PHONE_COLUMNS, new Map())).toBe(false);
  });
});
