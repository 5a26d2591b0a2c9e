import { describe, expect, it } from 'vitest';
import { customersOptions } from './customers-options';

describe('options-page strings for buyer notes and backups', () => {
  it('has the same keys in Chinese and English, none empty', () => {
    expect(Object.keys(customersOptions.en).sort()).toEqual(Object.keys(customersOptions.zh).sort());
    for (const v of [...Object.values(customersOptions.zh), ...Object.values(customersOptions.en)]) expect(v.trim()).not.toBe('');
  });
});
