import { describe, expect, it, vi } from 'vitest';
import { ALL_ADAPTERS, jdOrdersAdapter } from '../../lib/sites';
import { createTaughtAdapter, withTaughtFallback } from '../../lib/sites/taught/adapter';
import { findsRemarkBox } from './remark-box';

vi.mock('../../lib/browser', () => ({ browser: {} }));

describe('findsRemarkBox: on which consoles the remark panel may promise to write remarks', () => {
  it('is the consoles whose adapter finds a remark box: Taobao’s memo page and the demo, never JD’s order list or a chat console', () => {
    expect(Object.fromEntries(ALL_ADAPTERS.map((a) => [a.id, findsRemarkBox(a)]))).toEqual({
      demo: true,
      'pdd-chat': false,
      'taobao-orders': true,
      'jd-chat': false,
      'jd-orders': false,
      'douyin-chat': false,
      'kuaishou-chat': false,
    });
    expect(findsRemarkBox(null)).toBe(false);
  });

  it('is true once the agent taught JD’s order list a remark box, and on a taught page', () => {
    const taught = createTaughtAdapter({ v: 1, origin: 'https://shop.jd.com', name: '订单', url: 'https://shop.jd.com', fields: { remarkBox: [{ css: 'textarea.remark' }] }, createdAt: 0, updatedAt: 0 });
    expect(findsRemarkBox(taught)).toBe(true);
    expect(findsRemarkBox(withTaughtFallback(jdOrdersAdapter, taught))).toBe(true);
  });
});
