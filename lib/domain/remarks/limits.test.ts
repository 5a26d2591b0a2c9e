import { describe, expect, it } from 'vitest';
import { appendRemark, remarkLength } from './limits';

describe('remarkLength', () => {
  it('counts Taobao remarks in UTF-8 bytes: a Chinese character is 3 bytes', () => {
    expect(remarkLength('张三', 'taobao')).toEqual({ used: 6, max: 1000, unit: 'bytes' });
    expect(remarkLength('好'.repeat(400), 'taobao').used).toBe(1200);
    expect(remarkLength('ab｜', 'taobao').used).toBe(5);
  });

  it('counts JD remarks in characters, up to 500', () => {
    expect(remarkLength('好'.repeat(400), 'jd')).toEqual({ used: 400, max: 500, unit: 'chars' });
  });

  it('treats the demo console, and an unknown platform argument, like Taobao', () => {
    expect(remarkLength('好', 'demo')).toEqual({ used: 3, max: 1000, unit: 'bytes' });
    expect(remarkLength('好', undefined).unit).toBe('bytes');
  });

  it('reports no known limit for Pinduoduo', () => {
    expect(remarkLength('好好', 'pdd')).toEqual({ used: 2, max: null, unit: 'chars' });
  });

  it('counts an emoji as 4 bytes on Taobao and 2 characters on JD', () => {
    expect(remarkLength('😀', 'taobao').used).toBe(4);
    expect(remarkLength('😀', 'jd').used).toBe(2);
  });
});

describe('appendRemark', () => {
  const line = (n: number, len: number) => `第${n}条${'好'.repeat(len)}`;

  it('keeps the earlier remark lines and adds the new one last', () => {
    const r = appendRemark('第一条 张三 11/20', '【已核对可发货】张三 2026-11-23', 'taobao');
    expect(r.text).toBe('第一条 张三 11/20\n【已核对可发货】张三 2026-11-23');
    expect(r.dropped).toEqual([]);
    expect(r.message).toBeUndefined();
  });

  it('starts a fresh remark when there was none', () => {
    expect(appendRemark('', 'x 张三 11/23', 'jd').text).toBe('x 张三 11/23');
  });

  it('does not add the same line twice when the agent saves again', () => {
    expect(appendRemark('a\nb', 'b', 'taobao').text).toBe('a\nb');
  });

  it('drops the oldest lines first when over the Taobao byte limit, and says so', () => {
    // each line: 4 + 100 Chinese chars ≈ 3 + 3 + 1 + 300 bytes
    const prev = [line(1, 100), line(2, 100), line(3, 100)].join('\n');
    const r = appendRemark(prev, line(4, 100), 'taobao');
    expect(r.dropped).toEqual([line(1, 100)]);
    expect(r.text.split('\n')).toEqual([line(2, 100), line(3, 100), line(4, 100)]);
    expect(r.length.used).toBeLessThanOrEqual(1000);
    expect(r.message?.zh).toContain('最早的 1 条');
    expect(r.tooLong).toBe(false);
  });

  it('keeps all of them on JD, where the same text is under 500 characters', () => {
    const prev = [line(1, 100), line(2, 100), line(3, 100)].join('\n');
    const r = appendRemark(prev, line(4, 50), 'jd');
    expect(r.dropped).toEqual([]);
    expect(r.text.split('\n')).toHaveLength(4);
  });

  it('drops several old lines on JD once past 500 characters', () => {
    const prev = [line(1, 250), line(2, 250), line(3, 50)].join('\n');
    const r = appendRemark(prev, line(4, 250), 'jd');
    expect(r.dropped).toEqual([line(1, 250), line(2, 250)]);
    expect(r.length.used).toBeLessThanOrEqual(500);
  });

  it('says the new line alone is too long rather than cutting it', () => {
    const r = appendRemark('old', '好'.repeat(400), 'taobao');
    expect(r.tooLong).toBe(true);
    expect(r.text).toBe('好'.repeat(400));
    expect(r.message?.zh).toContain('1200');
  });

  it('puts a multi-line new remark on one line', () => {
    expect(appendRemark('', 'a\nb', 'taobao').text).toBe('a b');
  });
});
