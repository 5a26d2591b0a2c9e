import { afterEach, describe, expect, it } from 'vitest';
import { registerMessages, setLocale, t, type MessageBundle } from './lookup';
import { core } from './messages/core';

const bundles = Object.values(import.meta.glob<Record<string, unknown>>('./messages/*.ts', { eager: true }))
  .flatMap((m) => Object.values(m))
  .filter((b): b is MessageBundle => !!b && typeof b === 'object' && 'zh' in b && 'en' in b);

/** Counted words an English sentence would get wrong after "1" (as in "Imported 1 buyers"). */
const PLURAL_AFTER_ONE =
  /(?<![\d.,/])\b1 (?:(?:new|more|old|other|open|unpaid|imported|VIP) )?(buyers|rows|replies|items|orders|notes|times|messages|days|revisits|problems|follow-ups|picks|templates|records|entries|lines|characters|bytes|conversations|seconds|minutes|hours|groups|insertions\/copies|differ|are|were|have)\b/;

describe('t()', () => {
  afterEach(() => setLocale('zh-CN'));

  it('fills parameters and leaves unknown ones visible', () => {
    registerMessages({ zh: { 'test.fill': '{a} 和 {b}' }, en: { 'test.fill': '{a} and {b}' } });
    expect(t('test.fill', { a: 1 })).toBe('1 和 {b}');
  });

  it('picks the English word for the number: singular for exactly 1, plural otherwise', () => {
    registerMessages({ zh: { 'test.plural': '已导入 {count} 位客户' }, en: { 'test.plural': 'Imported {count} {count|buyer|buyers}.' } });
    setLocale('en');
    expect([0, 1, 2, '1'].map((count) => t('test.plural', { count }))).toEqual([
      'Imported 0 buyers.',
      'Imported 1 buyer.',
      'Imported 2 buyers.',
      'Imported 1 buyer.',
    ]);
    setLocale('zh-CN');
    expect(t('test.plural', { count: 1 })).toBe('已导入 1 位客户');
  });

  it('shows the number only in the form that names it: "the buyer’s latest message", "last 3 messages" (QA pass I, defect 8)', () => {
    registerMessages({ zh: { 'test.nested': '依据 {count} 条' }, en: { 'test.nested': 'Based on the {count|latest message|last {count} messages} of {who}' } });
    setLocale('en');
    expect([1, 3].map((count) => t('test.nested', { count, who: 'S*******n' }))).toEqual([
      'Based on the latest message of S*******n',
      'Based on the last 3 messages of S*******n',
    ]);
    registerMessages(core);
    expect(t('panel.basis', { count: 1 })).toBe('Based on the buyer’s latest message');
    expect(t('panel.basis', { count: 4 })).toBe('Based on the buyer’s last 4 messages');
    setLocale('zh-CN');
    expect(t('panel.basis', { count: 1 })).toBe('依据买家最近 1 条消息');
  });

  it('no English message says "1 buyers", "1 rows" or "1 differ" when its numbers are 1', () => {
    setLocale('en');
    const wrong: string[] = [];
    for (const b of bundles) {
      for (const [key, text] of Object.entries(b.en)) {
        // Every number 1; a parameter that is a phrase ({what}: 话术库, the notes of …) is not a number.
        const params = Object.fromEntries([...text.matchAll(/\{(\w+)[|}]/g)].map((m) => [m[1]!, m[1] === 'what' || m[1] === 'loss' ? 'X' : 1]));
        registerMessages(b);
        const said = t(key, params);
        if (PLURAL_AFTER_ONE.test(said)) wrong.push(`${key}: ${said}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('Chinese messages need no plural forms and use none', () => {
    const withForms = bundles.flatMap((b) => Object.entries(b.zh).filter(([, text]) => /\{\w+\|/.test(text)).map(([key]) => key));
    expect(withForms).toEqual([]);
  });
});
