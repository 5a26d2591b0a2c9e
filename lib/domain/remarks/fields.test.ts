import { describe, expect, it } from 'vitest';
import { normalizeField, readDate } from './fields';
import { maskPii } from '../customers/privacy';
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

  it('accepts mainland mobiles, written the ways agents write them, as 11 digits', () => {
    for (const raw of ['+86 138 1234 5678', '0086-138-1234-5678', '138－1234－5678', '１３８１２３４５６７８']) {
      expect(normalizeField(f('phone'), raw)).toEqual({ ok: true, value: '13812345678' });
    }
  });

  it('accepts mainland landlines as 区号-号码, with an extension after 转', () => {
    for (const [raw, v] of [
      ['021-12345678', '021-12345678'],
      ['0755-1234567', '0755-1234567'],
      ['0571-88888888', '0571-88888888'],
      ['010 62345678', '010-62345678'],
      ['(021)12345678', '021-12345678'],
      ['（０２１）１２３４５６７８', '021-12345678'],
      ['02112345678', '021-12345678'],
      ['075512345678', '0755-12345678'],
      ['021-12345678转123', '021-12345678转123'],
      ['021-12345678-123', '021-12345678转123'],
      ['0755-1234567 分机 8001', '0755-1234567转8001'],
      ['021-12345678 ext. 9', '021-12345678转9'],
      ['021—12345678', '021-12345678'],
    ]) {
      expect(normalizeField(f('phone'), raw as string), raw).toEqual({ ok: true, value: v });
    }
  });

  it('reads a landline written the international way (+86 / 0086, the area code without its 0) as 区号-号码', () => {
    for (const raw of ['+86 21 5555 1234', '+86-21-55551234', '(021)55551234', '0086 21 55551234', '+86 (0)21 5555 1234', '+8621 55551234', '+86 021 5555 1234', '＋８６ ２１ ５５５５ １２３４']) {
      expect(normalizeField(f('phone'), raw), raw).toEqual({ ok: true, value: '021-55551234' });
    }
    expect(normalizeField(f('phone'), '+86 10 6234 5678')).toEqual({ ok: true, value: '010-62345678' });
    expect(normalizeField(f('phone'), '+86 755 1234567 转 8001')).toEqual({ ok: true, value: '0755-1234567转8001' });
    // A mobile after +86 stays a mobile; what is neither stays refused.
    expect(normalizeField(f('phone'), '+86 13812345678')).toEqual({ ok: true, value: '13812345678' });
    for (const raw of ['+86 12345678', '+86 21 5555 123', '+86 0123 1234567', '+1 415 555 1234']) expect(normalizeField(f('phone'), raw).ok, raw).toBe(false);
  });

  it('rejects what is neither a mobile nor a landline, and says what both look like', () => {
    for (const raw of ['12812345678', '1381234567', '138123456789', '021-1234567', '0755-123456', '0123-1234567', '021-02345678', '12345678', '021-12345678转', '电话021-12345678']) {
      expect(normalizeField(f('phone'), raw).ok, raw).toBe(false);
    }
    const r = normalizeField(f('phone'), '12345678');
    expect(!r.ok && r.message).toContain('021-12345678');
    expect(!r.ok && r.messageEn).toContain('landline');
  });

  it('writes a phone so that buyer notes mask it (the remark-saved history is masked on save)', () => {
    const landline = normalizeField(f('phone'), '02112345678转123');
    expect(landline.ok && maskPii(`新电话:${landline.value}`)).toBe('新电话:021-****5678转123');
    const intl = normalizeField(f('phone'), '+86 21 5555 1234');
    expect(intl.ok && maskPii(`新电话:${intl.value}`)).toBe('新电话:021-****1234');
    const mobile = normalizeField(f('phone'), '138 1234 5678');
    expect(mobile.ok && maskPii(`新电话:${mobile.value}`)).toBe('新电话:138****5678');
  });

  it('reads amounts and dates typed through a Chinese IME in full width', () => {
    for (const [raw, v] of [['２５', '25'], ['１２．５', '12.5'], ['１２．５元', '12.5'], ['12。5', '12.5'], ['25元。', '25'], ['￥２５', '25']]) {
      expect(normalizeField(f('money'), raw as string), raw).toEqual({ ok: true, value: v });
    }
    expect(normalizeField(f('date'), '２０２６－１２－０１')).toEqual({ ok: true, value: '2026-12-01' });
    expect(normalizeField(f('order'), '１１１１１１１１１／２２２２２２２２２')).toEqual({ ok: true, value: '111111111/222222222' });
    // Free text keeps the agent's full-width punctuation.
    expect(normalizeField(f('text'), '颜色：米白（偏黄）')).toEqual({ ok: true, value: '颜色：米白（偏黄）' });
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
