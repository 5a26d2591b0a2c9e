import { describe, expect, it } from 'vitest';
import { csvCell, csvOrderCell, followupsToCsv } from './csv';
import { followupsFromOrders, manualFollowup } from './rules';
import { DEFAULT_FOLLOWUP_SETTINGS as S } from './types';
import { complete } from './view';

const bj = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h - 8, mi);
const now = bj(2026, 3, 10, 17, 0);

/** Minimal RFC 4180 reader, to check what a spreadsheet will see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('followupsToCsv', () => {
  const unpaid = followupsFromOrders(
    [{ orderId: '3812345678901234567', buyer: '小明,小红', status: 'unpaid', createdAt: bj(2026, 3, 10, 10), flag: 'gray', remark: '' }],
    [],
    S,
    bj(2026, 3, 10, 11),
  ).upserts[0]!;
  const manual = { ...manualFollowup({ title: '说"明天"再联系\n第二行', buyer: '=cmd|calc', dueAt: bj(2026, 3, 11, 9) }, now, S), note: '+1 赠品' };
  const done = complete(manualFollowup({ title: '已处理完', buyer: '@小王' }, now, S), now);

  it('starts with a UTF-8 BOM, has Chinese headers and CRLF line ends', () => {
    const csv = followupsToCsv([unpaid], now);
    expect(csv.startsWith('\uFEFF类型,买家,平台,订单号,原因,截止时间,状态,备注\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes the order number as ="…" so a spreadsheet keeps all 19 digits', () => {
    const csv = followupsToCsv([unpaid], now);
    expect(csv).toContain(',"=""3812345678901234567""",');
    expect(parseCsv(csv.slice(1))[1]![3]).toBe('="3812345678901234567"');
  });

  it('quotes commas, quotes and line breaks so every row keeps its eight cells', () => {
    const rows = parseCsv(followupsToCsv([unpaid, manual, done], now).slice(1));
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r).toHaveLength(8);
    expect(rows[1]).toEqual([
      '拍下未付',
      '小明,小红',
      '',
      '="3812345678901234567"',
      '拍下超过 30 分钟未付款，16:00 截单前催付',
      '2026-03-10 15:30',
      '已逾期',
      '',
    ]);
    expect(rows[2]![4]).toBe('说"明天"再联系\n第二行');
  });

  it('neutralises cells that a spreadsheet would run as formulas', () => {
    const rows = parseCsv(followupsToCsv([manual, done], now).slice(1));
    expect(rows[1]![1]).toBe("'=cmd|calc");
    expect(rows[1]![7]).toBe("'+1 赠品");
    expect(rows[2]![1]).toBe("'@小王");
    expect(rows[2]![6]).toBe('已完成');
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\t=1')).toBe("'\t=1");
  });

  it('neutralises formulas hidden behind zero-width characters and in full-width signs', () => {
    for (const v of ['\u200B=HYPERLINK("x")', '\uFEFF+1', '\u2060\u200D-1', '\u202E@SUM(A1)', '＝1+1', '＋86', '－5', '＠小王', '\u200B＝1']) {
      expect(csvCell(v).replace(/^"/, '').startsWith("'"), JSON.stringify(v)).toBe(true);
    }
    // Ordinary text that merely contains these signs stays as it is.
    expect(csvCell('退款 = 5 元')).toBe('退款 = 5 元');
    expect(csvCell('\u200B你好')).toBe('\u200B你好');
  });

  it('writes non-numeric order ids as ordinary, neutralised text', () => {
    expect(csvOrderCell('JD-123')).toBe('JD-123');
    expect(csvOrderCell('-123')).toBe("'-123");
  });

  it('speaks English when asked, keeping the stored Chinese reason', () => {
    const rows = parseCsv(followupsToCsv([unpaid], now, 'en').slice(1));
    expect(rows[0]).toEqual(['Kind', 'Buyer', 'Platform', 'Order no.', 'Reason', 'Due', 'Status', 'Note']);
    expect(rows[1]![0]).toBe('Unpaid order');
    expect(rows[1]![6]).toBe('Overdue');
  });

  it('says each buyer’s console beside the name: one nickname on two consoles is two buyers', () => {
    const asked = (platform: 'pdd' | 'jd') => ({ ...manualFollowup({ title: '问过没下单', buyer: '青柠苏打2019' }, now, S), platform });
    const rows = parseCsv(followupsToCsv([asked('pdd'), asked('jd')], now).slice(1));
    expect(rows.slice(1).map((r) => r.slice(1, 3))).toEqual([['青柠苏打2019', '拼多多'], ['青柠苏打2019', '京东']]);
    expect(parseCsv(followupsToCsv([asked('jd')], now, 'en').slice(1))[1]![2]).toBe('JD');
  });

  it('writes due times in shop time', () => {
    const rows = parseCsv(followupsToCsv([unpaid], now, 'zh-CN', { utcOffsetMinutes: 0 }).slice(1));
    expect(rows[1]![5]).toBe('2026-03-10 07:30');
  });
});
