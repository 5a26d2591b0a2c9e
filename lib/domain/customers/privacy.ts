/**
 * Privacy helpers for buyer notes. Agents paste whole chat lines into notes; phone numbers, ID
 * numbers, bank cards and e-mail addresses in them should not sit in local storage in the clear.
 *
 * What is masked (see privacy.test.ts):
 * - Mainland mobiles, 11 digits 1[3-9]…, also as 138-1234-5678 / 138 1234 5678 / +86 / 0086, and
 *   in any three groups (138-12345678, 1381234 5678, 13812 345678) → 138****5678.
 * - What a Chinese input method's full-width mode types (１３８　１２３４, ｍｉｍｉ＠ｑｑ．ｃｏｍ: full-width
 *   digits, letters and signs, the ideographic space) is read as ASCII by every rule below, but the
 *   text is changed only where something is masked: a masked number keeps its first and last digits
 *   as typed (１３８****５６７８), and 尺码３８码 stays 尺码３８码.
 * - Landlines with an area code and a separator: 0571-88886666, (021)12345678 → 0571-****6666;
 *   also grouped (021 5555 1234 → 021 ****1234) and international (+86 21 5555 1234 → +86 21 ****1234).
 * - Anything shaped like a mainland resident ID number, whatever its check character (a mistyped ID
 *   is still someone's ID): 18 characters with a province code and a real birth date (19xx/20xx),
 *   or 17 digits and an X; and the 15-digit numbers issued before 1999 (province code, YYMMDD)
 *   → 110*************1X, 110**********12. Taobao order numbers are 18–19 digits too: an unlabelled
 *   18-digit one has a province code and a birth date by chance about 1 in 4 000 (19-digit ones
 *   never match; a labelled one is never masked, see below).
 * - E-mail addresses: the domain and the first two characters of the name (one if it has 2–3, none
 *   if 1) → ab***@qq.com, 13***@139.com. The domain must end in a dot and letters that are not a
 *   picture's or file's extension: v1.2@2x.png (a retina image's name) is left alone.
 * - Bank cards: 16–19 digits passing the Luhn check, when written in groups (6222 0212 …), or
 *   labelled (卡号, 银行卡, 账号), or starting with 62 (UnionPay) → 6222***********1234.
 *   An unlabelled, ungrouped run not starting with 62 is left alone: that is what order numbers
 *   look like.
 * - After their label only (so a word or number elsewhere is not taken for one): the name after
 *   收货人/联系人/收件人 (张*; 欧阳** keeps a two-character surname; 王*** for a three-character
 *   given name after a colon; in Latin letters L*** ****, Mr. W***, but only words written as a
 *   name: Capitalised, or in capitals after a Capitalised word or as Pinyin — not Size M, DHL,
 *   please call back, Apple Store, nor a greeting or colour first, Hello, Black; glued to the label
 *   and to the note after it as well, 收件人Anna明天到 → A***; nor words a product's word follows,
 *   Hello Kitty 联名款, Gucci 包包), a chat id after 微信/vx/QQ/钉钉/飞书/支付宝/WhatsApp… (zh***), an
 *   8-digit landline after 电话/座机 (****2109) unless it reads as a date (电话 2024 1205 回访),
 *   — a label or way of contact right after the name label is none (联系人 微信 ab***), but a
 *   Chinese or Latin name after that way of contact is one (联系人 微信 张**, 联系人 微信 L*** ****);
 *   a word in a name's place is none (联系人 随便, 待定, 保密: NO_ONE),
 *   a passport / 港澳通行证 number (E******89).
 *   Also ID numbers written in groups, mobiles written with dots or slashes, e-mails typed with 。.
 * - The door of a street address: the house number right after a road's word (路 街 巷 弄 大道 胡同),
 *   the building, unit, floor and room after it, a building or unit written alone, a room of 3–4
 *   digits → 文三路**号*幢***室, *栋***室; the road, district and city stay (3号发货 is a date).
 * - Never masked: a number written right after an order label (订单号, 单号, 运单, 快递, 物流,
 *   交易号, order, tid…), because agents need order and tracking numbers to work.
 * Masking is idempotent: masked text contains '*', which no pattern matches again.
 */
import type { Customer } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A label right before a number: that number is an order/tracking number and stays readable. */
const ORDER_LABEL = /(?:订单|单号|运单|快递|物流|交易号|退款编号|order|tid)[号码编是为:#\s]{0,5}$/i;
/**
 * What a buyer writes before a chat id (also as spelt past a filter): the apps buyers name, their
 * label kept and the id masked as 微信's is; maskWhole (learned picks) reads it too.
 */
export const CHAT_LABELS = '企业微信|企微|微信|v信|威信|薇信|wechat|wx|vx|qq|扣扣|企鹅|旺旺|钉钉|飞书|陌陌|支付宝|telegram|电报|tg|whatsapp|line';
const CARD_LABEL = /(?:卡号|银行卡|储蓄卡|信用卡|账号|帐号|card)[号码是为:#\s]{0,5}$/i;

function before(text: string, offset: number): string {
  return text.slice(Math.max(0, offset - 12), offset);
}

/** The province codes an ID number starts with (a pattern: half the bytes of a Set of numbers). */
const PROVINCE = /^(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[1-3])/;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** YYYYMMDD is a day of the calendar. */
function isDate(ymd: string): boolean {
  const [year, month, day] = [Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)), Number(ymd.slice(6, 8))];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A province code and a real birth date: YYYYMMDD from the 7th character (18), YYMMDD in 19xx (15). */
function hasIdStructure(id: string): boolean {
  if (!PROVINCE.test(id)) return false;
  const long = id.length === 18;
  const date = long ? id.slice(6, 14) : `19${id.slice(6, 12)}`;
  const year = Number(date.slice(0, 4));
  return year >= 1900 && year <= 2099 && isDate(date);
}

/**
 * Shaped like a mainland resident ID number, the check character not checked: 17 digits and an X;
 * 18 digits, or the 15 of an ID issued before 1999, with a province code and a real birth date.
 */
export function isIdShaped(id: string): boolean {
  return /^\d{17}[Xx]$/.test(id) || (/^(?:\d{18}|\d{15})$/.test(id) && hasIdStructure(id));
}

/** True for an 18-character mainland resident ID number with a valid region, birth date and check. */
export function isResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id) || !hasIdStructure(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] as number);
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** Luhn (mod 10) check used by bank cards. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** `s` with only its first `head` and last `tail` characters left. */
const keep = (s: string, head: number, tail: number): string => s.slice(0, head) + '*'.repeat(s.length - head - tail) + s.slice(-tail);
/** The number at `offset` follows an order label: it stays readable. */
const ordered = (all: string, offset: number): boolean => ORDER_LABEL.test(before(all, offset));

/** The commonest surnames: a name straight after 收货人 without a colon must start with one. */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';

/** A field's label or a way of contact an agent writes after 联系人/收货人 (its own label when a label follows it): no name. */
const FIELD_WORDS = `${CHAT_LABELS}|姓名|名字|信息|电话|手机|座机|固话|号码|地址|邮箱|邮编|身份证|护照|通行证|卡号|银行卡|账号|订单|单号|快递|物流|备注|收货人|收件人|联系人`;

const CHAT_WORD = new RegExp(`^(?:${CHAT_LABELS})$`, 'i');
/** Text ending in a name's label and what may stand between it and a way of contact (联系人 微信 …). */
const NAME_LABEL = /(?:收货人|联系人|收件人)(?:姓名)?[\s:是为]*$/;

/**
 * What stands in a name's place when there is none to give: an answer that leaves the choice open
 * (随便, 随意, 任意, 无所谓, 一样), a blank to fill later (待定, 暂无, 未知) or a pointer elsewhere
 * (如上, 见上), or a refusal (保密, 匿名). Some start with a surname (任, 随, 保), so the name rules
 * would take them for 任*, 随*: they are whole words, and a name that starts the same (任静) is masked.
 */
const NO_ONE = '随便|随意|随时|任意|任何|无所谓|一样|暂无|暂缺|暂定|待定|待填|待补|未知|未定|未填|如上|见上|保密|匿名';

/** What follows a name in an agent's note glued to it (收货人张三的电话, Lily Chen的手机). */
const NAME_END = '的?(?:电话|手机|地址|座机|微信|联系方式)';
const NAME_END_AT = new RegExp(`^${NAME_END}`);
/**
 * Capitalised words agents write after 收货人/联系人 that are no name: a field's label (Order,
 * Size, Email…), a reply (Same, Please, Ok), a role, and the brands buyers name most. A name stops
 * at one of them (Lily Chen Order 123). Kept short on purpose: the rules in latinName do most of
 * the work (lowercase words, a lone ALL-CAPS word, a word glued to Chinese or digits are no name).
 */
const NOT_NAME = new RegExp(`^(?:order|size|colou?r|sku|e?mail|tel|phone|mobile|name|address|note|line|vip|ok|no|yes|same|please|test|manager|ceo|apple|nike|amazon|tmall|samsung|xiaomi|adidas|uniqlo|sony|dyson|lego|disney|${CHAT_LABELS})$`, 'i');
/**
 * Capitalised words an agent starts English with after the label that are no name on their own: a
 * greeting or thanks (联系人 Hello 在吗), a colour (收件人 Black 色那件). Unlike NOT_NAME they do not
 * end a name: after a given name or a title they are one (Lily White, Mr. Black); first, they are
 * passed over and what follows may still be a name (Hi Tom → Hi T**). A lone surname such as Brown
 * after the label stays readable: masking on save cannot be undone.
 */
const NOT_FIRST = /^(?:hello|hi|hey|dear|thanks?|thx|sorry|okay|good|black|white|red|blue|green|pink|gr[ae]y|gold|silver|brown|purple|yellow|orange|beige|navy|khaki)$/i;
/** Chinese glued to the end of a first Latin word that is where the agent's note goes on (收件人Anna明天到, Tom的快递), not a brand's or size's word (Uniqlo旗舰店, XL码). */
const NOTE_GOES_ON = /^(?:的|[今明后昨]天|[上下]午|晚上|早上|周[一二三四五六日末]|先生|女士|小姐|本人|[在说要已不没会让来去到收改换和也都还打])/;
/** Chinese glued to a run of Latin words that makes it a shop's name (Under Armour旗舰店). */
const SHOP_ZH = /^(?:官方|旗舰|专卖|专营|超市|商城|门店|店)/;
/** A run of Capitalised words that reaches one of these is a shop's name (Apple Store, Uniqlo Shop), not a person's. */
const SHOP = /^(?:store|shop|mall|official|outlet|express)$/i;
const TITLE = /^(?:mr|mrs|ms|miss|dr)$/i;
/**
 * A product's word after a run of Capitalised words makes them a brand or a product, not a person
 * (Hello Kitty 联名款, Black Widow 手办, Gucci 包包, Mint 色那件): masking on save cannot be undone,
 * and a buyer names what they bought more often than who receives it in these words. The price: a
 * name the agent follows with one of these (收件人 Anna 色那件) stays readable. Only a word that
 * qualifies the words before it counts (Mint 色, XL 码, 联名款): 款, 色 or 码 starting a noun of
 * its own begins the agent's note about the person the label names (收件人 Anna 色差大, 款式选错了,
 * 码数不对: a brand there would have to be the recipient), and 款 as money (款已付, 款项) neither.
 */
const PRODUCT = /^ ?(?:联名|手办|同款|旗舰|专柜|专卖|官方|正品|限定|周边|系列|包包|外套|款(?![已未到项式])|色(?!差)|码(?!数))/;
/**
 * A word of one to three Hanyu Pinyin syllables (ZHANG, XIAOMING, OUYANG): what a Chinese name in
 * capitals is written in (a passport's ZHANG WEI), and what DHL, SKU, APPLE or STORE are not.
 */
const PINYIN = /^(?:(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?(?:a(?:ng?|i|o)?|o(?:u|ng)?|e(?:ng?|i|r)?|i(?:a(?:ng?|o)?|e|u|ng?|ong)?|u(?:a(?:ng?|i)?|o|i|e|n)?|ve?)){1,3}$/i;

/**
 * The Latin words `m` (at `offset` in `all`, right after 收货人/联系人/收件人) with the name among
 * them masked, keeping its first letter (L*** ****); `m` itself when they are no name. A name is
 * one to three words, each Capitalised (Lily Chen), or in capitals after a Capitalised given name
 * (Lily CHEN, Wei ZHANG), or in capitals and Pinyin as a passport writes it (ZHANG WEI, ZHANG Wei:
 * two words at least — a lone DHL, CEO or XL is an abbreviation). A title (Mr, Mrs, Ms, Miss, Dr,
 * with or without its dot) stays, and so does a label of NOT_NAME before a colon; the name after
 * either is masked (Mr. W***, Mr WANG → Mr W***, Name: L*** ****). Lowercase words are never a
 * name (please call back, same as buyer): masking on save cannot be undone. A greeting or colour
 * first (NOT_FIRST: Hello, Thanks, Black) is passed over. The name ends at anything else: a number,
 * a colon, Chinese (a first word glued to Chinese is a brand or a size, Uniqlo旗舰店, XL码, unless
 * the Chinese is the note going on — 的, 明天, 电话, 先生, 在…: Anna明天到; a later word glued to
 * Chinese is a name's last, Lily Chen明天到, unless a shop's word follows), a word of NOT_NAME.
 */
function latinName(m: string, offset: number, all: string): string {
  const words = [...m.matchAll(/[A-Za-z]+/g)];
  const first = words[0]![0];
  const titled = TITLE.test(first);
  // A label before a colon (Name: Lily Chen, Email: …) is skipped as a title is, and so is a way of
  // contact before a space (联系人 WhatsApp Lily Chen: the chat rule leaves a name there to this one).
  // So is a greeting or a colour (NOT_FIRST) that starts the words.
  const skip = titled || (NOT_NAME.test(first) && (m[first.length] === ':' || (CHAT_WORD.test(first) && m[first.length] === ' '))) || NOT_FIRST.test(first) ? 1 : 0;
  let capital = titled;
  let from = -1;
  let to = -1;
  let count = 0;
  for (let i = skip; i < words.length && count < 3; i++) {
    const w = words[i]![0];
    const start = words[i]!.index;
    const end = start + w.length;
    const after = all.slice(offset + end);
    if (i > 0 && !(i === skip ? /^(?:[.:]? ?)$/ : /^(?:\. ?| {1,2})$/).test(m.slice(words[i - 1]!.index + words[i - 1]![0].length, start))) break;
    if (SHOP.test(w)) return m;
    if (SHOP_ZH.test(after)) return m;
    // Chinese right after a word ends the name there when it is the note going on: after a second
    // word always (Lily Chen明天到, a name's last word is no brand), after a first one only at words
    // that say so (Anna明天到, Tom电话…).
    const glued = /^[\w@*'/&+-]/.test(after) || (/^[一-龥]/.test(after) && !(count || NAME_END_AT.test(after) || NOTE_GOES_ON.test(after)));
    const cap = /^[A-Z][a-z]+$/.test(w);
    if (NOT_NAME.test(w) || glued || !(cap || (/^[A-Z]{2,}$/.test(w) && (capital || PINYIN.test(w))))) break;
    capital ||= cap;
    if (from < 0) from = start;
    to = end;
    count++;
    if (after.startsWith(':')) break;
  }
  // A lone word in capitals is an abbreviation, unless a title says it is a name (Mr WANG).
  if (!count || (count === 1 && !titled && !capital) || PRODUCT.test(all.slice(offset + to))) return m;
  return m.slice(0, from + 1) + m.slice(from + 1, to).replace(/[A-Za-z]/g, '*') + m.slice(to);
}

/** What follows a number in the door of an address (3幢, 2单元, 5楼, 201室), longest first. */
const DOOR_WORDS = '号楼|栋|幢|座|单元|楼|层|室|号|户';

export function maskPii(text: string): string {
  if (!text) return text;
  // An input method's full-width mode types digits, letters, ＠．－ and the ideographic space: the
  // rules read them as ASCII (n), but the text as typed (o) changes only where a rule masks. Both
  // are one length, character for character, before each rule.
  let n = text.replace(/[！-～　]/g, (c) => String.fromCharCode(c.charCodeAt(0) - (c > '　' ? 0xfee0 : 0x2fe0)));
  let o = text;
  /**
   * `fn` sees the normalised match (with its offset in, and the whole of, the normalised text, as
   * String#replace gives them); where it masks, the characters it keeps at either end are written
   * as typed, and only what lies between (the stars) is new.
   */
  const rule = (re: RegExp, fn: (m: string, ...a: any[]) => string): void => {
    let acc = '';
    let last = 0;
    n = n.replace(re, (...a) => {
      const m: string = a[0];
      const r = fn(...(a as [string]));
      let x = 0;
      let y = 0;
      while (x < m.length && r[x] === m[x]) x++;
      // A masked r holds a star after x, which no character of m equals: y stops there.
      while (y < m.length - x && r.at(~y) === m.at(~y)) y++;
      acc += o.slice(last, a[a.length - 2] + x) + r.slice(x, r.length - y);
      last = a[a.length - 2] + m.length - y;
      return r;
    });
    o = acc + o.slice(last);
  };
  // E-mail addresses first, so that a phone number used as one (13812345678@139.com) goes with it.
  // The domain and at most two first characters (at most half) stay for the agent to recognise the
  // address by, then three stars whatever the length: ab***@qq.com. The domain ends in letters that
  // are not a picture's or file's extension: v1.2@2x.png is a file name.
  // An input method types 。 for the dot as readily as ＠ for the at sign (lucy@163。com).
  rule(/[\w.+-]+(?=@(?:[\w-]+[.。])+(?!(?:png|jpe?g|gif|webp|pdf)\b)[a-z]{2,}\b)/gi, (m) => m.slice(0, Math.min(2, m.length >> 1)) + '***');

  // The id after a WeChat / QQ / 旺旺 label, kept as an e-mail's name is (wx***). A Latin label
  // (wx, vx, qq) needs a colon or space after it, or digits for QQ (QQ12345678): a product code
  // such as WX2024A is not someone's id.
  // QQ邮箱 12345678 is a QQ number too.
  // Right after a name label (联系人 微信 Lily Chen) the words may be the person's name written where
  // the account goes: the name rule below masks them as one, the whole name, not its first word.
  rule(new RegExp(`(?<![A-Za-z0-9])(${CHAT_LABELS})(号码?|账号|id|邮箱)?([\\s:是为]*)([\\w.-]{4,})`, 'gi'), (m, label: string, _n, gap: string, id: string, offset: number, all: string) => {
    // What that rule reads: from a Latin label on (WhatsApp Lily Chen), else from the account on.
    const latin = /^[a-z]/i.test(label);
    const at = latin ? offset : offset + m.length - id.length;
    const words = NAME_LABEL.test(all.slice(0, offset)) && all.slice(at).match(/^[A-Za-z][A-Za-z.: ]*/)?.[0];
    return (latin && !gap && !(/^qq$/i.test(label) && /^\d+$/.test(id))) || (words && latinName(words, at, all) !== words)
      ? m
      : m.slice(0, -id.length) + id.slice(0, 2) + '***';
  });

  // A name after 收货人 / 联系人 / 收件人 keeps its first character, as consoles show a masked
  // nickname (张*, 王**; 欧阳** for a two-character surname). Masking on save cannot be undone, so
  // only a name written as one counts: after a colon, a space, 是 or 为 (收货人：张三), or else
  // straight after the label only a common surname with one or two characters that end there — at
  // punctuation, a digit, the end or its 电话/手机/地址 (收件人张伟的手机…). 收货人拒收了,
  // 联系人今天不在家 and 收件人签收了 are the agent's note, not a name. A third character that
  // starts the next words (电话, 地址, 的…) is not part of the name.
  // After a colon the given name may have three characters (王建国华: a one-character surname and
  // a three-character given name kept its last one readable when only two were taken).
  const nameMask = (_m: string, first: string, rest: string) => {
    const stop = rest.slice(1).search(/[电手地联座微的在要改说已和先收寄送到号]|[今明后昨]天/) + 1;
    return first + (stop > 0 ? '*'.repeat(stop) + rest.slice(stop) : '*'.repeat(rest.length));
  };
  // A common surname starts the name; any other first character counts only when the words are
  // as short as a name and end there (收货人：闻一多。): 收货人：请核对一下, 联系人：前台小王 and
  // 收件人为 公司前台 are the agent's words, and masking them cannot be undone.
  // Nor is a label or a way of contact (联系人 微信 ab***, 联系人：邮箱 …, 联系人 收件人 张*): the
  // agent wrote the label and the next field's label, not a name. What follows a way of contact
  // there is looked at as a name is (联系人 微信 张**): a name written where an account would be is
  // still a name.
  const afterLabel = `(?<=(?:收货人|联系人|收件人)(?:姓名|(?:姓名)?[\\s:是为]+)(?:(?:${CHAT_LABELS})(?:号码?|账号|id)?[\\s:是为]*)?)(?!是|为|${FIELD_WORDS}|${NO_ONE}|今天|明天|昨天|本人|自己|[不没的改换和也都要在说还就写填同我他她你您谁已有])`;
  rule(new RegExp(`${afterLabel}(欧阳|司马|诸葛|上官|东方|皇甫|慕容|令狐|夏侯|公孙|司徒|南宫|[${SURNAMES}])([一-龥]{1,3})`, 'gi'), nameMask);
  // (Not what the rule above masked already: 欧阳** stays.) Who receives for the buyer is no name.
  rule(new RegExp(`${afterLabel}(?!前台|公司|门卫|保安|物业|快递|驿站|家人|朋友|同事|邻居|老公|老婆|客服)([一-龥])([一-龥]{1,2})(?![一-龥*])`, 'gi'), nameMask);
  // A name in Latin letters (收件人 Lily Chen, 收货人：Zhang Wei, Lily CHEN, Mr. Wang) keeps its first
  // letter as a Chinese one keeps its surname; the stars stand for the letters and the spaces stay
  // (L*** ****). Masking on save cannot be undone, and agents write English after these labels
  // too (Size M, please call back, Apple Store, DHL 转寄), so only what is written as a name counts:
  // see latinName.
  // After a way of contact too (联系人 微信 Lily Chen, 联系人 WhatsApp: Lily Chen): see the chat rule.
  rule(new RegExp(`(?<=(?:收货人|联系人|收件人)(?:姓名)?[\\s:是为]*(?:(?:${CHAT_LABELS})(?:号码?|账号|id|邮箱)?[\\s:是为]*)?)[A-Za-z][A-Za-z.: ]*`, 'gi'), latinName);
  rule(
    new RegExp(`(?<=收货人|联系人|收件人)(欧阳|司马|诸葛|上官|东方|皇甫|慕容|令狐|夏侯|公孙|司徒|南宫|[${SURNAMES}])([一-龥](?:(?!${NAME_END})[一-龥])?)(?=${NAME_END}|[^一-龥]|$)`, 'g'),
    nameMask,
  );

  // A passport's or travel permit's number after its label (E12345678, C12345678).
  rule(/(?<=(?:护照|通行证|台胞证|回乡证)(?:号码?)?[\s:是为]*)([A-Za-z]{1,2}\d{7,8}|\d{9})(?![0-9A-Za-z])/g, (id: string) => keep(id, 1, 2));

  // Also written in groups (110101 19900101 123X): at most four spaces or dashes, so a list of
  // small numbers is not read as one.
  rule(/(?<![0-9A-Za-z])\d(?:[ -]?\d){14}(?:(?:[ -]?\d){2}[ -]?[\dXx])?(?![0-9A-Za-z])/g, (m, offset: number, all: string) => {
    const id = m.replace(/[ -]/g, '');
    return ordered(all, offset) || m.length - id.length > 4 || !isIdShaped(id) ? m : keep(id, 3, 2);
  });

  rule(/(?<!\d)(\d{4}(?:[ -]?\d{4}){3}(?:[ -]?\d{1,3})?)(?!\d)/g, (m, raw: string, offset: number, all: string) => {
    const prefix = before(all, offset);
    const digits = raw.replace(/[ -]/g, '');
    // Grouped (digits !== raw), labelled or UnionPay (62…), and Luhn-valid; never after an order label.
    return ORDER_LABEL.test(prefix) || (!CARD_LABEL.test(prefix) && !(passesLuhn(digits) && (digits !== raw || digits.startsWith('62'))))
      ? m
      : keep(digits, 4, 4);
  });

  // A mobile's 11 digits in up to three groups, however split (138 1234 5678, 13812 345678); more
  // separators than that is a list of numbers, not a phone.
  // Dots and slashes separate the groups too (138.1234.5678); not after a courier's letters (SF…, YT…).
  rule(/(?<![\d+]|[A-Z]{2}|\d[./])((?:\+|00)?86[ -]?)?1[3-9](?:[ ./-]?\d){9}(?!\d|[./]\d)/g, (m, prefix = '', offset: number, all: string) =>
    ordered(all, offset) || m.length - prefix.length > 13 ? m : prefix + keep(m.slice(prefix.length).replace(/\D/g, ''), 3, 4),
  );

  // Landlines as the remark check reads them (lib/domain/remarks/fields.ts readPhone): the area code
  // with its 0, or after +86/0086 without it (2 digits for 010 and 02x, else 3), then 7–8 digits,
  // grouped or not.
  rule(
    /(?<![\d+])((?:\+|00)86[ -]?(?:\(0\)[ -]?)?\(?0?(?:10|2\d|[3-9]\d\d)\)?[ -]?|\(0\d{2,3}\)\s?|0\d{2,3}[ -])(\d{3,4}[ -]?\d{4})(?!\d)/g,
    (m, area: string, local: string, offset: number, all: string) => (ordered(all, offset) ? m : area + keep(local.replace(/\D/g, ''), 0, 4)),
  );
  // Without an area code, only after a phone label (电话 8765 4321): an unlabelled 8 digits is as
  // often an amount or a code.
  // 电话 2024 1205 回访 is the day of a call, not a number: eight digits that read as a date of this
  // century (20xx, then a real month and day) stay. A landline starting 20 whose last four digits
  // also make a month and day is left readable: rarer than a dated call note, and never a mobile.
  rule(/(?<=(?:电话|座机|固话|tel)(?:号码?)?[\s:是为]*)\d{3,4}[ -]?\d{4}(?![\d*])/gi, (m) => {
    const d = m.replace(/\D/g, '');
    return /^20\d{6}$/.test(d) && isDate(d) ? m : keep(d, 0, 4);
  });

  // The door of a street address: what finds a household, where the road, district and city only
  // say the area (enough to answer 能发到吗 or 哪个快递). Its digits become stars and its words stay
  // (文三路88号3幢201室 → 文三路**号*幢***室), so the note still says an address was given.
  // The house number only right after a road's word, so a date (3号发的货, 知道3号到) stays; a
  // building written alone (5栋302室, 3号楼2单元501, 2单元501) and a room of 3–4 digits (302室).
  // 座 only after a house number or a building (3座沙发 is a sofa). Not found: a village's 组, a
  // compound's name, a door written without any of these words (88-3-201): agents write it rarely.
  const door = (m: string) => m.replace(/\d/g, '*');
  const DOOR_TAIL = `(?:-?\\d+(?:${DOOR_WORDS}|(?![\\d*])))*`;
  rule(new RegExp(`(?<=[一-龥](?:路|街|巷|弄|大道|胡同))\\d+(?:-\\d+)?号${DOOR_TAIL}`, 'g'), door);
  rule(new RegExp(`(?<![\\d*])\\d+(?:号楼|栋|幢)${DOOR_TAIL}`, 'g'), door);
  rule(new RegExp(`(?<![\\d*])\\d+单元-?\\d+${DOOR_TAIL}`, 'g'), door);
  rule(/(?<![\d*])\d{3,4}室/g, door);

  return o;
}

/**
 * Keys of customers untouched for longer than `days`: neither edited (updatedAt) nor seen
 * (lastSeenAt) since `now - days`. `days` ≤ 0 (or not a number) means "keep forever".
 */
export function retentionPurge(customers: readonly Customer[], now: number, days: number): string[] {
  if (!Number.isFinite(days) || days <= 0) return [];
  const limit = now - days * DAY_MS;
  return customers.filter((c) => Math.max(c.updatedAt, c.lastSeenAt) < limit).map((c) => c.key);
}

/** A remark override log entry (lib/storage/rules.ts) as stored: its remark, reason and problems masked while the shop masks (`on`). */
export function maskOverride<T extends { reason: string; text: string; problems: { code: string; message: string }[] }>(o: T, on: boolean): T {
  if (!on) return o;
  return { ...o, reason: maskPii(o.reason), text: maskPii(o.text), problems: o.problems.map((p) => ({ ...p, message: maskPii(p.message) })) };
}
