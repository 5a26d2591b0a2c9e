import { describe, expect, it } from 'vitest';
import { prefillFills, readBodySize, readUsualSize } from './prefill';
import { STARTER_LIBRARY } from './starter';
import { listVariables } from './variables';

const fill = (...messages: string[]) => prefillFills(['身高体重', '推荐尺码'], messages);

describe('readBodySize: the height and weight a buyer wrote', () => {
  it.each([
    ['我身高162体重52公斤', '162cm', '52kg'],
    ['160cm 100斤', '160cm', '100斤'],
    ['身高165，体重110斤', '165cm', '110斤'],
    ['身高：170cm，体重：60kg', '170cm', '60kg'],
    ['1米65，110斤', '165cm', '110斤'],
    ['1米6 95斤', '160cm', '95斤'],
    ['1.65m 50KG', '165cm', '50kg'],
    ['1.7米，130斤左右', '170cm', '130斤'],
    ['165，110斤穿什么码', '165cm', '110斤'],
    ['165厘米52千克', '165cm', '52kg'],
    ['168公分 62.5公斤', '168cm', '62.5kg'],
  ])('%s → %s / %s', (text, height, weight) => {
    expect(readBodySize(text)).toEqual({ height, weight });
  });

  it('reads the weight first as well as the height first', () => {
    expect(readBodySize('体重110斤，身高165')).toEqual({ height: '165cm', weight: '110斤' });
    expect(readBodySize('52kg 162cm')).toEqual({ height: '162cm', weight: '52kg' });
  });

  it('keeps a weight written without a unit as the bare number instead of guessing 斤 or kg', () => {
    expect(readBodySize('身高165体重110')).toEqual({ height: '165cm', weight: '110' });
    expect(readBodySize('165cm 110')).toEqual({ height: '165cm', weight: '110' });
  });

  it('reads one of the two when the buyer gave one', () => {
    expect(readBodySize('我身高158')).toEqual({ height: '158cm' });
    expect(readBodySize('我120斤能穿吗')).toEqual({ weight: '120斤' });
  });

  it.each([
    '订单号 165110238475 什么时候发货',
    '¥159 的那件还有吗',
    '159元包邮吗',
    '拍了2件，165号能到吗',
    '12月16日能发货吗',
    '2024-11-23 下的单',
    '胸围90cm，衣长100cm 的那款',
    '165',
    '优惠券满165减20',
    '这件165块贵了',
  ])('takes nothing from %s', (text) => {
    expect(readBodySize(text)).toEqual({});
  });
});

describe('prefillFills: fill-ins the buyer already answered', () => {
  it('writes 身高体重 as height/weight and leaves the other fill-ins to the agent', () => {
    expect(fill('你好', '我身高162体重52公斤')).toEqual({ 身高体重: '162cm/52kg' });
  });

  it('takes the newest mention, and the height and the weight from different messages', () => {
    expect(fill('160cm 100斤', '说错了，是105斤')).toEqual({ 身高体重: '160cm/105斤' });
    expect(fill('身高165', '体重110斤', '穿什么码')).toEqual({ 身高体重: '165cm/110斤' });
  });

  it('fills separate 身高 and 体重 fill-ins too', () => {
    expect(prefillFills(['身高', '体重'], ['160cm 100斤'])).toEqual({ 身高: '160cm', 体重: '100斤' });
  });

  it('gives nothing when the buyer wrote no size, or the reply asks for none', () => {
    expect(fill('¥159 的那件有货吗', '拍2件')).toEqual({});
    expect(fill()).toEqual({});
    expect(prefillFills(['单号'], ['160cm 100斤'])).toEqual({});
  });

  it('reads the fill-in of the starter reply 推荐尺码 (/tj)', () => {
    const tj = STARTER_LIBRARY.templates.find((t) => t.id === 'size-recommend')!;
    const names = listVariables(tj.body).map((v) => v.name);
    expect(prefillFills(names, ['身高165，体重110斤'])).toEqual({ 身高体重: '165cm/110斤' });
  });
});

describe('readUsualSize: the size a buyer says they usually wear', () => {
  it.each([
    ['我平时穿39的鞋，这双拍多大', '39'],
    ['平时穿M码 这件外套要拿哪个', 'M'],
    ['我一般都穿xl的', 'XL'],
    ['平常穿的是38.5码', '38.5'],
    ['裤子平时都是29码', '29'],
    ['平时买衣服都是L', 'L'],
    ['一般穿2xl', '2XL'],
    ['平时穿40号的运动鞋', '40'],
    ['我身高170 平时穿L码', 'L'],
    // The habit words the buyer card read and this did not (one reader since 2026-12-07: customers/sizes-usual.ts).
    ['经常穿XL', 'XL'],
    ['平时穿均码', '均码'],
  ])('%s → %s', (text, size) => {
    expect(readUsualSize(text)).toBe(size);
  });

  it.each([
    'M码还有吗',
    '我穿M码合适吗',
    '平时多久能发货',
    '一般几天能到',
    '一般穿着宽松吗',
    '平时100斤左右',
    '一般要等3天吗',
    '平时穿的衣服偏宽松',
  ])('takes nothing from %s', (text) => {
    expect(readUsualSize(text)).toBeUndefined();
  });
});

describe('prefillFills: 平时尺码', () => {
  it('reads the fill-in of the starter reply 按平时尺码推荐 from what the buyer said, and leaves 推荐尺码 to the agent', () => {
    const usual = STARTER_LIBRARY.templates.find((t) => t.id === 'size-usual')!;
    const names = listVariables(usual.body).map((v) => v.name);
    expect(prefillFills(names, ['你好', '我平时穿39的鞋，这双拍多大'])).toEqual({ 平时尺码: '39' });
    expect(prefillFills(names, ['平时穿M码', '这件外套要拿哪个'])).toEqual({ 平时尺码: 'M' });
  });

  it('takes the newest mention, and nothing when the buyer gave no usual size', () => {
    expect(prefillFills(['平时尺码'], ['平时穿M码', '说错了 平时穿L码'])).toEqual({ 平时尺码: 'L' });
    expect(prefillFills(['平时尺码'], ['这件有M码吗', '一般几天能到'])).toEqual({});
  });

  it('fills 身高体重 and 平时尺码 side by side', () => {
    expect(prefillFills(['身高体重', '平时尺码'], ['身高165 体重110斤 平时穿M'])).toEqual({ 身高体重: '165cm/110斤', 平时尺码: 'M' });
  });
});
