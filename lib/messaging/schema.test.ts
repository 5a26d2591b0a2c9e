import { describe, expect, it } from 'vitest';
import { s, SchemaError } from './schema';

const parse = <T>(schema: { parse(v: unknown, p: string, c: object): T }, v: unknown, ctx = {}) => schema.parse(v, 'verb', ctx);
const error = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof SchemaError) return e.message;
    throw e;
  }
  throw new Error('expected a SchemaError');
};

describe('payload schemas', () => {
  const buyer = s.object({ nickname: s.text({ max: 8, min: 1 }), age: s.optional(s.number({ int: true, min: 0 })) });

  it('returns a fresh object with only the declared fields', () => {
    const input = { nickname: '小鹿', age: 3 };
    const out = parse(buyer, input);
    expect(out).toEqual(input);
    expect(out).not.toBe(input);
  });

  it('names the field that is wrong, missing or unknown', () => {
    expect(error(() => parse(buyer, { nickname: 5 }))).toBe('verb.nickname: expected text of at most 8 characters (not empty)');
    expect(error(() => parse(buyer, {}))).toBe('verb.nickname: required');
    expect(error(() => parse(buyer, { nickname: 'a', age: 1.5 }))).toMatch(/^verb\.age: expected an integer/);
    expect(error(() => parse(buyer, { nickname: 'a', extra: 1 }))).toBe('verb.extra: unknown field');
    expect(error(() => parse(buyer, JSON.parse('{"nickname":"a","__proto__":{"x":1}}')))).toBe('verb.__proto__: unknown field');
    expect(error(() => parse(buyer, { nickname: 'a', constructor: 'x' }))).toBe('verb.constructor: unknown field');
    expect(error(() => parse(s.array(buyer, { max: 2 }), [{ nickname: 'a' }, { nickname: '' }]))).toMatch(/^verb\[1\]\.nickname/);
    expect(error(() => parse(s.array(buyer, { max: 1 }), [{}, {}]))).toBe('verb: expected at most 1 items');
  });

  it('tells variants apart by their tag', () => {
    const v = s.variants('kind', { a: s.object({ kind: s.oneOf(['a']), x: s.number() }), b: s.object({ kind: s.oneOf(['b']) }) });
    expect(parse(v, { kind: 'a', x: 1 })).toEqual({ kind: 'a', x: 1 });
    expect(error(() => parse(v, { kind: 'c' }))).toBe('verb.kind: expected one of a, b');
    expect(error(() => parse(v, { kind: 'b', x: 1 }))).toBe('verb.x: unknown field');
  });

  it('binds a platform to the sending page and fills it in when left out', () => {
    const p = s.object({ platform: s.ownPlatform({ optional: true }) });
    expect(parse(p, {}, { pagePlatform: 'demo' })).toEqual({ platform: 'demo' });
    expect(parse(p, { platform: 'demo' }, { pagePlatform: 'demo' })).toEqual({ platform: 'demo' });
    expect(error(() => parse(p, { platform: 'taobao' }, { pagePlatform: 'demo' }))).toMatch(/^verb\.platform: a page may only use its own console/);
    // Extension pages (no page platform) may name any platform.
    expect(parse(p, { platform: 'taobao' })).toEqual({ platform: 'taobao' });
    expect(error(() => parse(p, { platform: 'ebay' }))).toMatch(/^verb\.platform: expected one of/);
  });

  it('binds an origin to the sending page', () => {
    const o = s.object({ origin: s.ownOrigin() });
    expect(parse(o, { origin: 'https://a.example' }, { pageOrigin: 'https://a.example' })).toEqual({ origin: 'https://a.example' });
    expect(error(() => parse(o, { origin: 'https://b.example' }, { pageOrigin: 'https://a.example' }))).toBe('verb.origin: a page may only use its own site');
    expect(error(() => parse(o, { origin: 'javascript:alert(1)' }))).toBe('verb.origin: expected an http(s) origin');
  });

  it('accepts no payload only where none is expected', () => {
    expect(parse(s.none(), undefined)).toBeUndefined();
    expect(error(() => parse(s.none(), { a: 1 }))).toBe('verb: expected no payload');
  });
});
