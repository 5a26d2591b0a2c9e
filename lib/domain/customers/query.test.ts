import { describe, expect, it } from 'vitest';
import { readCustomerQuery } from './query';

describe('the 客户档案 list query', () => {
  it('pages 50 buyers unless asked, at most 100; an export page up to its own size', () => {
    expect(readCustomerQuery(undefined, 'listCustomers')).toEqual({ limit: 50 });
    expect(readCustomerQuery({ query: '#VIP', segment: 'vip', after: 'demo:a', limit: 500 }, 'searchCustomers')).toEqual({ query: '#VIP', segment: 'vip', after: 'demo:a', limit: 100 });
    expect(readCustomerQuery({}, 'exportCustomers', 5000)).toEqual({ limit: 5000 });
    expect(readCustomerQuery({ limit: 2 }, 'exportCustomers', 5000)).toEqual({ limit: 2 });
  });

  it('names what is wrong', () => {
    expect(readCustomerQuery([], 'listCustomers')).toEqual({ problem: 'listCustomers: expected an object' });
    expect(readCustomerQuery({ segment: 'gold' }, 'listCustomers')).toEqual({ problem: 'listCustomers: segment' });
    expect(readCustomerQuery({ limit: 1.5 }, 'exportCustomers', 5000)).toEqual({ problem: 'exportCustomers: limit' });
    expect(readCustomerQuery({ after: 'x'.repeat(201) }, 'exportCustomers')).toMatchObject({ problem: expect.stringContaining('exportCustomers: after') });
  });
});
