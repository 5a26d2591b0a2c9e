/**
 * The built-in rules. Patterns run over the normalised reply (normalize.ts: lower case, half
 * width, no spaces or in-word separators), so "V X", "ｖｘ" and "v.x" are all "vx". Each pattern
 * is written to miss the ordinary uses of the same characters (微信支付, 第一次, 最好先拍照,
 * 不知道您…); the starter library and a list of ordinary phrases are tested to raise nothing.
 *
 * Labels, reasons and rewrites are our own words. Sources for what platforms penalise: the issue
 * (#13) and ../shared/domain.md (curt or evasive answers are service mistakes).
 */
import type { GuardPlatform, GuardRule } from './types';

const ANY: readonly GuardPlatform[] = ['any'];

/** A sentence boundary (or the start of the text) in the normalised reply. */
const SB = '(?:^|[。！!？?，,；;…\\n])';
/** Up to n characters inside one clause. */
const W = (n: number) => `[^。！!？?\\n]{0,${n}}`;

const rx = (source: string) => new RegExp(source, 'g');

const NO_OFF_PLATFORM = '有什么问题直接在这里留言就好，我会一直在线为您处理～';
const HONEST_REVIEW = '收到宝贝后如果满意，欢迎留下您真实的评价～';

// ── 导流 / 私下交易: moving the buyer off the platform ─────────────────────────────────────────
const OFF_PLATFORM: GuardRule[] = [
  {
    id: 'contact-wechat-spelling',
    category: 'off-platform',
    severity: 'block',
    platforms: ANY,
    // Letter spellings and homophones of WeChat are themselves a sign of slipping past a filter.
    // `wx` followed by digits is a WeChat Pay transaction or tax number, not an id.
    pattern: rx('(?<![a-z0-9\\]])(?:vx|wechat|weixin|vchat)(?![a-z])|(?<![a-z0-9\\]])wx(?![a-z0-9\\[])|[威薇徽][信芯❤♥]|微[芯❤♥x]|v[信芯❤♥]|(?:加|\\+)(?:我)?v(?![a-z])'),
    label: { zh: '微信的变体写法', en: 'WeChat spelled another way' },
    reason: {
      zh: '用字母或谐音写微信（vx、薇信等）是典型的站外导流，平台会判违规。',
      en: 'Writing WeChat as letters or look-alike characters (vx, 薇信…) is off-platform contact; platforms penalise it.',
    },
    rewrite: { kind: 'sentence', to: NO_OFF_PLATFORM },
  },
  {
    id: 'contact-wechat',
    negatable: true,
    category: 'off-platform',
    severity: 'block',
    platforms: ANY,
    pattern: rx(`(?:加|添加|联系|私聊|私信|搜一?下?|留个?|发个?|给个?|通过|扫)${W(4)}微信|微信(?:号|联系|私聊|找我|上聊|加我|好友|沟通|聊|群)|微信[:：]?[a-z][a-z0-9]{4,19}`),
    label: { zh: '引导加微信', en: 'Asking to add on WeChat' },
    reason: {
      zh: '引导买家加微信属于站外导流，平台会扣分甚至限制店铺。',
      en: 'Asking the buyer to add you on WeChat moves them off the platform; platforms deduct points or restrict the shop.',
    },
    rewrite: { kind: 'sentence', to: NO_OFF_PLATFORM },
  },
  {
    id: 'contact-qq',
    negatable: true,
    category: 'off-platform',
    severity: 'block',
    platforms: ANY,
    pattern: rx(`(?<![a-z])qq(?![a-z])(?:号|群|[:：]?\\d{5,11})|扣扣|抠抠|扣q(?![a-z])|企鹅号|(?:加|添加|联系|私聊|私信)(?:我|下|一下)?(?<![a-z])qq?(?![a-z])`),
    label: { zh: '引导加QQ', en: 'Asking to add on QQ' },
    reason: {
      zh: '留QQ号或引导加QQ（含扣扣等写法）属于站外导流。',
      en: 'Giving a QQ number or asking to add on QQ (also spelled 扣扣) is off-platform contact.',
    },
    rewrite: { kind: 'sentence', to: NO_OFF_PLATFORM },
  },
  {
    id: 'contact-phone-own',
    category: 'off-platform',
    severity: 'block',
    platforms: ANY,
    pattern: rx(`(?:加|打|拨|致电|联系我|联系客服|我的|我们的?|店铺|客服|老板|本人)${W(6)}(?<!\\d)1[3-9]\\d{9}(?!\\d)|(?<!\\d)1[3-9]\\d{9}(?!\\d)${W(3)}(?:加我|联系我|打给我|找我)`),
    label: { zh: '留电话让买家联系', en: 'A phone number to contact the shop' },
    reason: {
      zh: '在聊天里留自己的手机号让买家联系，属于站外导流。',
      en: 'Giving your own phone number for the buyer to call is off-platform contact.',
    },
    rewrite: { kind: 'sentence', to: NO_OFF_PLATFORM },
  },
  {
    id: 'contact-phone-number',
    category: 'off-platform',
    severity: 'warn',
    platforms: ANY,
    // Digits (also spelled with Chinese numerals) that form a mobile number. Confirming the buyer's
    // own number is normal order work, hence only a warning.
    pattern: rx('(?<![\\d零〇一二三四五六七八九幺壹贰叁肆伍陆柒捌玖两])(?:1[3-9]\\d{9}|[一幺壹][三四五六七八九叁肆伍陆柒捌玖][零〇一二三四五六七八九幺壹贰叁肆伍陆柒捌玖两]{9})(?![\\d零〇一二三四五六七八九幺壹贰叁肆伍陆柒捌玖两])'),
    label: { zh: '回复里有手机号', en: 'A phone number in the reply' },
    reason: {
      zh: '回复里出现手机号，平台可能按站外导流处理；如果是核对买家自己的号码，可以忽略。',
      en: 'A mobile number in a reply may be read as off-platform contact; if you are confirming the buyer’s own number, go ahead.',
    },
  },
  {
    id: 'qr-code',
    negatable: true,
    category: 'off-platform',
    severity: 'warn',
    platforms: ANY,
    pattern: rx(`扫码(?!支付|付款)|扫一扫|(?:发|给|加|留)(?:您|你|我)?(?:个|一个|一张|的)?二维码|二维码${W(4)}(?:加|联系|关注|领|进群)`),
    label: { zh: '让买家扫码', en: 'Asking the buyer to scan a code' },
    reason: {
      zh: '让买家扫二维码常被视为站外导流；如需说明，请用平台内的链接或图片说明。',
      en: 'Asking the buyer to scan a QR code is often treated as off-platform contact; use the platform’s own links or images.',
    },
  },
  {
    id: 'private-deal',
    negatable: true,
    category: 'off-platform',
    severity: 'block',
    platforms: ANY,
    pattern: rx(
      '私下交易|线下交易|私下(?:转账|付款|联系|沟通|处理)|不走平台|绕开平台|绕过平台|' +
        '(?:转账|打款|付款|转钱)(?:给|到)我|私人账户|个人账户|(?:微信|支付宝)(?:转账|转给|付给|打给)我',
    ),
    label: { zh: '私下交易', en: 'A private deal' },
    reason: {
      zh: '绕开平台私下收款或交易，买家失去平台保障，店铺会被严重处罚。',
      en: 'Taking payment or dealing outside the platform leaves the buyer unprotected and gets the shop heavily penalised.',
    },
    rewrite: { kind: 'sentence', to: '付款和售后都请在平台内完成，这样您的权益有保障～' },
  },
  {
    id: 'contact-private-chat',
    negatable: true,
    category: 'off-platform',
    severity: 'block',
    platforms: ANY,
    // Not 私聊我 alone: a private chat inside the platform's own messenger is where the agent already is.
    pattern: rx('(?:加|添加)(?:我|一下|个)?(?:好友|私聊)|(?:加|添加)我(?<![a-z])(?:v|q)(?![a-z])'),
    label: { zh: '引导私下联系', en: 'Asking to talk privately' },
    reason: {
      zh: '邀请买家加好友或私聊，会被当作站外导流。',
      en: 'Inviting the buyer to add you as a friend or chat privately counts as off-platform contact.',
    },
    rewrite: { kind: 'sentence', to: NO_OFF_PLATFORM },
  },
];

/** Domains of each platform: a link there is not an outside link. */
const PLATFORM_DOMAINS: Record<Exclude<GuardPlatform, 'any'>, string[]> = {
  taobao: ['taobao.com', 'tmall.com', 'tb.cn', 'alipay.com', 'tmall.hk', 'aliexpress.com'],
  jd: ['jd.com', '3.cn', 'jd.hk', '360buy.com'],
  pdd: ['pinduoduo.com', 'yangkeduo.com'],
  douyin: ['douyin.com', 'jinritemai.com', 'iesdouyin.com'],
  kuaishou: ['kuaishou.com', 'kwaixiaodian.com', 'gifshow.com'],
};

export function isPlatformLink(link: string, platform: GuardPlatform): boolean {
  const host = link.replace(/^https?:\/\//, '').split(/[/?#:]/)[0] ?? '';
  const allowed = platform === 'any' ? Object.values(PLATFORM_DOMAINS).flat() : PLATFORM_DOMAINS[platform];
  return allowed.some((d) => host === d || host.endsWith('.' + d));
}

/** Links are matched on the reply as written (the dots matter); see check.ts. */
export const LINK_RULE: GuardRule = {
  id: 'outside-link',
  category: 'off-platform',
  severity: 'block',
  platforms: ANY,
  pattern: /https?:\/\/[^\s，。！？、"'<>）)]+|(?<![a-z0-9@.])(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|top|xyz|cc|vip|me|io|ink|link|shop|club|site|info)(?![a-z0-9])(?:\/[^\s，。！？、"'<>）)]*)?/gi,
  label: { zh: '站外链接', en: 'An outside link' },
  reason: {
    zh: '发站外链接会把买家带离平台，平台按导流处罚；请只发本平台的商品或店铺链接。',
    en: 'A link outside the platform takes the buyer away; platforms penalise it. Send only this platform’s item or shop links.',
  },
  rewrite: { kind: 'words', to: '（请在本店铺首页查看）' },
};

/** Names of other platforms: sending the buyer there is also off-platform contact. */
const OTHER_PLATFORM_WORDS: Record<Exclude<GuardPlatform, 'any'>, string> = {
  taobao: '京东(?!快递|物流|配送|快运)|拼多多|拼夕夕|抖音|快手',
  jd: '淘宝|天猫|拼多多|拼夕夕|抖音|快手',
  pdd: '淘宝|天猫|京东(?!快递|物流|配送|快运)|抖音|快手',
  douyin: '淘宝|天猫|京东(?!快递|物流|配送|快运)|拼多多|拼夕夕|快手',
  kuaishou: '淘宝|天猫|京东(?!快递|物流|配送|快运)|拼多多|拼夕夕|抖音',
};

const OTHER_PLATFORM: GuardRule[] = (Object.keys(OTHER_PLATFORM_WORDS) as (keyof typeof OTHER_PLATFORM_WORDS)[]).map((p) => ({
  id: `other-platform-${p}`,
  negatable: true,
  category: 'off-platform' as const,
  severity: 'warn' as const,
  platforms: [p],
  pattern: rx(OTHER_PLATFORM_WORDS[p]),
  label: { zh: '提到其他平台', en: 'Naming another platform' },
  reason: {
    zh: '在本平台聊天里提到或推荐其他购物平台，可能被判为引流到站外。',
    en: 'Naming or recommending another shopping platform in this platform’s chat may be judged as sending the buyer away.',
  },
}));

// ── 好评返现: anything of value for a review ──────────────────────────────────────────────────
const REVIEW = '(?:好评|五星|5星|晒图|晒单|带图|评价|评论|追评|点评|打分)';
const N = '[\\d一二两三四五六七八九十]';
/** Money handed back: 退您10元, 领取5元, 拿2块, 返您5元. */
const MONEY_BACK = `(?:退(?:给)?(?:您|你)?|领取?|拿)${N}+(?:元|块)|返(?:给)?(?:您|你)${N}`;
const REWARD = `(?:返现|返款|返钱|返还|返${N}|红包|现金|奖励(?!我|本店|客服|一下我)|礼品|小礼物|赠品|有礼|有奖|(?<![配运护快递派接])送(?!货|达|到|件|出|去|回|的)|${MONEY_BACK}|优惠券|积分)`;
/** A discount promised after a review (给个好评下次给您优惠); not after thanks for one already given. */
const REVIEW_THEN_DISCOUNT = `(?<!(?:感谢|谢谢|多谢)(?:您|你|亲)?的?)${REVIEW}${W(12)}(?:(?:给|送)(?:您|你)(?:个|些|点)?|下次(?:购买|买|来)?(?:再|还)?(?:给您|给你)?)(?:优惠|便宜|折扣|打折|减价)`;
/** What is offered for changing or removing a bad review. */
const REMOVAL_REWARD = `(?:补偿|返|红包|现金|赔|补(?:您|你)|退(?:给)?(?:您|你)?${N}+)`;
const CASH_FOR_REVIEW: GuardRule[] = [
  {
    id: 'review-reward',
    negatable: true,
    category: 'cash-for-review',
    severity: 'block',
    platforms: ANY,
    pattern: rx(`${REVIEW}${W(12)}${REWARD}|${REWARD}${W(8)}${REVIEW}|好评卡|${REVIEW_THEN_DISCOUNT}`),
    label: { zh: '好评返现', en: 'A reward for a good review' },
    reason: {
      zh: '用现金、红包、赠品等换好评违反反不正当竞争规定（2024年市场监管总局规定），平台也会处罚。',
      en: 'Offering cash, red packets or gifts for a good review breaks the 2024 SAMR unfair-competition rules; platforms penalise it too.',
    },
    rewrite: { kind: 'sentence', to: HONEST_REVIEW },
  },
  {
    id: 'review-removal-reward',
    negatable: true,
    category: 'cash-for-review',
    severity: 'block',
    platforms: ANY,
    // Either order: 删了差评… and 差评删了… (差评能不能改一下…).
    pattern: rx(
      `(?:删|撤|改|修改)${W(3)}(?:差评|中评|评价)${W(12)}${REMOVAL_REWARD}|(?:差评|中评)${W(4)}(?:删|撤|改|修改)${W(12)}${REMOVAL_REWARD}|` +
        `(?:补偿|返现|红包|现金|赔)${W(12)}(?:删|撤|改|修改)${W(3)}(?:差评|中评|评价)`,
    ),
    label: { zh: '以补偿换删改差评', en: 'Compensation in exchange for removing a bad review' },
    reason: {
      zh: '把补偿和删改评价绑在一起，等同于花钱买评价。先解决问题，补偿不以改评为条件。',
      en: 'Tying compensation to changing a review is paying for a review. Solve the problem; never make compensation depend on the review.',
    },
    rewrite: { kind: 'sentence', to: '问题我们一定负责处理到位，您对处理结果满意再说～' },
  },
];

// ── 超出权限: money promised over what the agent may grant alone ─────────────────────────────
// Run over the reply as written with full-width folded (moneyText in check.ts: the normalised text
// drops the dot of 12.50), each pattern's first group that matched being the amount. Only a grant
// to this buyer counts — 给您优惠50元, 便宜您30块, 补偿您¥15, 直接给您退50元, 给您转50元, 送您一张50元无门槛券 —
// never a price (优惠价159元, 便宜到139), a shop-wide offer (满300减50), a refund of what was paid
// (退款159元, 原路退回159元, 退货后给您退159元, 退您差价) or postage paid back (补您12元运费): those
// have no grant word before the amount, or a word between, or money back with no grant mark in the
// sentence (GRANT_MARK below). A bare
// 再/额外 is no grant either: 每满300再减50, 第二件再减30, 会员额外减30 are the shop's or platform's
// offers. What was given before (已经给您优惠了40元) is no promise: check.ts lets it pass.
const NUM = '(?:\\d+(?:\\.\\d{1,2})?|[零〇一二两三四五六七八九十百千]+)';
/** An amount: ¥50, 50元, 五十块, or bare digits that are not a count, a share or a size. */
const AMOUNT = `\\s*([¥￥]\\s*${NUM}|${NUM}\\s*(?:元|块钱?|rmb)|\\d+(?![\\d.%折件个天号份倍次分斤克码元块]|\\s*(?:cm|kg|ml|g)))`;
/** 您/你/亲, also with 给 before it. */
const YOU = '(?:给?(?:您|你|亲))';
/** In one clause, without digits (给您用上满300减50 is a coupon, not a grant). */
const GAP = '[^。！!？?\\n，,；;\\d]{0,6}?';
/**
 * A payer that is not the shop (平台会赔付您30元, 运费险理赔会赔付您30元 are the platform's or the insurer's own
 * rules). The clause's giver decides (check.ts), as for promotions: the payer as the subject right before the
 * grant, or, for a grant said without the agent's 给您, the payer earlier in the clause with no 我 or money on top
 * between — never 平台拍下后我给您补偿40元, the agent's own.
 */
const OTHER_PAYER = '(?:平台|系统|运费险|保险|保险公司|快递公司|物流公司)';
export const PAYER_SUBJECT = new RegExp(`${OTHER_PAYER}(?:理赔|方面|那边|官方)?(?:会|将|可以|能|都|就|也|还|自动|直接|统一)*$`);
export const PAYER_EARLIER = new RegExp(`${OTHER_PAYER}(?:(?!私下|私人|单独|额外|我|自掏|再|另外)[^。！!？?\\n，,；;]){0,8}$`);
/**
 * The clause's giver decides whether a promotion pays (check.ts): the promotion as the subject that
 * gives — 满减返现活动会返您30元, 店铺活动送您…, 满减活动给您优惠50元 — is the shop's or platform's offer like
 * 满300减50. A promotion only as the setting of the agent's 给您 (这个活动我给您减50元, 活动期间给您优惠50元,
 * 双十一活动给您便宜30元, 满减之后我再给您减30元) is the agent's own grant, and so is a payout asked to be
 * accepted (…吧, 您看行吗). 活动价 is a price; 活动之外/在活动基础上 is money on top of it.
 */
const PROMO_WORD = '(?:平台|满减|返现|活动(?!价|之外|以外|外|(?:的)?基础|上))';
/** Right before the grant, a promotion as its subject: a kind that pays by itself (满减/返现/平台/店铺/官方…活动, 满减, 平台), or any 活动 that 会/将 pay. */
export const PROMOTION_SUBJECT = new RegExp(
  `(?:(?:满减|返现|平台|店铺|官方)[^。！!？?\\n，,；;]{0,3}?活动|满减|平台|返现|活动(?:会|将))(?:会|将|可以|能|都|就|也|还|自动|直接)*$`,
);
/** Earlier in the clause, a promotion naming the payer of a grant said without the agent's 给您 (平台活动期间下单返您40元), with no 我 or money on top between. */
export const PROMOTION_EARLIER = new RegExp(`${PROMO_WORD}(?:(?!私下|私人|单独|额外|我|自掏|再|另外)[^。！!？?\\n，,；;]){0,8}$`);
/** The agent's own voice at the start of a grant: 给您/帮您/为您/替您. */
export const AGENT_GIVES = /^(?:给|帮|为|替)(?:您|你|亲)/;
/** Not postage paid back (给您补12元运费): quality returns have the shop pay it both ways. */
const NOT_POSTAGE = '(?!\\s*(?:的)?(?:运费|邮费))';
/** Up to the sentence's end or from its start (a sentence ends at 。！？ or a new line, not at a comma). */
const SENT = '[^。！!？?\\n]*';
/** A sentence's end. */
const END = '[。！!？?\\n]';
/** Money said with its unit or sign (¥50, 50元, 五十块钱): a sentence naming any is about money of its own. */
const MONEY_SAID = `[¥￥]\\s*\\d|\\d\\s*(?:元|块|rmb)|[零〇一二两三四五六七八九十百千]+\\s*(?:元|块钱)|[二两三四五六七八九十百千][零〇一二两三四五六七八九十百千]*块`;
/** One character of a sentence that names no money. */
const NO_MONEY = `(?:(?!${MONEY_SAID})[^。！!？?\\n])`;
/**
 * The sentence right before the offer's (您的退货已签收。给您退159元可以吗？), read as part of it when it names
 * `cue` and no money of its own: a sentence with money of its own (退货签收后给您退159元。另外再给您退50元可以吗？)
 * keeps its reason for that money. A lookbehind body: that sentence, its end, then the offer's sentence up to here.
 */
const PREV_SENTENCE = (cue: string) => `(?:^|${END})${NO_MONEY}*(?:${cue})${NO_MONEY}*${END}+${SENT}`;
/** The sentence right after the offer's question mark (给您退60元可以吗？退款会原路退回), on the same terms. A lookahead body. */
const AFTER_ASK = (cue: string) => `${SENT}[？?]+${NO_MONEY}*(?:${cue})${NO_MONEY}*(?:${END}|$)`;
/**
 * Money back (退) is the order's own money coming back — after a return, a refusal, a missing item,
 * price protection, an approved 仅退款 — and replies give the reason in an earlier clause, in words of
 * their own or not at all (售后会给您退59元). So it is no grant unless the sentence marks it as the
 * agent's own money. Strong marks hold whatever else the sentence says: the buyer keeps the goods
 * (不用退货/别寄回/留着用), 私下/私人/额外/单独/我做主/自己掏钱, compensation (作为补偿/当补偿/心意), a
 * red packet. Weak marks are also how refunds are said (收到退货后直接给您退 = at once), so they hold
 * only when the sentence names no refund reason: 直接, a concession (这样吧/要不这样/那就), 再/另外/多退 as
 * money on top, …吧/好吧 after the amount, the buyer asked to accept it after the amount or before it
 * (ASKS_BEFORE). An offer asked as a question may name its refund reason right after the question mark
 * (给您退60元可以吗？退款会原路退回), as if in the same sentence.
 */
/**
 * Goods the buyer never had, or has not got (还没发货, 拦截回仓, 丢件, 拒收, 缺货, 少发): there is nothing to send back, so
 * 不用退货 / 不用寄回 in the same sentence is no keep-the-goods mark — the money is the order's own (订单还没发货，不用退货，给您退159元).
 */
const NOT_RECEIVED =
  '(?:还没|没有?|未|尚未)(?:发货|发出|寄出|出库|揽收)|还没发(?!现|票)|拦截|(?:退|返)回(?:了)?仓|回仓|丢件|丢了|丢失|弄丢|拒收|拒签|缺货|没货|断货|没库存|少发|漏发|少装|(?:您|你)(?:还)?(?:没有?|未)收到';
/** No return needed (不用退货, 别寄回, 退货就不用了), unless the sentence says there is nothing to return (NOT_RECEIVED). */
const NO_RETURN =
  `(?<!(?:${NOT_RECEIVED})[^。！!？?\\n]*)(?:(?:不用|无需|不需要|不必|免|别|不要)(?:再)?(?:退货|寄回|退回|寄了|寄过来|退了|还了|退)|(?:退货|寄回)(?:就|也|都)?(?:(?:不用|无需|不需要|不必)(?:了|啦)?(?=[了啦，,。！!？?；;\\n]|$)|免了|算了))(?![^。！!？?\\n]*(?:${NOT_RECEIVED}))`;
/** The buyer keeps the goods: money back with them is 仅退款 (refund-only), the agent's own grant. */
const KEEPS_GOODS = `${NO_RETURN}|留着(?:用|穿|吧|就行|就好|自己用)|(?:东西|商品|衣服|货|宝贝)(?:您|你)?(?:就)?留着`;
const GRANT_STRONG =
  `${KEEPS_GOODS}|私下|私人|额外|单独|我做主|掏钱|自掏腰包|我自己出|` +
  '(?:作为|当作?|当做|算作?|算是|做为|以示|表示|一点|点)(?:补偿|赔偿|心意)|补偿一下|心意|(?<!运费险|平台|保险)的补偿|红包';
/**
 * The ask said before the amount (您看这样行吗，给您退50元): the same offer as 给您退50元您看行吗, only asked first —
 * a whole clause that asks about "this" (这样) or asks the buyer to look (您看…), so 这样做行不通 is none.
 */
const ASKS_BEFORE =
  '(?:(?:(?:您|你|亲)?看)?这样(?:做|处理|的话)?(?:行吗|行不行|行不|可以吗|可以不|可不可以|怎么样|好吗|好不好|成吗|中不中|中吗)|(?:您|你|亲)看(?:行吗|行不行|可以吗|可不可以|怎么样|好吗|成吗))[，,：:？?]';
const GRANT_WEAK = `${ASKS_BEFORE}|直接|这样吧|要不(?:这样|然)|那就|(?:^|[，,；;])(?:那|那就|就|我|我们)?再(?:给|帮)?(?:您|你)?退|另外(?:再)?(?:给|帮)?(?:您|你)?退|多退|一半|一部分|半价|折价`;
/** After the amount, the buyer asked to accept the offer (…，您看行吗): a negotiated grant, not a refund being reported. */
export const ASKS_TO_ACCEPT = '(?:您|你|亲)?(?:看)?(?:这样)?(?:行吗|行不行|行不(?!通)|中不中|中不|中吗|可以吗|可以不|可不可以|怎么样|好吗|好不好|成吗|能接受吗|接受吗)';
/**
 * A refund or cancellation refused in its own clause (我们不支持退款, 订单已经不能取消了, 退款审核没通过, 全额退款做不到,
 * 退款申请我们这边驳回了, 不退款的话) is no reason for money back: a partial refund offered *instead* of it is bargaining, the
 * guard's main case. Only the cue's own clause is read, and a refusal after 了 is about what follows a thing done
 * (订单取消了就不能恢复了), so a refusal elsewhere (不好意思…，已经给您取消订单) leaves it a reason. A refund that failed
 * (退款失败了, 提交失败, 没成功: the money did not go through) is no refusal — it is still owed, so it stays a reason;
 * a review or a cancellation that failed (审核失败, 取消失败) is one.
 */
const REFUSED_BEFORE = '(?<!(?:不支持|不能|不可以|不可|无法|没法|没办法|办不了|不给|不予|不接受|不同意|不允许|不办理|不提供|拒绝)[^。！!？?\\n，,；;\\d]{0,6}|(?<!要)不)';
const REFUSED_AFTER = '(?![^。！!？?\\n，,；;\\d了]{0,8}?(?:没通过|没有通过|未通过|不通过|通不过|过不了|驳回|被拒|拒绝|不同意|不接受|不予|做不到|办不到|办不了|不了|不能|无法|不支持|不可以|不行|(?<!(?:退款|退钱|退回|退|提交|打款|转账)(?:又|也|还是|都|就|一直|再次)?)(?:失败|不成功|没成功)))';
/** A refund reason anywhere in the sentence, not refused (REFUSED_*): what weak marks give way to. */
const REFUND_CUE =
  REFUSED_BEFORE +
  '(?:(?<!不用|无需|不需要|不必|免|别|不要|不)(?:退货|寄回|退回)(?!(?:就|也|都)?(?:(?:不用|无需|不需要|不必)(?:了|啦)?(?:[了啦，,。！!？?；;\\n]|$)|免了|算了))|寄还|整单|售后申请|(?:您|你)[^。！!？?\\n，,；;]{0,3}申请(?:了|一下)?售后|收到(?!您的|你的|反馈|消息|留言)|签收|原路|全额|全款|退款|审核|拒收|拦截|少发|漏发|少装|缺|没货|没库存|断货|补发|价保|差价|货款|取消)' +
  REFUSED_AFTER;
/**
 * After an offer, what the buyer may do if they turn it down (…可以吗？不行的话您再申请退款, 不然就退货退款, 或者您申请退款):
 * a refund named after it is the offer's alternative, not its reason — the money is offered instead of the refund,
 * as beside a refused one. Read only after the amount: before the offer (衣服不合适的话寄回来，收到后给您退159元) a
 * condition is about the goods, and the return is what the money is for.
 */
const FALLBACK =
  '(?:不行|不可以|不满意|不接受|不同意|不愿意|不想要|不要|接受不了|不能接受|不喜欢)(?:的话|呢|就|再|可以|也可以|[，,])|(?:实在|还是|再|真的?)不行|要不然|不然|否则|或者|或是|要不(?!要)';
/** After the amount, up to a refund reason with no fallback on the way, in the sentence or after its question mark. */
const UNTIL_CUE = `(?:(?!${FALLBACK})[^。！!？?\\n])*`;
const AFTER_ASK_REASON = `${SENT}[？?]+(?:(?!${MONEY_SAID}|${FALLBACK})[^。！!？?\\n])*(?:${REFUND_CUE})${NO_MONEY}*(?:${END}|$)`;
/** After the amount: the mark that makes money back a grant. */
const GRANT_MARK =
  `(?:(?<=(?:${GRANT_STRONG})${SENT}|${PREV_SENTENCE(GRANT_STRONG)})|(?=${SENT}(?:${GRANT_STRONG}))` +
  `|(?:(?<=(?:${GRANT_WEAK})${SENT})|(?=\\s*(?:好|行)?吧|${SENT}${ASKS_TO_ACCEPT}))(?<!(?:${REFUND_CUE})${SENT}|${PREV_SENTENCE(REFUND_CUE)})(?!${UNTIL_CUE}(?:${REFUND_CUE})|${AFTER_ASK_REASON}))`;
const REFUND_GAP = '(?:(?!原路|全额)[^。！!？?\\n，,；;\\d]){0,6}?';
/** Money of the buyer's own to spend: a red packet, a no-threshold or cash coupon (a 满…减 coupon is the shop's offer). */
/**
 * Money back marked as the agent's grant (GRANT_MARK): 直接给您退50元, 这样吧我给你退个40块, 退您30块吧, 给您退一半吧，50元,
 * and 仅退款 with the goods kept (东西不用寄回，给您仅退款50元; 仅退款给您50元).
 */
const MONEY_BACK_GRANT =
  `(?:(?:给|帮|为|替)(?:您|你|亲)${REFUND_GAP}退款?(?:了|给|个)?(?:您|你)?|退款?了?给?(?:您|你))(?:个|(?:一半|一部分|半价)(?:吧|呢)?(?:[，,]\\s*)?(?:也就是|就是|即|共|合计)?)?${AMOUNT}${NOT_POSTAGE}(?!\\s*(?:的)?(?:货款|差价))${GRANT_MARK}`;
/**
 * A defect, a wrong item or a delay, or 折价, in the sentence: money back for it with the goods kept is 折价
 * compensation (domain.md: at most the postage, more needs the supervisor), not a discount. A return or the
 * full amount is a refund of what was paid (GRANT_MARK: the weak marks give way to the refund reason).
 */
const DEFECT_CUE =
  // Not a disclaimer before the sale (拍照可能会有轻微色差, 难免有一点色差, 质量问题包退): no defect has happened.
  '(?<!(?:没有?|不是|并非|非|无|不)(?:任何|什么|啥|一点|丝毫)?)(?<!(?:会|可能|难免|正常)(?:会)?(?:有|存在|出现)?(?:一点点?|一些|些许|少许|轻微|略微|稍微|细微|点)?的?)' +
  '(?:破损|破了|坏了|质量(?:上的?)?(?:有)?(?:问题(?![^。！!？?\\n，,；;]{0,3}(?:包|保障|放心|无忧))|不好|不太好|不行|差|一般)|色差|发错|错发|发成|延误|晚发|迟发|延迟|慢了|瑕疵|污渍|脏了|开线|掉色|褪色|起球|划痕|刮花|磨损|变形|线头|异味|漏液|少了配件)|折价';
const MONEY_GIFT = '(?:的)?(?:现金)?(?:红包|(?:无门槛|现金|代金)(?:优惠)?券)|(?:的)?无门槛(?:现金|优惠)?券';

/**
 * The agent's own money to this buyer: 给您优惠50元, 便宜您30块, 返您…, money back the reply marks as the
 * agent's own (MONEY_BACK_GRANT: 直接给您退50元, 这样吧我给你退个40块, 退您30块吧), a money gift (送您一个50元红包,
 * 补偿您50块红包, 送您一张50元无门槛券, 给您红包50元). Which limit it is measured against is the sentence's
 * business (FOR_DEFECT): the agent's own (the discount rule) or, for a defect, the postage (compensation).
 */
const AGENT_GRANT =
  `(?:(?:(?:给|帮|为|替)(?:您|你|亲)${GAP}(?:优惠|便宜|让利?|减(?:免|掉|去)?|少收?|降价?|抹(?:掉|去)?|返现?|转账?|打款)(?:了|下)?(?:您|你)?` +
  // 便宜您25块 after 比 is a price comparison (会员价比原价便宜您25块), not a grant.
  `|(?<!比(?!较|如)[^。！!？?\n，,；;]{0,8})(?:优惠|便宜|让利|少收|抹掉|免)了?(?:您|你)` +
  `|(?:返|转)(?:给)?(?:您|你))${AMOUNT}${NOT_POSTAGE}` +
  `|${MONEY_BACK_GRANT}` +
  `|(?:送|发|给)${YOU}?(?:一个|一份|个|一张|张)?${AMOUNT}\\s*(?:${MONEY_GIFT})` +
  `|(?:送|发|给)${YOU}?(?:一个|一份|个)?(?:现金)?红包${AMOUNT})`;
/**
 * In a sentence naming a defect, a wrong item or a delay, or 折价: whatever form the money takes — 退, 便宜,
 * 优惠, 减, a red packet (有点色差，给您便宜15元) — it is compensation for the defect (domain.md: at most the
 * postage, more needs the supervisor; the remark records it as 折价 with the defect), not bargaining.
 *
 * Read after the grant has matched: the sentence is the same from its end as from its start (a grant
 * spans no sentence end), and run only there these lookarounds cost a fraction of running them at
 * every character, where they were most of the guard's time per reply.
 */
const FOR_DEFECT = `(?:(?<=(?:${DEFECT_CUE})${SENT}|${PREV_SENTENCE(DEFECT_CUE)})|(?=${SENT}(?:${DEFECT_CUE})|${AFTER_ASK(DEFECT_CUE)}))`;
const NOT_FOR_DEFECT = `(?<!(?:${DEFECT_CUE})${SENT}|${PREV_SENTENCE(DEFECT_CUE)})(?!${SENT}(?:${DEFECT_CUE})|${AFTER_ASK(DEFECT_CUE)})`;

const DISCOUNT_RULE: GuardRule = {
  id: 'over-limit-discount',
  negatable: true,
  limit: 'agentDiscountYuan',
  category: 'over-limit',
  severity: 'block',
  platforms: ANY,
  pattern: rx(`(?:${AGENT_GRANT})${NOT_FOR_DEFECT}`),
  label: { zh: '超出权限的优惠', en: 'A discount over your limit' },
  reason: {
    zh: '客服自己最多可以让利 {limit} 元，超过要主管同意：先请示主管，或改成权限内的金额。',
    en: 'You may grant up to {limit} yuan on your own; more needs the supervisor’s approval — ask first, or offer an amount within your limit.',
  },
};

const COMPENSATION_RULE: GuardRule = {
  id: 'over-limit-compensation',
  negatable: true,
  limit: 'postageYuan',
  category: 'over-limit',
  severity: 'block',
  platforms: ANY,
  // Postage paid back (quality returns: the shop pays it both ways) is not compensation.
  pattern: rx(
    `(?:(?:(?:给|帮|为)(?:您|你|亲))?(?:补偿|赔偿|赔付|补贴)${YOU}?|(?:(?:给|帮|为)(?:您|你|亲))(?:赔|补)|(?:赔|补)给?(?:您|你))(?:了|一个|一份|个)?${AMOUNT}${NOT_POSTAGE}` +
      `|${AMOUNT}\\s*(?:的)?(?:作为|当作|做为|当)?(?:补偿|赔偿|补贴)` +
      // The agent's money for a defect, a wrong item or a delay, or 折价 (商品破损了，给您退15元您看可以吗; 有点色差，给您便宜15元).
      `|(?:${AGENT_GRANT})${FOR_DEFECT}`,
  ),
  label: { zh: '超出权限的补偿', en: 'Compensation over your limit' },
  reason: {
    zh: '小问题的补偿（包括因破损、色差、发错、延误等折价退的钱或便宜的钱）一般不超过本店运费（{limit} 元），超过要主管同意：先请示主管再承诺。',
    en: 'Compensation for a minor defect — money back or off for damage, a colour difference, a wrong item or a delay (折价) included — is normally at most the shop’s postage ({limit} yuan); more needs the supervisor’s approval — ask before you promise it.',
  },
};

const MONEY_RULES: readonly GuardRule[] = [DISCOUNT_RULE, COMPENSATION_RULE];

/**
 * Where a grant's amount ends: whether the buyer keeps the goods (KEEPS_GOODS in the offer's sentence, the one before
 * it or the one after its question mark, as GRANT_MARK reads them). Money back with the goods kept is 仅退款, and the
 * hold says so (REFUND_ONLY_WORDING) — the agent sees which promise is over the limit. Sticky: test at the match's end.
 */
export const KEEPS_GOODS_AT = new RegExp(`(?<=(?:${KEEPS_GOODS})${SENT}|${PREV_SENTENCE(KEEPS_GOODS)})|(?=${SENT}(?:${KEEPS_GOODS})|${AFTER_ASK(KEEPS_GOODS)})`, 'y');
/** 仅退款 said in the grant's own words (给您仅退款50元, 只退款给您50元). */
export const REFUND_ONLY_WORDS = /(?:仅|只)退款/;
/** The hold's label and reason for 仅退款 with the goods kept, by the limit it is measured against. */
export const REFUND_ONLY_WORDING: Record<'agentDiscountYuan' | 'postageYuan', Pick<GuardRule, 'label' | 'reason'>> = {
  agentDiscountYuan: {
    label: { zh: '超出权限的仅退款', en: 'A refund-only over your limit' },
    reason: {
      zh: '不退货的仅退款（商品留给买家）是客服自己让出去的钱，最多 {limit} 元，超过要主管同意：先请示主管，或改成权限内的金额。',
      en: 'A refund-only (仅退款: the buyer keeps the goods) is money you grant yourself: up to {limit} yuan on your own; more needs the supervisor’s approval — ask first, or offer an amount within your limit.',
    },
  },
  postageYuan: {
    label: { zh: '超出权限的仅退款补偿', en: 'A refund-only compensation over your limit' },
    reason: {
      zh: '商品有问题、不退货的仅退款是折价补偿，一般不超过本店运费（{limit} 元），超过要主管同意：先请示主管再承诺。',
      en: 'A refund-only (仅退款: the goods kept) for a defect, a wrong item or a delay is 折价 compensation: normally at most the shop’s postage ({limit} yuan); more needs the supervisor’s approval — ask before you promise it.',
    },
  },
};

/**
 * Each money rule is one switch with one limit. With the compensation rule switched off, what it measures
 * is still money the agent grants alone, so it goes to the discount rule's limit (its id, label and
 * reason): a shop that lifts the postage cap on compensation has not lifted the agent's own limit. Only
 * with both switched off is money not checked. check.ts adds this rule in the compensation rule's place.
 */
export const COMPENSATION_AS_DISCOUNT: GuardRule = {
  ...COMPENSATION_RULE,
  id: DISCOUNT_RULE.id,
  limit: DISCOUNT_RULE.limit!,
  label: DISCOUNT_RULE.label,
  reason: DISCOUNT_RULE.reason,
  pattern: rx(COMPENSATION_RULE.pattern.source),
};

/** 主管同意了 / 请示主管: the reply already brings the supervisor in, so an amount over the limit is theirs. */
export const SUPERVISOR = /(?:主管|店长)[^。！!？?\n]{0,8}(?:同意|批|特批|申请)|(?:请示|申请|问问|问一下|报给|找)(?:一下)?(?:我们)?(?:主管|店长)/;

// ── 极限词: absolute advertising claims ──────────────────────────────────────────────────────
const softenBest = (m: string) =>
  m
    .replace(/全网|全国|全球|世界上?|史上|行业|同类|市面上?/g, '')
    .replace(/最(?:好|佳|优|棒)/g, '很好')
    .replace(/最强/g, '很强')
    .replace(/最(?:低|便宜)/g, '很实惠')
    .replace(/最高/g, '很高');

const ABSOLUTE: GuardRule[] = [
  {
    id: 'absolute-best',
    category: 'absolute-claim',
    severity: 'warn',
    platforms: ANY,
    pattern: rx(
      '(?:全网|全国|全球|世界上?|史上|行业|同类|市面上?)最(?:好|佳|优|强|棒|低|便宜|高)|' +
        '(?:质量|品质|效果|做工|面料|性价比|口碑|材质|工艺|品牌|价格)(?:是|也是|都是|绝对是)?最(?:好|佳|优|强|棒|低)|' +
        // 卖得最好的颜色: which of its own variants sells best is a fact the shop knows, not an ad claim.
        '(?<!卖得?|销得?)最(?:好|佳|优|强)的(?!办法|方法|方式|做法|处理|结果|时候|时间|是)',
    ),
    label: { zh: '“最好”类绝对用语', en: 'A “the best” claim' },
    reason: {
      zh: '“最好、最佳、全网最低”等绝对化用语有广告法风险，换成具体、可证明的说法。',
      en: 'Absolute words such as best or lowest anywhere carry advertising-law risk; say something specific you can prove.',
    },
    rewrite: { kind: 'words', to: softenBest },
  },
  {
    id: 'absolute-first',
    category: 'absolute-claim',
    severity: 'warn',
    platforms: ANY,
    pattern: rx('(?:销量|全网|全国|行业|排名|全球|世界|同类|品类|类目)第一(?!次|天|时间|个|件|步|眼|批|位|单|条|张|页|篇|期|周|年|轮|手|季)|第一(?:品牌|名)|(?<![a-z])no1(?![0-9])'),
    label: { zh: '“第一”类排名用语', en: 'A “number one” claim' },
    reason: {
      zh: '“销量第一、第一品牌”等排名说法需要证明，否则有广告法风险。',
      en: 'Ranking claims such as number one in sales need proof, or they carry advertising-law risk.',
    },
    rewrite: { kind: 'words', to: '很受欢迎' },
  },
  {
    id: 'absolute-grade',
    category: 'absolute-claim',
    severity: 'warn',
    platforms: ANY,
    pattern: rx('国家级|世界级|全球级|顶级|顶尖|极品|万能|史无前例|独一无二'),
    label: { zh: '“国家级”类夸大用语', en: 'A “national-grade” claim' },
    reason: {
      zh: '“国家级、顶级、万能”等用语属于广告法禁用的夸大说法。',
      en: 'Words such as national-grade, top-grade or all-purpose are exaggerations advertising law forbids.',
    },
    rewrite: { kind: 'words', to: (m) => (m === '万能' ? '多用途' : m === '独一无二' ? '很有特色' : '优质') },
  },
];

// ── 生硬回复: curt dismissals ────────────────────────────────────────────────────────────────
const CURT: GuardRule[] = [
  {
    id: 'curt-look-yourself',
    category: 'curt',
    severity: 'warn',
    platforms: ANY,
    pattern: rx('你自己(?:去)?(?:看|查|找|研究)|自己(?:去)?(?:看|查|找)(?:吧|呗|去)'),
    label: { zh: '“你自己看”', en: '“Look it up yourself”' },
    reason: {
      zh: '让买家自己去看、自己去查，会被判为服务态度差；帮买家查好再告诉他。',
      en: 'Telling the buyer to look it up themselves is judged as poor service; look it up for them.',
    },
    rewrite: { kind: 'sentence', to: '我这就帮您查一下，请稍等～' },
  },
  {
    id: 'curt-dont-know',
    category: 'curt',
    severity: 'warn',
    platforms: ANY,
    pattern: rx(`${SB}(?:这个|这|那个|那)?(?:我|俺)?(?:也|都|真|确实)?不(?:知道|清楚)(?:啊|呀|哦|喔|呢|了)?(?=[。！!，,…？?]|$)`),
    label: { zh: '“不知道”', en: '“I don’t know”' },
    reason: {
      zh: '只回“不知道”是敷衍回复，会影响服务评分；说清楚你会去确认、何时答复。',
      en: 'A bare “I don’t know” is an evasive answer that hurts the service score; say you will check and when you will answer.',
    },
    rewrite: { kind: 'sentence', to: '这个问题我去确认一下，稍后给您准确的答复～' },
  },
  {
    id: 'curt-rude',
    category: 'curt',
    severity: 'block',
    platforms: ANY,
    pattern: rx('爱买不买|不买拉倒|随便你|你爱咋|听不懂(?:吗|啊|么)|说了(?:多少|几|八百)遍|关我(?:什么|啥)事|跟我(?:说|讲)没用|你是不是傻'),
    label: { zh: '顶撞买家', en: 'Talking back to the buyer' },
    reason: {
      zh: '与买家争执、顶撞买家会被投诉并扣服务分，平台可能直接处罚。',
      en: 'Arguing with or talking down to the buyer leads to complaints and service penalties.',
    },
    rewrite: { kind: 'sentence', to: '非常理解您的心情，我这边一定尽力帮您处理好～' },
  },
];

/**
 * Every built-in rule, each switched on or off by the shop (GuardConfig.disabled) — the money rules
 * too: their limits are also the remark rules' (a remark recording a discount over the limit names
 * the supervisor), so raising them was no way for a shop without limits (an owner at the keyboard)
 * to stop the guard holding its replies.
 */
export const BUILT_IN_RULES: readonly GuardRule[] = [...OFF_PLATFORM, LINK_RULE, ...OTHER_PLATFORM, ...CASH_FOR_REVIEW, ...MONEY_RULES, ...ABSOLUTE, ...CURT];

export function builtInRule(id: string): GuardRule | undefined {
  return BUILT_IN_RULES.find((r) => r.id === id);
}
