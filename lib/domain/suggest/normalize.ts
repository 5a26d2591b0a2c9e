/**
 * Text normalisation shared by the classifier, the ranker and the search.
 *
 * Real buyer messages arrive with full-width punctuation and digits, a few traditional
 * characters, chat slang, platform emoji codes ([微笑], /:)) and — in exported chats — anonymising
 * placeholders ([订单x], [数字x], …). Everything downstream works on the output of `normalize`.
 */

/** Traditional → simplified for characters that occur in shop chat. Cheap on purpose: a full
 * converter (OpenCC) is megabytes; these cover the cue words the classifier looks for. */
const TRAD =
  '貨货發发換换還还麼么嗎吗碼码號号訂订單单運运費费錢钱價价優优質质壞坏問问題题謝谢顏颜買买賣卖時时間间' +
  '幾几麼么這这個个們们說说話话會会對对點点體体東东車车轉转關关開开條条無无網网書书禮礼過过進进應应' +
  '給给讓让張张長长動动務务標标準准變变樣样華华處处當当寄寄寫写錯错誤误換换幫帮團团優优惠惠劵券' +
  '數数據据聯联繫系線线紅红綠绿藍蓝黃黄顆颗盒盒壓压碎碎漏漏損损緻致規规據据尺尺寸寸碼码偏偏瘦瘦' +
  '補补庫库存存缺缺舊旧際际選选擇择認认證证務务稅税開开據据專专票票頭头郵邮遞递塊块區区' +
  '實实際际憑凭幣币擔担負负責责歡欢迎迎掃扫裡里裏里麗丽濕湿紙纸廠厂產产齡龄兒儿戶户護护'+
  '級级設设計计驗验貼贴鬆松緊紧態态氣气審审劃划並并辦办檢检查查總总鐘钟'+
  '嗎吗歲岁夠够聽听裝装傳传將将從从後后來来臺台灣湾與与為为麵面於于' +
  '沒没妳你鏈链啟启紀纪錄录導导機机腦脑燈灯屬属攜携';

const TRAD_MAP = new Map<string, string>();
for (let i = 0; i + 1 < TRAD.length; i += 2) {
  const t = TRAD[i]!;
  const s = TRAD[i + 1]!;
  if (t !== s) TRAD_MAP.set(t, s);
}

/** Chat slang and common misspellings, rewritten to the word the cues use. Only replacements that
 * cannot damage an ordinary word (啥 is never part of a longer standard word; 咋 likewise). */
const SLANG: [RegExp, string][] = [
  [/肿么|咋么|咋/g, '怎么'],
  [/神马|啥子|啥/g, '什么'],
  [/木有|米有|莫有|冇/g, '没有'],
  [/灰常/g, '非常'],
  [/介个/g, '这个'],
  [/酱紫/g, '这样子'],
  [/肿么办/g, '怎么办'],
  [/多钱/g, '多少钱'],
  [/为何/g, '为什么'],
  // 多会(儿) is northern for "when": 多会可以退款 → 什么时候可以退款.
  [/多会儿?(?=[能可才到发退寄送])/g, '什么时候'],
  // 券 is very often typed as 卷 (same sound): 优惠卷, 领的卷, 运费卷.
  [/(优惠|领|用|运费|代金|抵用|购物|满减|红包|流量|京|东|礼品|现金|折扣|店铺)(的)?卷/g, '$1$2券'],
  [/卷(?=怎么用|能用|可以用|用不了|不能用|没用|到期|过期)/g, '券'],
  // A yes/no question ending in 不 (会生锈不, 一样不, 可以不): ask with 吗 like the cues do.
  [/(?<=[\u4e00-\u9fa5][^是还也都就可并绝决我你他她它了么\s])不(?=[?？!！。，,\s]|$)/g, '吗'],
  [/(?<![怎什那这多])么(?=[?？!！。，,\s]|$)/g, '吗'],
  [/嘛(?=[?？!！。，,\s]|$)/g, '吗'],
  [/谢啦|谢拉|3q|thx|thanks|thank you|xiexie/g, '谢谢'],
  [/在嘛|在么|在不|在伐/g, '在吗'],
  [/亲亲|亲爱的/g, '亲'],
  [/发或|发伙/g, '发货'],
  [/退或|退伙/g, '退货'],
  [/退宽|退欵/g, '退款'],
  [/物留/g, '物流'],
  [/快地/g, '快递'],
];

/** Placeholders in exported chats → a neutral stand-in that keeps the numeric regexes working. */
const PLACEHOLDERS: [RegExp, string, keyof TextFlags | null][] = [
  [/\[订单x\]/g, ' ', 'orderRef'],
  [/\[数字x\]/g, '0', null],
  [/\[金额x\]/g, '0元', 'money'],
  [/\[日期x\]/g, ' ', null],
  [/\[时间x\]/g, ' ', null],
  [/\[地址x\]/g, ' ', 'address'],
  [/\[姓名x\]/g, ' ', null],
  [/\[电话x\]/g, ' ', 'phone'],
  [/\[链接x\]/g, ' ', 'link'],
  [/\[站点x\]|\[组织机构x\]|\[邮箱x\]|\[[\u4e00-\u9fa5a-z]{1,6}x\]/g, ' ', null],
];

/** Pasted order/product cards that consoles and buyers drop into the chat. They carry no need. */
const CARDS: RegExp[] = [
  /顾客通过点击[^:：]*信息发送[:：]?/g,
  /(咨询|查询)?订单(编号|号)[:：]\s*[^\s\u4e00-\u9fa5，,]*/g,
  // The label of an order number without a colon (订单号[订单x], 订单号 123…): an id, not a need.
  /(咨询|查询|我的|这个)?订单(编号|号)(是|为)?\s*(?=$|[\s;；,，]|\[订单x\]|\d)/g,
  /订单金额[:：]\s*[¥￥]?\s*[^\s\u4e00-\u9fa5，,]*/g,
  /下单时间[:：]\s*[^\s\u4e00-\u9fa5，,]*/g,
  /商品(id|号)[:：]\s*[^\s\u4e00-\u9fa5，,]*/g,
  /(售后)?服务单号[:：]\s*[^\s\u4e00-\u9fa5，,]*/g,
  /\b\d{9,}\b/g,
];

export interface TextFlags {
  orderRef: boolean;
  money: boolean;
  address: boolean;
  phone: boolean;
  link: boolean;
  /** Only cards, placeholders, digits or emoji: nothing a buyer actually asked. */
  empty: boolean;
}

export interface NormalizedText {
  readonly text: string;
  readonly flags: Readonly<TextFlags>;
}

function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else if (c === 0xffe5) out += '¥';
    else out += ch;
  }
  return out;
}

function toSimplified(s: string): string {
  let out = '';
  for (const ch of s) out += TRAD_MAP.get(ch) ?? ch;
  return out;
}

/**
 * Lower-cased, half-width, simplified text with placeholders, cards and emoji removed.
 * Punctuation is kept as a single space so that phrases do not join across sentence breaks.
 */
/** The last few results: one buyer message is normalised by the cues, the model, the memory and
 * the ranking in turn, so the same text comes back several times in a row. */
const recent = new Map<string, NormalizedText>();

export function normalize(raw: string): NormalizedText {
  const hit = recent.get(raw);
  if (hit) return hit;
  const out = normalizeOnce(raw);
  if (recent.size >= 8) recent.delete(recent.keys().next().value!);
  recent.set(raw, out);
  return out;
}

function normalizeOnce(raw: string): NormalizedText {
  const flags: TextFlags = { orderRef: false, money: false, address: false, phone: false, link: false, empty: false };
  let s = toSimplified(toHalfWidth(raw)).toLowerCase();
  for (const [re, rep, flag] of PLACEHOLDERS) {
    if (flag && re.test(s)) flags[flag] = true;
    re.lastIndex = 0;
    s = s.replace(re, rep);
  }
  for (const re of CARDS) {
    if (re.test(s)) flags.orderRef = true;
    re.lastIndex = 0;
    s = s.replace(re, ' ');
  }
  // Platform emoji: [微笑] [握手]  /:) /:068 /:^_^  and stray emoji code points.
  // An OK hand or thumbs-up is an acknowledgement, the one emoji that carries a meaning here.
  s = s.replace(/[\u{1f44c}\u{1f44d}][\u{1f3fb}-\u{1f3ff}]?/gu, ' 好 ');
  s = s
    .replace(/\[[\u4e00-\u9fa5a-z]{1,4}\]/g, ' ')
    .replace(/\/:[^\s\u4e00-\u9fa5]{1,6}/g, ' ')
    .replace(/[\u{1f300}-\u{1faff}\u{2600}-\u{27bf}\u{fe0f}]/gu, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
  for (const [re, rep] of SLANG) s = s.replace(re, rep);
  if (/[¥$]\s*\d|\d+(\.\d+)?\s*(元|块|米(?![色白饭粒])|rmb)/.test(s)) flags.money = true;
  // Sentence punctuation becomes a space; keep ? because questions matter to some cues.
  s = s.replace(/[,.;:!~、，。；：！…“”"'‘’()（）【】《》<>\[\]{}|\\\/=_*#@^&-]+/g, ' ').replace(/？/g, '?');
  s = s.replace(/\s+/g, ' ').trim();
  flags.empty = !/[\u4e00-\u9fa5a-z]/.test(s.replace(/\d+/g, ''));
  return { text: s, flags };
}

/** Particles say nothing about the need or the reply: bigrams holding one (的吗, 了吧) are no cue
 * evidence (classify.ts) and no shared words (rank.ts). */
export const PARTICLES = /[的吗了呢吧啊呀么嘛哦哈]/;

/** Character bigrams of the CJK/alphanumeric runs of an already normalised text. */
export function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.split(/[^\u4e00-\u9fa5a-z0-9]+/)) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}
