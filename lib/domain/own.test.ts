import { describe, expect, it } from 'vitest';
import { dict, own } from './own';

describe('records keyed by outside text', () => {
  it('keeps __proto__, constructor and toString as ordinary keys', () => {
    const d = dict<number>();
    for (const k of ['__proto__', 'constructor', 'toString']) d[k] = 1;
    expect(Object.keys(d).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('copies a parsed record, own __proto__ entry included, without touching a prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"count": 3}, "a": {"count": 1}}') as Record<string, { count: number }>;
    const d = dict(parsed);
    expect(own(d, '__proto__')).toEqual({ count: 3 });
    expect(own(d, 'a')).toEqual({ count: 1 });
    expect(({} as { count?: number }).count).toBeUndefined();
  });

  it('reads only own entries', () => {
    const plain: Record<string, number> = { a: 1 };
    expect(own(plain, 'constructor')).toBeUndefined();
    expect(own(plain, 'toString')).toBeUndefined();
    expect(own(plain, 'a')).toBe(1);
    expect(own(undefined, 'a')).toBeUndefined();
  });
});
