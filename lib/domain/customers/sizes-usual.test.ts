import { describe, expect, it } from 'vitest';
import { readUsualSize } from './sizes-usual';
import { parseSizes } from './sizes';
import { readUsualSize as fillInUsualSize } from '../templates/prefill';

const size = (text: string, strict: boolean) => readUsualSize(text, { strict })?.size;

describe('readUsualSize: one reader of the size a buyer usually wears, strict or lenient', () => {
  it.each([
    ['平时穿M码', 'M'],
    ['我一般都穿xl的', 'xl'],
    ['平日穿L', 'L'],
    ['一直穿S码', 'S'],
    ['经常穿XL', 'XL'],
    ['平时穿均码', '均码'],
    ['平时买衣服都是L', 'L'],
    ['平时穿39的鞋', '39'],
  ])('a habit word: %s → %s either way', (text, want) => {
    expect(size(text, true)).toBe(want);
    expect(size(text, false)).toBe(want);
  });

  it.each([
    ['我穿M', 'M'],
    ['一米六 穿s', 's'],
    ['都是L的', 'L'],
  ])('no habit word: %s → %s only when lenient', (text, want) => {
    expect(size(text, true)).toBeUndefined();
    expect(size(text, false)).toBe(want);
  });

  it.each(['我穿M码合适吗', 'M码还有吗', '穿L的话会大吗', '平时多久能发货', '一般几天能到', '平时100斤左右'])('takes nothing from %s, strict or lenient', (text) => {
    expect(size(text, true)).toBeUndefined();
    expect(size(text, false)).toBeUndefined();
  });

  it('prefers a habit word, takes the last one named, and keeps to a kind when asked', () => {
    expect(size('我穿M 不过平时穿L', false)).toBe('L');
    expect(size('平时穿M码 说错了 平时穿L码', true)).toBe('L');
    expect(readUsualSize('平时穿39的鞋 衣服平时穿M', { kind: 'shoe' })?.size).toBe('39');
    expect(readUsualSize('平时穿39的鞋', { kind: 'letter' })).toBeUndefined();
    // Where it was read, so a caller can blank the words out.
    expect(readUsualSize('身高170 平时穿L码')).toMatchObject({ index: 6, length: 4 });
  });
});

describe('a number worn on the feet is a shoe size (kind shoe), not a number a garment may be', () => {
  it.each([
    ['我穿38码的鞋合适吗', '38'],
    ['穿38码的鞋子', '38'],
    ['平时穿38码的运动鞋', '38'],
    ['平时穿39的鞋', '39'],
    ['鞋子都穿39', '39'],
    ['我穿38号的高跟鞋', '38'],
    ['我一般穿37.5的凉鞋', '37.5'],
  ])('%s → shoe %s', (text, size) => {
    // Before, each was kind 'number', as a dress's 38 or jeans' 29 is: a caller asking for a garment's number got the shoe size.
    expect(readUsualSize(text, { strict: false })).toMatchObject({ size, kind: 'shoe' });
    expect(readUsualSize(text, { strict: false, kind: 'number' })).toBeUndefined();
  });

  it('keeps a number with neither shoe nor garment a number (平时穿38码: a shoe or a dress)', () => {
    expect(readUsualSize('平时穿38码')).toMatchObject({ size: '38', kind: 'number' });
    expect(readUsualSize('我平时穿29的裤子')).toMatchObject({ size: '29', kind: 'number' });
  });
});

describe('the fill-in 平时尺码 and the buyer card read the same letter size', () => {
  // Until 2026-12-07 each had its own patterns: 经常 and 均码 were read by the card only, 平日 / 一直 and 买衣服都是
  // by the fill-in's own habit words only.
  it.each(['平时穿M码', '经常穿XL', '平时穿均码', '平日穿L', '一直穿S码', '平时买衣服都是L', '一般穿2xl'])('%s', (text) => {
    const card = parseSizes(text).usualSize;
    expect(card).toBeDefined();
    const fill = fillInUsualSize(text)!;
    expect(parseSizes(`平时穿${fill}`).usualSize).toBe(card);
  });
});
