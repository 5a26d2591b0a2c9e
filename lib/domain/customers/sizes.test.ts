import { describe, expect, it } from 'vitest';
import { chineseNumber, ownSizes, parseSizes } from './sizes';

describe('parseSizes reads what buyers type', () => {
  const cases: [string, ReturnType<typeof parseSizes>][] = [
    ['身高165 体重110', { heightCm: 165, weightKg: 55 }],
    ['165/110斤', { heightCm: 165, weightKg: 55 }],
    ['一米六五 五十公斤', { heightCm: 165, weightKg: 50 }],
    ['1米7 130斤', { heightCm: 170, weightKg: 65 }],
    ['165cm 55kg', { heightCm: 165, weightKg: 55 }],
    ['我165，105斤', { heightCm: 165, weightKg: 52.5 }],
    ['平时穿M码', { usualSize: 'M' }],
    ['鞋码38', { shoeSize: 38 }],
    ['胸围88', { bustCm: 88 }],
    ['身高一米五八，体重九十斤', { heightCm: 158, weightKg: 45 }],
    ['1.68m 52kg', { heightCm: 168, weightKg: 52 }],
    ['我老公180 160斤穿什么码', { heightCm: 180, weightKg: 80 }],
    ['宝宝身高90 体重28斤', { heightCm: 90, weightKg: 14 }],
    ['身高175体重75', { heightCm: 175, weightKg: 75 }],
    ['身高158 体重47', { heightCm: 158, weightKg: 47 }],
    ['170,140', { heightCm: 170, weightKg: 70 }],
    ['亲 我一米七，一百三十斤，平时穿XL', { heightCm: 170, weightKg: 65, usualSize: 'XL' }],
    ['体重一百二 身高162', { heightCm: 162, weightKg: 60 }],
    ['身高：158cm，体重：47.5kg', { heightCm: 158, weightKg: 47.5 }],
    ['110-115斤 160', { heightCm: 160, weightKg: 56.3 }],
    ['穿38码的鞋', { shoeSize: 38 }],
    ['腰围二尺一', { waistCm: 70 }],
    ['胸围88 腰围70', { bustCm: 88, waistCm: 70 }],
    ['帮我妈妈看下，155 120斤', { heightCm: 155, weightKg: 60 }],
    ['一般穿L的，鞋子39码', { usualSize: 'L', shoeSize: 39 }],
    ['１６５／１１０', { heightCm: 165, weightKg: 55 }],
    ['身高1米65，体重100斤左右', { heightCm: 165, weightKg: 50 }],
    ['我160 48kg 胸围34B', { heightCm: 160, weightKg: 48 }],
    ['腰围28寸', { waistCm: 71.1 }],
    ['体重55公斤 身高1.6米', { heightCm: 160, weightKg: 55 }],
    ['160的个子 100斤出头', { heightCm: 160, weightKg: 50 }],
    ['一米六 九十五斤 穿s', { heightCm: 160, weightKg: 47.5, usualSize: 'S' }],
    ['身高170cm体重65kg平时2xl', { heightCm: 170, weightKg: 65, usualSize: 'XXL' }],
    ['我一米六八 一百斤出头 鞋子穿37.5', { heightCm: 168, weightKg: 50, shoeSize: 37.5 }],
    ['男 178 140斤 平常穿XL 脚43码', { heightCm: 178, weightKg: 70, usualSize: 'XL', shoeSize: 43 }],
    ['我163 体重98', { heightCm: 163, weightKg: 49 }],
    ['体重110多斤', { weightKg: 55 }],
  ];
  it.each(cases)('reads %s', (text, expected) => {
    expect(parseSizes(text)).toEqual(expected);
  });

  it.each([
    ['M码偏大吗'],
    ['我穿m码合适吗'],
    ['订单号 1650110123456789 还没发货'],
    ['这件多少钱 165元'],
    ['衣长65cm吗'],
    ['在吗'],
    ['买了2件，一共199'],
  ])('finds nothing that is not the buyer\'s own size in %s', (text) => {
    expect(parseSizes(text)).toEqual({});
  });
});

describe('chineseNumber', () => {
  it.each([
    ['五十', 50],
    ['一百一十', 110],
    ['一百二', 120],
    ['一百零五', 105],
    ['九十五', 95],
    ['六五', 65],
    ['十', 10],
  ])('reads %s as %i', (text, n) => {
    expect(chineseNumber(text)).toBe(n);
  });
});

describe('ownSizes: the buyer’s own sizes in the agent’s note, not a child’s or a partner’s', () => {
  it('reads the buyer’s sizes as parseSizes does', () => {
    expect(ownSizes('身高165 体重110 平时穿M')).toEqual({ sizes: { heightCm: 165, weightKg: 55, usualSize: 'M' }, others: null });
    expect(ownSizes('我165，105斤')).toEqual({ sizes: parseSizes('我165，105斤'), others: null });
    expect(ownSizes('喜欢深色')).toEqual({ sizes: {}, others: null });
  });

  it('leaves out sizes about someone else, and says whose they are', () => {
    // Before, Alt+N saved these as the buyer's: height 120, and 180 / 75 kg.
    expect(parseSizes('给孩子买，身高120')).toEqual({ heightCm: 120 });
    expect(ownSizes('给孩子买，身高120')).toEqual({ sizes: {}, others: '孩子' });
    expect(ownSizes('我老公穿 180 75kg')).toEqual({ sizes: {}, others: '老公' });
    expect(ownSizes('帮女儿挑，身高一米三 体重五十斤')).toEqual({ sizes: {}, others: '女儿' });
    expect(ownSizes('送男朋友的 185 140斤 平时穿XL')).toEqual({ sizes: {}, others: '男朋友' });
  });

  it('keeps the buyer’s own sizes in the same note: the words after 我 / 自己 are the buyer’s again', () => {
    expect(ownSizes('我穿M，给老公买 身高180 体重75kg')).toEqual({ sizes: { usualSize: 'M' }, others: '老公' });
    expect(ownSizes('孩子身高120，自己身高160 体重100斤')).toEqual({ sizes: { heightCm: 160, weightKg: 50 }, others: '孩子' });
    // Someone named without sizes changes nothing.
    expect(ownSizes('身高165 体重110 平时穿M，给老公也看看')).toEqual({ sizes: { heightCm: 165, weightKg: 55, usualSize: 'M' }, others: null });
    // 宝贝 is the item, not a child.
    expect(ownSizes('这款宝贝我平时穿L')).toEqual({ sizes: { usualSize: 'L' }, others: null });
  });
});

describe('ownSizes: 宝宝 is how shops address the buyer; a child only when the words make it one', () => {
  it('reads figures given to or by 宝宝 the buyer as the buyer’s own', () => {
    // Before, every 宝宝 was a child: these were left out of the buyer's sizes.
    expect(ownSizes('宝宝身高165体重110')).toEqual({ sizes: { heightCm: 165, weightKg: 55 }, others: null });
    expect(ownSizes('宝宝 您平时穿什么码？平时穿M')).toEqual({ sizes: { usualSize: 'M' }, others: null });
    expect(ownSizes('宝宝158 95斤，要S')).toEqual({ sizes: parseSizes('158 95斤，要S'), others: null });
    expect(ownSizes('小仙女宝宝 160 90斤')).toEqual({ sizes: { heightCm: 160, weightKg: 45 }, others: null });
    expect(ownSizes('宝宝 一米七 一百三十斤 穿XL')).toEqual({ sizes: { heightCm: 170, weightKg: 65, usualSize: 'XL' }, others: null });
    // 给宝宝 with something the shop does for the buyer (备注, 发, 推荐) is the buyer too.
    expect(ownSizes('已给宝宝备注：身高160 体重100斤')).toEqual({ sizes: { heightCm: 160, weightKg: 50 }, others: null });
  });

  it('leaves out a child called 宝宝: 我家 / 给…买 / 小宝宝 before it, an age after it, or a child’s figures', () => {
    expect(ownSizes('我家宝宝身高150 体重80斤')).toEqual({ sizes: {}, others: '宝宝' });
    expect(ownSizes('我们家宝宝穿120的，身高118')).toEqual({ sizes: {}, others: '宝宝' });
    expect(ownSizes('给宝宝买，身高150 体重70斤')).toEqual({ sizes: {}, others: '宝宝' });
    expect(ownSizes('小宝宝 身高73 体重18斤')).toEqual({ sizes: {}, others: '宝宝' });
    expect(ownSizes('女宝宝 身高150')).toEqual({ sizes: {}, others: '宝宝' });
    expect(ownSizes('宝宝8个月，身高72')).toEqual({ sizes: {}, others: '宝宝' });
    expect(ownSizes('宝宝今年五岁 身高110 体重40斤')).toEqual({ sizes: {}, others: '宝宝' });
    expect(ownSizes('宝宝身高128 体重50斤')).toEqual({ sizes: {}, others: '宝宝' });
    expect(ownSizes('宝宝脚穿28码')).toEqual({ sizes: {}, others: '宝宝' });
    // The buyer's own sizes beside the child's are kept.
    expect(ownSizes('宝宝平时穿M，我家宝宝身高100')).toEqual({ sizes: { usualSize: 'M' }, others: '宝宝' });
  });

  it('宝宝 N个月前 / 天前 / 年前 / 周前 is when the buyer last bought, not a child’s age: the figures are the buyer’s', () => {
    // Before, 宝宝3个月前 read as a three-month-old: the buyer's own 165 / 110斤 / M stayed in the note.
    expect(ownSizes('宝宝3个月前买过M，身高165体重110')).toEqual({ sizes: { heightCm: 165, weightKg: 55 }, others: null });
    expect(ownSizes('宝宝两个多月前来过，平时穿L 身高170 体重130斤')).toEqual({ sizes: { heightCm: 170, weightKg: 65, usualSize: 'L' }, others: null });
    expect(ownSizes('宝宝半个月以前来问过，身高160 体重100斤')).toEqual({ sizes: { heightCm: 160, weightKg: 50 }, others: null });
    expect(ownSizes('宝宝几个月之前买的，平时穿S，身高155')).toEqual({ sizes: { heightCm: 155, usualSize: 'S' }, others: null });
    expect(ownSizes('宝宝10天前买过，身高168 体重120斤')).toEqual({ sizes: { heightCm: 168, weightKg: 60 }, others: null });
    expect(ownSizes('宝宝2年前买过 身高175')).toEqual({ sizes: { heightCm: 175 }, others: null });
    expect(ownSizes('宝宝3周前买过，身高162')).toEqual({ sizes: { heightCm: 162 }, others: null });
    // An age is still a child's, with or without 大: their figures stay out of the buyer's.
    expect(ownSizes('宝宝3个月，身高62 体重13斤')).toEqual({ sizes: {}, others: '宝宝' });
    expect(ownSizes('宝宝3岁，身高95 体重30斤')).toEqual({ sizes: {}, others: '宝宝' });
    expect(ownSizes('宝宝8个月大，身高70 体重16斤')).toEqual({ sizes: {}, others: '宝宝' });
    expect(ownSizes('宝宝3岁前穿90码，身高150')).toEqual({ sizes: {}, others: '宝宝' });
  });

  it('宝宝 the buyer does not take back the sizes of someone the note named before', () => {
    // 女儿 … 宝宝 may be the daughter: left in the note rather than saved as the buyer's.
    expect(ownSizes('给女儿买，宝宝身高155 体重85斤')).toEqual({ sizes: {}, others: '女儿' });
    // 自己 names the buyer again; 您 does not (in a buyer's message copied into a note it is the shop).
    expect(ownSizes('老公180 75kg，宝宝自己呢？165 100斤')).toEqual({ sizes: { heightCm: 165, weightKg: 50 }, others: '老公' });
    expect(ownSizes('给孩子买，身高120，您帮看下，体重50斤')).toEqual({ sizes: {}, others: '孩子' });
  });
});

describe('a shoe size asked for in stock is not one the buyer wears', () => {
  it.each([
    ['39码的鞋还有吗'],
    ['还有没有41码的鞋子'],
    ['这双鞋 43码有货吗'],
    ['鞋码36还有吗？'],
    ['37码的鞋断码了吗'],
    ['36码的靴子什么时候补货'],
  ])('%s saves no shoe size', (text) => {
    // Before, each stored its number as the buyer's shoe size on the card.
    expect(parseSizes(text)).toEqual({});
    expect(ownSizes(text)).toEqual({ sizes: {}, others: null });
  });

  it.each([
    ['我平时穿39的鞋，这款还有吗', 39],
    ['我穿41码的鞋，有货吗', 41],
    ['我脚是37码 还有吗', 37],
    ['鞋子一般穿36，40码的鞋还有吗', 36],
    ['44码的鞋还有吗？我平时穿42码的鞋', 42],
  ])('a size the buyer says they wear still counts beside a stock question: %s → %d', (text, shoe) => {
    expect(parseSizes(text)).toEqual({ shoeSize: shoe });
  });
});

describe('ownSizes: a child called 宝宝 of 140 cm or more is still a child', () => {
  it.each([
    ['宝宝 146cm 穿多大'],
    ['宝宝身高143 体重72斤 选哪个码'],
    ['身高147的宝宝穿什么码'],
    ['宝宝上初中了，身高148'],
    ['宝宝穿大童的，身高152 体重75斤'],
  ])('%s saves none of the child’s sizes as the buyer’s', (text) => {
    // Before, a 宝宝 with no other marker was the buyer from 140 cm: these heights went on the buyer's card.
    expect(ownSizes(text).sizes).toEqual({});
  });

  it('keeps the buyer’s own figures called 宝宝 (adult figures) and the buyer’s own beside a child', () => {
    expect(ownSizes('宝宝身高156 体重92斤')).toEqual({ sizes: { heightCm: 156, weightKg: 46 }, others: null });
    expect(ownSizes('我身高162，宝宝 146cm 穿多大')).toEqual({ sizes: { heightCm: 162 }, others: '宝宝' });
  });
});

describe('a number worn on the feet is a shoe size, never the clothing size', () => {
  it.each([
    ['我穿38码的鞋合适吗', 38],
    ['穿38码的鞋子', 38],
    ['38码的运动鞋', 38],
    ['我穿38号的鞋', 38],
    ['穿38号的鞋子', 38],
    ['我穿38码的高跟鞋', 38],
    ['我穿38码的帆布鞋', 38],
    ['我穿37.5码的凉鞋', 37.5],
    ['我穿38码的拖鞋', 38],
    ['我穿42码的球鞋', 42],
    ['38的板鞋', 38],
  ])('%s → the card’s shoe size %d, and no 常穿尺码', (text, shoe) => {
    // Before, the words for many shoes (高跟鞋, 凉鞋, 板鞋…) and 号 were not read: nothing was saved.
    expect(parseSizes(text)).toEqual({ shoeSize: shoe });
    expect(ownSizes(text).sizes).toEqual({ shoeSize: shoe });
  });

  it('leaves 38码 with neither shoe nor garment unsaved (a dress is 38 too), and a garment’s letter size apart', () => {
    expect(parseSizes('平时穿38码')).toEqual({});
    expect(parseSizes('我穿38码')).toEqual({});
    expect(parseSizes('我穿38码的高跟鞋，衣服平时穿M')).toEqual({ shoeSize: 38, usualSize: 'M' });
  });
});
