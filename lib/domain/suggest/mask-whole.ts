/**
 * What a learned pick loses before maskForMemory (learned.ts) reads it: e-mail addresses, the id
 * after a WeChat / QQ / 旺旺 / 邮箱 label, every number of 7+ digits (grouped or not: a phone,
 * landline, bank card, ID, QQ or order number) and an address written without a label (a province
 * or city, then district, street, number…). Whole, not as notes keep them (138****5678): a pick needs
 * no part of a number to be recalled, maskPii's stars split a number into runs that maskForMemory's
 * '#' does not reach (the first three digits stayed), and picks are shared in team mode (qaJ D12).
 *
 * Run by the worker's learnPick handler from worker-extras.js (background.js has no room left), and
 * by `npm run eval:suggest --learn-from` the same way; the recall of a new message (suggestSignals)
 * does not need it: nothing of that is stored.
 */
// The match starts at the place name, not at a label or verb just before it: the leftmost match of
// "2–3 characters then 省/市" otherwise began inside 地址 / 住址 (地址上海市… kept as `地 某地`, and
// maskForMemory's label rule no longer saw 地址) or took the verb (寄到浙江省… as `寄 某地`). No
// province or city name begins with these characters, so nothing is masked less. 街道 is tried before
// 街, which left its 道 behind.
const ADDRESS = /(?![址地到在往寄发送收住至去回是的为我给])[\u4e00-\u9fa5]{2,3}?[省市]([\u4e00-\u9fa5\d]{1,5}?(街道|单元|[市区县镇乡路街巷弄号栋幢室]))+/g;

export function maskWhole(message: unknown): string {
  return String(message ?? '')
    .normalize('NFKC')
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+|(微信|wx|vx|qq|扣扣|旺旺|邮箱)[号是为:\s]*[\w.@-]{4,}|\+?\d([\s()-]?\d){6,}x?/gi, (_m, _d, label?: string) => (label ? `${label} ` : ' # '))
    .replace(ADDRESS, ' 某地 ');
}
