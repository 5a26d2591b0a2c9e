/**
 * Reads body sizes out of what buyers type ("身高165 体重110", "一米六五 五十公斤", "平时穿M码").
 *
 * Rules worth knowing (each has a test in sizes.test.ts):
 * - 斤 is half a kilogram. A weight without a unit is read as 斤 when that gives a plausible body
 *   (BMI 14–38 against the height, when a height is known), otherwise as kg; with no height, numbers
 *   from 70 up are 斤 and smaller ones kg. Chinese buyers mostly count in 斤.
 * - A bare three-digit number (140–199) is a height only next to a weight or after 我/高/个子, so
 *   prices and order numbers are not read as heights.
 * - "X码" alone is a question about a size ("M码偏大吗"), not the buyer's size; a usual size needs
 *   穿/平时/一般/我 before it.
 * - A shoe size asked for (38码的鞋还有吗, 有没有40码的鞋, 鞋码36有货吗) is not the buyer's: its sentence asks about
 *   stock, or a question follows it, and no 穿/脚/平时/我 before it in its clause says the buyer wears it.
 * - A number with a shoe named after it (38码的鞋子, 38号的高跟鞋, 42码的球鞋: sizes-usual.ts SHOE_WORD) is the
 *   shoe size, never the clothing size; 38码 with neither shoe nor garment is neither (a dress is 38 too).
 * - Waist in 尺 (市尺, 33.3 cm) and in 寸/small numbers (inches, as jeans sizes) is converted to cm.
 */
import { readUsualSize, SHOE_WORD } from './sizes-usual';
import type { Sizes } from './types';

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_NUM = '零〇一二两三四五六七八九十百';

/** Chinese numerals to a number: 五十 → 50, 一百一十 → 110, 一百二 → 120 (spoken), 六五 → 65. */
export function chineseNumber(text: string): number | null {
  if (!text) return null;
  if (!/[十百]/.test(text)) {
    let n = 0;
    for (const ch of text) {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return n;
  }
  let total = 0;
  let current = 0;
  let lastUnit = 0;
  let zero = false;
  for (const ch of text) {
    if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
      lastUnit = 10;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
      lastUnit = 100;
    } else {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      if (d === 0) zero = true;
      current = d;
    }
  }
  // 一百二 is spoken for 120, but 一百零二 is 102.
  if (current) total += lastUnit === 100 && !zero ? current * 10 : current;
  return total;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

function normalise(input: string): string {
  let s = input.normalize('NFKC').toLowerCase();
  // 一米六五 / 1米65 / 1米7 / 1m7 → 165cm / 170cm
  s = s.replace(
    /(?<![\d.])([1一])\s*(?:米|m)\s*([0-9]{1,2}|[零〇一二两三四五六七八九]{1,2})(?![0-9零〇一二两三四五六七八九十百])/g,
    (m, _one: string, rest: string) => {
      const digits = /^[0-9]+$/.test(rest) ? rest : String(chineseNumber(rest) ?? '');
      if (!digits) return m;
      const cm = 100 + (digits.length === 1 ? Number(digits) * 10 : Number(digits));
      return ` ${cm}cm `;
    },
  );
  // 1.65m / 1.7米 → 165cm
  s = s.replace(/(?<![\d.])([12]\.\d{1,2})\s*(?:米|m)(?![a-z])/g, (_m, v: string) => ` ${Math.round(Number(v) * 100)}cm `);
  // Chinese numerals before a unit: 一百三十斤, 五十公斤, 三十八码
  s = s.replace(
    new RegExp(`([${CN_NUM}]+)(?=\\s*多?\\s*(?:斤|公斤|千克|kg|cm|厘米|公分|码))`, 'g'),
    (m, num: string) => String(chineseNumber(num) ?? m),
  );
  // ...and after a label: 体重一百二, 身高一百六十
  s = s.replace(
    new RegExp(`(身高|体重|胸围|鞋码)\\s*(:)?\\s*([${CN_NUM}]{2,})`, 'g'),
    (m, label: string, colon: string | undefined, num: string) => {
      const n = chineseNumber(num);
      return n === null ? m : `${label}${colon ?? ''}${n}`;
    },
  );
  return s;
}

/** Replaces matched spans with spaces so later patterns do not read them again. */
function blank(s: string, start: number, length: number): string {
  return s.slice(0, start) + ' '.repeat(length) + s.slice(start + length);
}

const KG_UNIT = /^(公斤|千克|kg)$/;

function bmi(kg: number, cm: number): number {
  return kg / (cm / 100) ** 2;
}

function weightFromUnitless(value: number, heightCm: number | undefined): number {
  if (heightCm) {
    const asJin = bmi(value / 2, heightCm);
    if (asJin >= 14 && asJin <= 38) return value / 2;
    const asKg = bmi(value, heightCm);
    if (asKg >= 14 && asKg <= 38) return value;
  }
  return value >= 70 ? value / 2 : value;
}

function rangeValue(a: string, b: string | undefined): number {
  return b ? (Number(a) + Number(b)) / 2 : Number(a);
}

function normaliseSize(token: string): string {
  if (token === '均码') return token;
  const t = token.toUpperCase();
  const m = /^([2-6])(X+)([SL])$/.exec(t);
  if (m && m[1] && m[2]?.length === 1) {
    const n = Number(m[1]);
    return n <= 3 ? 'X'.repeat(n) + m[3] : t;
  }
  return t;
}

/** Asking whether a size is in stock, or about it: 还有吗, 有没有, 有货, 断码, 补货, 吗 / ？ after the size. */
const STOCK = /还有|有没有|有吗|有货|有没|没货|缺货|断码|补货|现货|库存|到货|卖完|售罄/;
const ASKED = /吗|呢|[?？]/;
/** In the same clause before a size, words that say the buyer wears it: 穿, 脚, a habit word, 我 right before it. */
const WORN_BEFORE = /穿|脚|平时|平常|平日|一般|通常|习惯|一直|经常|我\s*(?:是|都|就|的)?\s*$/;

/**
 * Whether the shoe size at `at` (`length` characters) is asked for (38码的鞋还有吗 / 有没有40码的鞋 / 鞋码36有货吗),
 * not said to be worn: its sentence asks about stock, or the words after it ask, and nothing in its clause before
 * it says the buyer wears it (我平时穿39的鞋，这款还有吗 / 我脚是37码 还有吗 are the buyer's).
 */
function shoeAskedFor(s: string, at: number, length: number): boolean {
  const clause = s.slice(0, at).split(/[，,。！!？?；;\n]/).at(-1) ?? '';
  if (WORN_BEFORE.test(clause)) return false;
  const sentenceStart = s.slice(0, at).search(/[^。！!？?；;\n]*$/);
  const after = /^[^。！!？?；;\n]*[。！!？?；;]?/.exec(s.slice(at + length))?.[0] ?? '';
  return STOCK.test(s.slice(sentenceStart, at) + after) || ASKED.test(after);
}

export function parseSizes(text: string): Partial<Sizes> {
  const out: Partial<Sizes> = {};
  let s = normalise(text);
  let m: RegExpExecArray | null;

  // Bust (not bra sizes like 34B / 75C).
  m = /胸围?\s*(?:是|:)?\s*(\d{2,3}(?:\.\d)?)\s*(cm|厘米|公分|寸)?(?![a-g\d.])/.exec(s);
  if (m?.[1]) {
    const v = Number(m[1]);
    const cm = m[2] === '寸' || v < 50 ? v * 2.54 : v;
    if (cm >= 50 && cm <= 160) out.bustCm = round1(cm);
    s = blank(s, m.index, m[0].length);
  }

  // Waist: 2尺1 (市尺), 28寸 / 28 (inches), 70cm.
  m = /腰围?\s*(?:是|:)?\s*([1-4一二两三四])\s*尺\s*([0-9零一二两三四五六七八九]?)/.exec(s);
  if (m?.[1]) {
    const chi = (/\d/.test(m[1]) ? Number(m[1]) : (CN_DIGITS[m[1]] ?? 0)) +
      (m[2] ? (/\d/.test(m[2]) ? Number(m[2]) : (CN_DIGITS[m[2]] ?? 0)) / 10 : 0);
    out.waistCm = round1((chi * 100) / 3);
    s = blank(s, m.index, m[0].length);
  } else {
    m = /腰围?\s*(?:是|:)?\s*(\d{2,3}(?:\.\d)?)\s*(cm|厘米|公分|寸)?/.exec(s);
    if (m?.[1]) {
      const v = Number(m[1]);
      const cm = m[2] === '寸' || v < 45 ? v * 2.54 : v;
      if (cm >= 40 && cm <= 160) out.waistCm = round1(cm);
      s = blank(s, m.index, m[0].length);
    }
  }

  // Shoes. A size asked for (38码的鞋还有吗, 鞋码36有货吗) is skipped unless the buyer says they wear it.
  const shoePatterns = [
    /鞋\s*码\s*(?:是|:)?\s*(\d{2}(?:\.5)?)/g,
    // 38码的鞋, 38号的高跟鞋, 39的靴子: the shoe named after the number (sizes-usual.ts SHOE_WORD).
    new RegExp(`(?<![\\d.])(\\d{2}(?:\\.5)?)\\s*[码号]?\\s*的?\\s*${SHOE_WORD}`, 'g'),
    /鞋子?\s*(?:一般|平时|都)?\s*(?:穿|是|要)?\s*(\d{2}(?:\.5)?)(?![\d.])\s*码?/g,
    /脚\s*(?:穿|是)?\s*(\d{2}(?:\.5)?)\s*码/g,
  ];
  shoes: for (const re of shoePatterns) {
    for (const found of s.matchAll(re)) {
      const v = Number(found[1]);
      if (v < 18 || v > 48 || shoeAskedFor(s, found.index + found[0].lastIndexOf(found[1]!), found[1]!.length)) continue;
      out.shoeSize = v;
      s = blank(s, found.index, found[0].length);
      break shoes;
    }
  }

  // Usual clothing size: needs 穿 or a habit word before it (sizes-usual.ts, lenient). "我穿M码合适吗" asks
  // about a size; only habit words (平时/一般…) make it a statement regardless. Numbers are left to the shoes above.
  const usual = readUsualSize(s, { strict: false, kind: 'letter' });
  if (usual) {
    out.usualSize = normaliseSize(usual.size.toLowerCase());
    s = blank(s, usual.index, usual.length);
  }

  // Height with a label or a unit.
  let height: number | undefined;
  m = /身高\s*(?:是|有|为|:)?\s*(?:大概|大约|约)?\s*(\d{1,3}(?:\.\d{1,2})?)\s*(cm|厘米|公分|m|米)?/.exec(s);
  if (m?.[1]) {
    const v = Number(m[1]);
    const cm = v < 3 ? v * 100 : v;
    if (cm >= 40 && cm <= 230) height = cm;
    s = blank(s, m.index, m[0].length);
  }
  if (height === undefined) {
    const re = /(?<![\d.])(\d{2,3}(?:\.\d)?)\s*(?:cm|厘米|公分)/g;
    while ((m = re.exec(s))) {
      const before = s.slice(Math.max(0, m.index - 2), m.index);
      if (/[长宽围肩袖臀腿]/.test(before)) continue;
      const v = Number(m[1]);
      if (v >= 50 && v <= 230) {
        height = v;
        s = blank(s, m.index, m[0].length);
        break;
      }
    }
  }

  // Weight with a label or a unit.
  let weight: number | undefined;
  let unitlessWeight: number | undefined;
  m = /体重\s*(?:是|有|为|:)?\s*(?:大概|大约|约)?\s*(\d{2,3}(?:\.\d+)?)(?:\s*(?:-|~|到|至)\s*(\d{2,3}(?:\.\d+)?))?\s*多?\s*(公斤|千克|kg|斤)?/.exec(s);
  if (m?.[1]) {
    const v = rangeValue(m[1], m[2]);
    if (!m[3]) unitlessWeight = v;
    else weight = KG_UNIT.test(m[3]) ? v : v / 2;
    s = blank(s, m.index, m[0].length);
  } else {
    m = /(?<![\d.])(\d{2,3}(?:\.\d+)?)(?:\s*(?:-|~|到|至)\s*(\d{2,3}(?:\.\d+)?))?\s*多?\s*(公斤|千克|kg|斤)/.exec(s);
    if (m?.[1] && m[3]) {
      const v = rangeValue(m[1], m[2]);
      weight = KG_UNIT.test(m[3]) ? v : v / 2;
      s = blank(s, m.index, m[0].length);
    }
  }

  // "165/110", "170,140", "165 55kg": a height followed by a weight.
  if (height === undefined && weight === undefined && unitlessWeight === undefined) {
    m = /(?<![\d.])(1\d{2})\s*[/,、\s]\s*(\d{2,3}(?:\.\d+)?)(?![\d.])\s*(公斤|千克|kg|斤)?/.exec(s);
    if (m?.[1] && m[2]) {
      const h = Number(m[1]);
      if (h >= 140 && h <= 199) {
        height = h;
        if (m[3]) weight = KG_UNIT.test(m[3]) ? Number(m[2]) : Number(m[2]) / 2;
        else unitlessWeight = Number(m[2]);
        s = blank(s, m.index, m[0].length);
      }
    }
  }

  // A bare 140–199 next to a weight, or after 我/高/个子: "我165，105斤", "老公180 160斤".
  if (height === undefined) {
    const hasWeight = weight !== undefined || unitlessWeight !== undefined;
    const re = /(?<![\d.])(1[4-9]\d)(?![\d.])(?!\s*(?:斤|公斤|千克|kg|元|块|rmb|件|码|号|ml|g|克|%|个|天|单|cm))/g;
    while ((m = re.exec(s))) {
      const before = s.slice(Math.max(0, m.index - 3), m.index);
      if (hasWeight || /(我|高|个子|身|他|她)\s*$/.test(before)) {
        height = Number(m[1]);
        break;
      }
    }
  }

  if (unitlessWeight !== undefined) weight = weightFromUnitless(unitlessWeight, height);
  if (height !== undefined) out.heightCm = round1(height);
  if (weight !== undefined && weight >= 2 && weight <= 250) out.weightKg = round1(weight);
  return out;
}

/**
 * Someone the sizes in a note may be about other than the buyer: a child, a partner, a parent, a
 * friend. 宝贝 is left out on purpose (in a shop it is the item, 这款宝贝). 宝宝 is a child only with
 * words that make it one (babyIsChild): shops and buyers call the buyer 宝宝 all day.
 */
const OTHER_PEOPLE =
  '孩子|小孩|宝宝|小朋友|儿子|女儿|闺女|老公|老婆|媳妇|爱人|男朋友|女朋友|男友|女友|对象|老爸|老妈|爸爸|妈妈|爸妈|父母|父亲|母亲|婆婆|公公|奶奶|爷爷|外婆|外公|姥姥|姥爷|哥哥|姐姐|弟弟|妹妹|朋友|同事|家人|长辈|老人';
/**
 * A mention of another person (我老公, 给孩子, 帮朋友), or of the buyer themself (我, 自己, 本人). Not 您:
 * in a buyer's message copied into a note 您 is the shop (孩子身高120，您帮看下，体重50斤).
 */
const WHOSE = new RegExp(`(?:我的|我家|我|给|帮|替|送)?\\s*(${OTHER_PEOPLE})|(自己|本人|我)`, 'g');

/** Before 宝宝, words that make it a child: 我们家 / 咱家 / 家里, 小宝宝, 男宝宝 / 女宝宝 (not 小仙女宝宝, the buyer). */
const CHILD_BEFORE = /(?:家|家里|小|(?<![仙美])[男女])\s*$/;
/** After 给 / 帮 / 替 宝宝: buying for a child (给宝宝买). Not what a shop does for the buyer (给宝宝备注, 发, 推荐). */
const FOR_CHILD = /^\s*(?:买|挑|选|穿|准备|做)/;
/**
 * A child's age (3岁, 五岁半, 8个月, 8个月大, 几岁了) or a child's life (幼儿园, 二年级, 初中, 穿大童 / 童鞋). Months followed by
 * 前 / 以前 / 之前 are when something happened (宝宝3个月前买过M: the buyer, three months ago), not an age;
 * 天前 / 周前 / 年前 never read as one.
 */
const CHILD_AGE =
  /(?<![\d.])(\d{1,2}|[一二两三四五六七八九十半]{1,3})\s*(岁|周岁|(?:个多?月|个半月)(?!\s*[以之]?前))|几岁|多大了|几个月(?!\s*[以之]?前)|满月|幼儿园|小学|初中|初[一二三]|中学生|年级|婴儿|新生儿|儿童|童装|童鞋|[大中小]童/;

/**
 * A child's figures: shorter than 150 cm, lighter than 35 kg (70斤), shoes under 33. Children of 10–12 are 140–150 cm:
 * until 2026-12-07 the line was 140, and 宝宝 146cm 穿多大 went on the buyer's card as the buyer's height. An adult
 * called 宝宝 under 150 cm loses a height rather than a child's being saved (a wrong size is worse than none).
 */
function childFigures(sizes: Partial<Sizes>): boolean {
  return (sizes.heightCm ?? 999) < 150 || (sizes.weightKg ?? 999) < 35 || (sizes.shoeSize ?? 99) < 33;
}

/**
 * Whether 宝宝 (matched as `mention`, at `at`) is a child: 我家宝宝 / 小宝宝, 给宝宝买 / 送宝宝, an age
 * (宝宝3岁), or a child's figures in the words about them (`about`: up to the next person the text names).
 * Otherwise it is the buyer, addressed as shops and buyers do (宝宝 您平时穿什么码 / 宝宝身高165体重110).
 */
function babyIsChild(text: string, at: number, mention: string, about: string): boolean {
  const prefix = mention.slice(0, mention.lastIndexOf('宝宝')).trim();
  if (prefix === '我' || prefix === '我家' || prefix === '我的' || prefix === '送') return true;
  if ((prefix === '给' || prefix === '帮' || prefix === '替') && FOR_CHILD.test(about)) return true;
  if (!prefix && CHILD_BEFORE.test(text.slice(Math.max(0, at - 3), at))) return true;
  const age = CHILD_AGE.exec(about);
  if (age) {
    if (!age[1]) return true;
    const n = /\d/.test(age[1]) ? Number(age[1]) : age[1] === '半' ? 0 : (chineseNumber(age[1].replace(/半$/, '')) ?? 99);
    if (age[2] === '岁' || age[2] === '周岁' ? n <= 14 : n <= 36) return true;
  }
  return childFigures(parseSizes(about));
}

/**
 * The buyer's own sizes in a note the agent typed, and whom the note's other sizes are about. The
 * words after a mention of someone else (给孩子买，身高120 / 我老公穿 180 75kg) are that person's,
 * until the note names the buyer again (我, 自己, 本人): 我穿M，给老公买 180 75kg is the buyer's M only.
 * 宝宝 the buyer (宝宝身高165) names nobody new: the words after it stay with whom they were about, so
 * 给女儿买，宝宝身高155 is left in the note (the daughter's, maybe) rather than saved as the buyer's.
 * `others`: the first person whose sizes were left out (孩子), or null. parseSizes is unchanged: a
 * buyer's message that gives a child's height asks a size for that child, and is read as it is.
 */
export function ownSizes(text: string): { sizes: Partial<Sizes>; others: string | null } {
  const own: string[] = [];
  let others: string | null = null;
  let who: string | null = null;
  let from = 0;
  const take = (end: number) => {
    const part = text.slice(from, end);
    if (who === null) own.push(part);
    else if (others === null && Object.keys(parseSizes(part)).length) others = who;
  };
  const mentions = [...text.matchAll(WHOSE)];
  mentions.forEach((m, i) => {
    const person = m[1] ?? null;
    const end = m.index + m[0].length;
    if (person === '宝宝') {
      // A child's figures just before 宝宝 (身高147的宝宝穿什么码) are the child's, as those after it are.
      const figuresBefore = who === null && childFigures(parseSizes(text.slice(from, m.index)));
      if (!figuresBefore && !babyIsChild(text, m.index, m[0], text.slice(end, mentions[i + 1]?.index ?? text.length))) return;
      if (figuresBefore) who = person;
    }
    take(m.index);
    who = person;
    from = end;
  });
  take(text.length);
  // The buyer's parts read together, kept apart by a mark that joins no number to another.
  return { sizes: parseSizes(own.join('；')), others };
}
