import { describe, expect, it, vi } from 'vitest';

vi.mock('@/lib/browser', () => ({ browser: {} }));
const { CODE_BEFORE_CARET } = await import('./suggestions');

/** What the chat box's text before the caret would expand: [replaced text, code], or null. */
const match = (before: string) => {
  const m = CODE_BEFORE_CARET.exec(before);
  return m ? [m[0], m[1]] : null;
};

describe('the /code shortcut before the caret', () => {
  it.each([
    ['/th', ['/th', 'th']],
    ['亲 /th', ['/th', 'th']],
    ['好的\n/dd', ['/dd', 'dd']],
    ['亲，/hi', ['/hi', 'hi']],
    ['在的！/TJ', ['/TJ', 'TJ']],
    ['（/hi', ['/hi', 'hi']],
    ['亲～/hi', ['/hi', 'hi']],
    ['、tj', ['、tj', 'tj']],
    ['好的。、tj', ['、tj', 'tj']],
  ])('expands a code typed at the start, after a space or after punctuation: %j', (before, expected) => {
    expect(match(before)).toEqual(expected);
  });

  it.each([
    'https://shop.example.com/th',
    'shop.example.com/th',
    '日期12/hi',
    '12/hi',
    'S/M',
    '//th',
    'http:/th',
    'v1./th',
    '好的/dd',
    '红色、hh',
    '/th/',
  ])('leaves %j as typed: the slash is inside a link, a date or a word', (before) => {
    expect(match(before)).toBeNull();
  });
});
