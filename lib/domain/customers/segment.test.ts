import { describe, expect, it } from 'vitest';
import { newCustomer, segmentOf } from './index';

describe('segment from tags', () => {
  const withTags = (tags: string[]) => ({ ...newCustomer('demo', '买家', 0), tags });
  it('makes a buyer tagged VIP, 贵宾 or 大客户 a VIP', () => {
    for (const tag of ['VIP2', '贵宾', '大客户']) expect(segmentOf(withTags([tag]))).toBe('vip');
  });
  it('does not make a buyer tagged 非VIP or 不是VIP a VIP', () => {
    for (const tag of ['非VIP', '不是VIP', 'not vip']) expect(segmentOf(withTags([tag]))).not.toBe('vip');
  });
});
