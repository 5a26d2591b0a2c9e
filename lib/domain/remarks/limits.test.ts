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
    const r = appendRemark('a\nb', 'b', 'taobao');
    expect(r.text).toBe('a\nb');
    expect(r.kept).toBe(2);
  });

  it('never drops an earlier line unasked: over the limit, the result does not fit and says by how much', () => {
    // A colleague's long remark (an address change, the only record of it) and a new line.
    const colleague = `改地址：上海市浦东新区张江路88号 客服阿杰 11/22；${'买家要求周末送货，电话先联系，'.repeat(20)}`;
    const line = '【信息变更】新电话:13812345678｜小美 2026-12-03';
    const r = appendRemark(colleague, line, 'taobao');
    expect(r.fits).toBe(false);
    expect(r.dropped).toEqual([]);
    expect(r.mustDrop).toEqual([colleague]);
    expect(r.text).toBe(`${colleague}\n${line}`);
    expect(r.kept).toBe(1);
    const total = new TextEncoder().encode(r.text).length;
    expect(r.over).toBe(total - 1000);
    expect(r.length.used).toBe(total);
    expect(r.message?.zh).toContain(`多 ${total - 1000} 字节`);
    expect(r.message?.zh).toContain('不会自动删去');
    expect(r.message?.zh).not.toContain('已删去');
    expect(r.message?.en).toContain(`${total - 1000} over the platform limit of 1000 bytes`);
  });

  it('says how long the new line may be when shortening it would do', () => {
    const prev = [line(1, 100), line(2, 100), line(3, 100)].join('\n'); // 3 × 307 bytes + 2 line breaks = 923
    const r = appendRemark(prev, line(4, 100), 'taobao');
    expect(r.fits).toBe(false);
    expect(r.mustDrop).toEqual([line(1, 100)]);
    expect(r.message?.zh).toContain('请把这条缩短到 76 字节以内（现在 307 字节）'); // 1000 − 923 − the line break before it
    expect(appendRemark(prev, '【已核对可发货】张三 2026-11-23', 'taobao').fits).toBe(true);
  });

  it('drops exactly the oldest lines the agent agreed to, and says so', () => {
    const prev = [line(1, 100), line(2, 100), line(3, 100)].join('\n');
    const r = appendRemark(prev, line(4, 100), 'taobao', { dropOldest: 1 });
    expect(r.fits).toBe(true);
    expect(r.dropped).toEqual([line(1, 100)]);
    expect(r.kept).toBe(2);
    expect(r.text.split('\n')).toEqual([line(2, 100), line(3, 100), line(4, 100)]);
    expect(r.length.used).toBeLessThanOrEqual(1000);
    expect(r.message?.zh).toContain('按你的选择，删去最早的 1 条备注');
  });

  it('drops nothing when the agent agreed to fewer lines than must go', () => {
    const prev = [line(1, 250), line(2, 250), line(3, 50)].join('\n');
    const asked = appendRemark(prev, line(4, 250), 'jd', { dropOldest: 1 });
    expect(asked.mustDrop).toEqual([line(1, 250), line(2, 250)]);
    expect(asked.dropped).toEqual([]);
    expect(asked.fits).toBe(false);
    const agreed = appendRemark(prev, line(4, 250), 'jd', { dropOldest: 2 });
    expect(agreed.dropped).toEqual([line(1, 250), line(2, 250)]);
    expect(agreed.length.used).toBeLessThanOrEqual(500);
  });

  it('keeps all of them on JD, where the same text is under 500 characters', () => {
    const prev = [line(1, 100), line(2, 100), line(3, 100)].join('\n');
    const r = appendRemark(prev, line(4, 50), 'jd');
    expect(r.dropped).toEqual([]);
    expect(r.mustDrop).toEqual([]);
    expect(r.fits).toBe(true);
    expect(r.text.split('\n')).toHaveLength(4);
  });

  it('does not ask for a shorter line when not even the shortest one would fit', () => {
    const r = appendRemark('好'.repeat(333), '【已核对可发货】张三 2026-11-23', 'taobao');
    expect(r.fits).toBe(false);
    expect(r.message?.zh).toContain('只剩 0 字节），缩短这条也放不下');
    // 30 bytes of room: too little for the title and signature alone (35 bytes).
    const prev = '好'.repeat(323);
    const line = '【信息变更】新电话:13812345678｜张三 2026-11-23';
    expect(appendRemark(prev, line, 'taobao').message?.zh).toContain('请把这条缩短到 30 字节以内');
    expect(appendRemark(prev, line, 'taobao', { shortest: '【信息变更】张三 2026-11-23' }).message?.zh).toContain('只剩 30 字节），缩短这条也放不下');
  });

  it("uses the box's maxlength where the platform's limit is not known (a taught console)", () => {
    expect(remarkLength('好'.repeat(10), 'taught', 8)).toEqual({ used: 10, max: 8, unit: 'chars' });
    expect(remarkLength('好'.repeat(10), 'taught')).toEqual({ used: 10, max: null, unit: 'chars' });
    // A known platform limit is what the platform saves, whatever the box allows.
    expect(remarkLength('好'.repeat(10), 'taobao', 8).max).toBe(1000);
    const r = appendRemark('之前的备注', '新的一条备注', 'taught', { boxMax: 10 });
    expect(r.fits).toBe(false);
    expect(r.mustDrop).toEqual(['之前的备注']);
  });

  it('says the new line alone is too long rather than cutting it', () => {
    const r = appendRemark('old', '好'.repeat(400), 'taobao');
    expect(r.tooLong).toBe(true);
    expect(r.fits).toBe(false);
    expect(r.text).toBe('好'.repeat(400));
    expect(r.dropped).toEqual([]);
    expect(r.message?.zh).toContain('1200');
  });

  it('puts a multi-line new remark on one line', () => {
    expect(appendRemark('', 'a\nb', 'taobao').text).toBe('a b');
  });
});
