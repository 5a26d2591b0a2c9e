import { expect, it } from 'vitest';
import { ALL_ADAPTERS } from './index';
import { URL_MATCHERS, chatUrlFor, platformOfUrl } from './urls';

it('lists the same consoles, in the same order and with the same URL tests, as the adapters', () => {
  expect(URL_MATCHERS.map((m) => m.platform)).toEqual(ALL_ADAPTERS.map((a) => a.platform));
  URL_MATCHERS.forEach((m, i) => {
    expect(m.matches).toBe(ALL_ADAPTERS[i]!.matches);
    expect(m.chatUrl).toBe(ALL_ADAPTERS[i]!.chatUrl);
  });
});

it('tells the platform and the chat address from a URL alone', () => {
  expect(platformOfUrl(new URL('https://dongdong.jd.com/'))).toBe('jd');
  expect(platformOfUrl(new URL('https://example.com/'))).toBe(null);
  expect(chatUrlFor('小 鹿', new URL('http://127.0.0.1:9/orders'))).toBe('http://127.0.0.1:9/chat/%E5%B0%8F%20%E9%B9%BF');
  expect(chatUrlFor('a', new URL('https://dongdong.jd.com/'))).toBe(null);
});
