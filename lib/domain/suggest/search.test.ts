import { describe, expect, it } from 'vitest';
import type { Template } from '../templates/types';
import { searchTemplates } from './search';
import { ensureInitials, initialsOf } from './pinyin';
import { PINYIN_TABLE } from './pinyin-table.generated';
import { buildTemplateIndex } from './template-index';

const T = (id: string, title: string, body: string, code?: string): Template =>
  code ? { id, title, body, group: '默认', scenarios: ['other'], code } : { id, title, body, group: '默认', scenarios: ['other'] };

const index = buildTemplateIndex([
  T('pay', '催付提醒', '亲，您的订单还没有付款哦，16点前付款今天就能发货。', 'cf'),
  T('ship', '发货时间', '16点前付款当天发货，之后次日发出。', 'fh'),
  T('sf', '顺丰补差价', '需要顺丰的话补10元差价即可。', 'sf10'),
  T('thanks', '结束语', '感谢您的光临，祝您生活愉快！'),
]);
const ids = (q: string) => searchTemplates(index, q, 5).map((h) => h.template.id);

describe('searchTemplates (index without initials)', () => {
  it('finds by content and title', () => {
    expect(ids('生活愉快')).toEqual(['thanks']);
    expect(ids('发货时间')[0]).toBe('ship');
    expect(ids('顺丰')).toEqual(['sf']);
  });
  it('finds by shortcut code, with or without the slash, exact before prefix', () => {
    expect(ids('/cf')[0]).toBe('pay');
    expect(ids('sf')[0]).toBe('sf');
    expect(searchTemplates(index, 'sf', 5)[0]!.matched).toBe('code');
  });
  it('finds scattered words', () => {
    expect(ids('付款发货')).toContain('ship');
  });
  it('returns nothing for an empty query', () => {
    expect(ids('  ')).toEqual([]);
  });
});

describe('searchTemplates with pinyin initials', () => {
  it('finds 催付 by cf and 发货 by fh once the index has initials', () => {
    expect(ids('jsy')).toEqual([]);
    ensureInitials(index, PINYIN_TABLE);
    expect(ids('jsy')).toEqual(['thanks']);
    expect(ids('cftx')).toEqual(['pay']);
    expect(ids('fhsj')[0]).toBe('ship');
    // fh: code of "发货时间" first, then templates whose text says 发货.
    expect(ids('fh')[0]).toBe('ship');
    expect(ids('fh')).toContain('pay');
    expect(ids('cf')[0]).toBe('pay');
  });
});

describe('pinyin initials from the generated table', () => {
  it('gives the first letters of 咨询高峰稍候, keeping letters and digits', () => {
    expect(initialsOf('咨询高峰稍候', PINYIN_TABLE)).toBe('zxgfsh');
    expect(initialsOf('16点前VIP', PINYIN_TABLE)).toBe('16dqvip');
  });
  it('finds a word whose character has several readings by either reading (便宜 → py or by)', () => {
    const idx = buildTemplateIndex([T('cheap', '便宜一点', '可以便宜一点吗'), T('bank', '银行卡支付', '银行卡号'), T('other', '结束语', '祝您愉快')]);
    ensureInitials(idx, PINYIN_TABLE);
    const found = (q: string) => searchTemplates(idx, q, 5).map((h) => h.template.id);
    expect(found('pyyd')).toEqual(['cheap']);
    expect(found('byyd')).toEqual(['cheap']);
    expect(found('yhk')).toEqual(['bank']);
    expect(found('zyk')).toEqual([]);
  });
});
