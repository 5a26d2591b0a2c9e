/**
 * The one reader of "the size the buyer usually wears" (平时穿M, 一般都是XL, 平时穿39的鞋), used by both places that
 * need it: the fill-in 平时尺码 of a reply (templates/prefill.ts, strict) and the sizes saved on a buyer's card
 * (customers/sizes.ts parseSizes, lenient). Until 2026-12-07 each had its own patterns, and they disagreed
 * (平日, 一直 and a garment word such as 买衣服都是L read by one only; 经常 and 均码 by the other).
 *
 * - strict: only after a habit word (平时, 平常, 平日, 一般, 通常, 日常, 习惯, 一直, 经常): a reply's fill-in is
 *   offered to the agent as the buyer's answer, so 我穿M码合适吗 (a size asked about) must give nothing.
 * - lenient: also after 穿 / 我 / 都 (我穿M, 穿s, 都是L) when no question follows (我穿M码合适吗, M码还有吗 give
 *   nothing); a habit word's size wins over such a one.
 *
 * A size is a letter size (S, M, XL, 2XL, XXXL, XS, 均码) or a number (39, 38.5, 29) that no unit of weight,
 * length, money, time or count follows. A number worn on the feet (穿38码的鞋子, 38号的高跟鞋, 鞋子都穿39) is a
 * shoe size (kind 'shoe'), never the number a garment is (a dress's 38, jeans' 29): until 2026-12-07 both were
 * 'number'. 38码 with neither shoe nor garment stays a number: it may be either. The last one named of the
 * winning kind is taken (说错了 平时穿L码).
 */

export interface WornSize {
  /** As written: 2xl, M, 均码, 38.5. */
  size: string;
  kind: 'letter' | 'number' | 'shoe';
  /** Where the match starts and how long it is (its words before the size included), in the text read. */
  index: number;
  length: number;
}

export interface UsualSizeOptions {
  /** Only after a habit word (default true); false also takes 我穿M, 都是L when not asked about. */
  strict?: boolean;
  /** Only sizes of this kind (parseSizes reads numbers as shoe sizes with patterns of its own). */
  kind?: WornSize['kind'];
}

/** A shoe or boot by name (鞋, 鞋子, 运动鞋, 高跟鞋, 凉鞋, 板鞋, 靴子…): shared with customers/sizes.ts. */
export const SHOE_WORD = '(?:运动|高跟|帆布|休闲|板|球|跑步?|皮|凉|拖|单|棉|雪地|马丁|小白|老爹|平底)?(?:鞋|靴)子?';
/** After a number, the shoe it is the size of: 38码的鞋, 38号的高跟鞋, 39的靴子. */
const SHOE_AFTER = new RegExp(`^\\s*[码号]?\\s*的?\\s*${SHOE_WORD}`);

const HABIT = '(?:平时|平常|平日|一般|通常|日常|习惯|一直|经常)';
// What the buyer wears or buys (穿的是 / 买衣服都是 / 鞋子都穿), then the size.
const WEARS =
  '\\s*(?:都|也|就)?\\s*(?:穿|买|拍|选)?\\s*(?:(?:的)?(?:鞋子?|运动鞋|裤子|衣服|上衣|外套|T恤|t恤))?\\s*(?:都|也)?\\s*(?:穿的是|穿|的是|是|的)?\\s*';
// 我穿 / 穿 / 都是, with no habit word.
const PLAIN = '(?:都|我|穿)\\s*(?:穿|买|拍)?\\s*(?:的是|是|的)?\\s*';
const LETTER = '([2-6]?[xX]{1,4}[sSlL]|[xX][sS]|[sSmMlL]|均码)(?![a-zA-Z])';
const NUMBER = '(\\d{2,3}(?:\\.5)?)(?![\\d.])(?!\\s*(?:斤|公斤|千克|kg|KG|Kg|cm|CM|厘米|公分|米|元|块|天|日|岁|件|个|月|年|分|小时|%))';
// A size asked about, not stated: 我穿M码合适吗, 穿L的话会大吗.
const ASKING = '(?!\\s*(?:码|号)?\\s*(?:的话|合适|可以|行|会|能|偏|够|吗|呢|还是|怎么|好吗|大吗|小吗|ok|OK))';

const WITH_HABIT = new RegExp(`${HABIT}${WEARS}(?:${LETTER}|${NUMBER})`, 'g');
const WITHOUT_HABIT = new RegExp(`${PLAIN}(?:${LETTER}|${NUMBER})${ASKING}`, 'g');

function hits(re: RegExp, text: string, kind: WornSize['kind'] | undefined): WornSize[] {
  const out: WornSize[] = [];
  for (const m of text.matchAll(re)) {
    // A number is a shoe's when a shoe is named before it (鞋子都穿39) or right after it (穿38码的鞋子).
    const shoe = /[鞋靴]/.test(m[0]) || /[鞋靴]子?\s*$/.test(text.slice(0, m.index)) || SHOE_AFTER.test(text.slice(m.index! + m[0].length));
    const found: WornSize = m[1]
      ? { size: m[1], kind: 'letter', index: m.index!, length: m[0].length }
      : { size: m[2]!, kind: shoe ? 'shoe' : 'number', index: m.index!, length: m[0].length };
    if (!kind || found.kind === kind) out.push(found);
  }
  return out;
}

/** The size the buyer says they usually wear in one message (see the file comment), or undefined. */
export function readUsualSize(text: string, { strict = true, kind }: UsualSizeOptions = {}): WornSize | undefined {
  const habit = hits(WITH_HABIT, text, kind);
  if (habit.length || strict) return habit.at(-1);
  return hits(WITHOUT_HABIT, text, kind).at(-1);
}
