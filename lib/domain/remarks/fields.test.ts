import { describe, expect, it } from 'vitest';
import { normalizeField, readDate } from './fields';
import type { FieldSpec } from './types';

const f = (type: FieldSpec['type'], extra: Partial<FieldSpec> = {}): FieldSpec => ({ key: 'k', label: '字段', type, required: true, ...extra });

describe('readDate', () => {
  it('reads the date formats agents type', () => {
    for (const s of ['2026-11-28', '2026/11/28', '2026.11.28', '2026年11月28日', '20261128', '2026-11-28 ']) {
      expect(readDate(s)).toEqual({ ok: true, iso: '2026-11-28' });
    }
  });

  it('takes the year closest to today for a date without a year', () => {
    expect(readDate('11/28', '2026-11-23')).toEqual({ ok: true, iso: '2026-11-28' });
    expect(readDate('1月3日', '2026-12-30')).toEqual({ ok: true, iso: '2027-01-03' });
    expect(readDate('12-30', '2027-01-02')).toEqual({ ok: true, iso: '2026-12-30' });
    expect(readDate('11/28')).toEqual({ ok: false, reason: 'no-year' });
  });

  it('rejects dates that do not exist', () => {
    expect(readDate('2026-02-29').ok).toBe(false);
    expect(readDate('2028-02-29').ok).toBe(true);
    expect(readDate('13/01', '2026-11-23').ok).toBe(false);
  });
});

describe('normalizeField', () => {
  it('accepts positive money with at most two decimals, in the ways it is written', () => {
    for (const [raw, v] of [['12', '12'], ['12.50', '12.5'], ['¥8', '8'], ['8元', '8'], ['0.01', '0.01']]) {
      expect(normalizeField(f('money'), raw as string)).toEqual({ ok: true, value: v });
    }
    for (const raw of ['0', '-1', '1.234', 'abc', '1e3']) expect(normalizeField(f('money'), raw).ok).toBe(false);
  });

  it('accepts only mainland mobile numbers for phones', () => {
    expect(normalizeField(f('phone'), '+86 138 1234 5678')).toEqual({ ok: true, value: '13812345678' });
    for (const raw of ['12812345678', '0571-88888888', '1381234567', '138123456789']) {
      expect(normalizeField(f('phone'), raw).ok).toBe(false);
    }
  });

  it('reads yes and no in their usual spellings', () => {
    expect(normalizeField(f('yesno'), 'Y')).toEqual({ ok: true, value: '是' });
    expect(normalizeField(f('yesno'), '未')).toEqual({ ok: true, value: '否' });
    expect(normalizeField(f('yesno'), '不要')).toEqual({ ok: true, value: '否' });
    expect(normalizeField(f('yesno'), '不对')).toEqual({ ok: true, value: '否' });
    expect(normalizeField(f('yesno'), '可能').ok).toBe(false);
  });

  it('joins several order numbers with /', () => {
    expect(normalizeField(f('order'), '111111111、222222222 231123-111111111')).toEqual({ ok: true, value: '111111111/222222222/231123-111111111' });
    expect(normalizeField(f('order'), '12').ok).toBe(false);
  });

  it('keeps text to its allowed options', () => {
    expect(normalizeField(f('text', { options: ['退货', '换货'] }), '换货').ok).toBe(true);
    expect(normalizeField(f('text', { options: ['退货', '换货'] }), '退款').ok).toBe(false);
  });

  it('wants a full address', () => {
    expect(normalizeField(f('address'), '杭州').ok).toBe(false);
  });
});
