/**
 * What a learned pick loses before maskForMemory (learned.ts) reads it: e-mail addresses, the id
 * after a WeChat / QQ / 旺旺 / 邮箱 label (also as buyers spell them past a filter: v信, 威信, 企鹅…),
 * every number of 7+ digits (grouped or not: a phone, landline, bank card, ID, QQ or order number),
 * an address written without a label (a province or city, then district, street, number…) and,
 * with no province or city written, the house number, building and room after a road. Whole, not as notes keep them (138****5678): a pick needs
 * no part of a number to be recalled, maskPii's stars split a number into runs that maskForMemory's
 * '#' does not reach (the first three digits stayed), and picks are shared in team mode (qaJ D12).
 *
 * Run by the worker's learnPick handler from worker-extras.js (background.js has no room left), and
 * by `npm run eval:suggest --learn-from` the same way; the recall of a new message (suggestSignals)
 * does not need it: nothing of that is stored.
 */
import { CHAT_LABELS, maskPii } from '../customers/privacy';
import { memoryText, type LearnedPick } from './learned';

// The place name before 省/市 is two characters unless it is one of the longer names below: a
// pattern of "2–3 characters" matched from the leftmost start, so it took the character before a
// two-character name (我老家上海市… kept as `我老 某地`, 家 gone), and a four-character city
// (乌鲁木齐市, 呼和浩特市) lost only its last characters. Every province and prefecture-level city
// of three or more characters is listed, and the county-level cities of three or more that we know
// of; one missing keeps its first character (梅河口市… as `梅 某地`), never a buyer's word.
const LONG_PLACES =
  '黑龙江|石家庄|张家口|秦皇岛|呼和浩特|鄂尔多斯|呼伦贝尔|巴彦淖尔|乌兰察布|葫芦岛|哈尔滨|齐齐哈尔|双鸭山|佳木斯|七台河|牡丹江|' +
  '连云港|马鞍山|景德镇|平顶山|三门峡|驻马店|张家界|防城港|攀枝花|六盘水|日喀则|嘉峪关|石嘴山|乌鲁木齐|克拉玛依|吐鲁番|' +
  '石河子|阿拉尔|图木舒克|五家渠|铁门关|可克达拉|胡杨河|五指山|高碑店|霍林郭勒|满洲里|牙克石|扎兰屯|额尔古纳|乌兰浩特|阿尔山|' +
  '二连浩特|锡林浩特|瓦房店|大石桥|调兵山|公主岭|梅河口|五大连池|绥芬河|张家港|武夷山|井冈山|共青城|丹江口|老河口|冷水江|' +
  '都江堰|峨眉山|马尔康|香格里拉|格尔木|德令哈|青铜峡|阿图什|阿克苏|库尔勒|阿勒泰|阿拉山口|霍尔果斯';
// Nor does the match start at a label or verb: 地址上海市… must keep 地址 for maskForMemory's label
// rule, 寄到浙江省… its verb. No place name begins with these characters. 街道 and 大道 are tried
// before 街 / 道 alone would leave a character behind.
const ADDRESS = new RegExp(
  `(?![址地到在往寄发送收住至去回是的为我给])(?:${LONG_PLACES}|[一-龥]{2})[省市]([一-龥\\d]{1,5}?(街道|大道|单元|[市区县镇乡路街巷弄号栋幢室]))+`,
  'g',
);

// Written without a province or city (杭州西湖区文三路8号3幢201室) the address above is not found;
// the house number after a road, and the building and room after it, still go: that is what
// finds a door. Only after a road's 路/街/巷/弄/道, so a date (3号发的货) stays.
const HOUSE = /(?<=[路街巷弄道])\d+号([一-龥\d]{0,5}?(单元|[号栋幢楼室]))*/g;

// The chat-id labels are the notes' (privacy.ts CHAT_LABELS), and 邮箱 (a pick keeps no address at all).
// Not inside an English word: online shop and outgoing hold line and tg.
const WHOLE = new RegExp(`[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+|(?<![A-Za-z0-9])(${CHAT_LABELS}|邮箱)[号是为:\\s]*[\\w.@-]{4,}|\\+?\\d([\\s()-]?\\d){6,}x?`, 'gi');

export function maskWhole(message: unknown): string {
  // Then what notes mask (maskPii): a name after 收件人, a passport's letter… — what is left of it
  // after the numbers went whole. makePick (background.js) no longer runs maskPii itself.
  return maskPii(String(message ?? '')
    .normalize('NFKC')
    .replace(WHOLE, (_m, _d, label?: string) => (label ? `${label} ` : ' # '))
    .replace(ADDRESS, ' 某地 ')
    .replace(HOUSE, ' 某地 '));
}

/**
 * A pick that reaches this machine as a record (a colleague's, pulled in team mode) masked as a pick
 * made here is (maskWhole, then makePick's memoryText); null when no words are left. A pick made by
 * this version comes out as it went in; one from a version that masked less, or a colleague's
 * machine that kept numbers in clear, loses them before it is stored.
 */
export function maskPick(p: LearnedPick): LearnedPick | null {
  const text = memoryText(maskWhole(p.text));
  return text ? { ...p, text } : null;
}
