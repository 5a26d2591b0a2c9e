import { describe, expect, it } from 'vitest';
import { checkReply, isBlocking, yuanOf } from './check';
import { createGuardEngine } from './engine';
import { EMPTY_GUARD_CONFIG, type GuardLimits } from './types';

const SHOP: GuardLimits = { agentDiscountYuan: 20, postageYuan: 10 };
const overLimit = (text: string, limits: GuardLimits = SHOP) =>
  checkReply(text, { platform: 'taobao', limits }).filter((f) => f.category === 'over-limit');

describe('money promised over what the agent may grant alone (domain: 20 yuan alone; compensation at most the postage)', () => {
  it('holds a discount over the agent’s 20 yuan, naming the limit and the supervisor in both languages', () => {
    const [f, ...rest] = overLimit('看您是真心喜欢，这单给您优惠50元～您先拍下，我改好价格您再付。');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'over-limit-discount', severity: 'block', words: '给您优惠50元' });
    expect(f!.reason.zh).toContain('20 元');
    expect(f!.reason.zh).toContain('主管');
    expect(f!.reason.en).toContain('20 yuan');
    expect(f!.reason.en).toContain('supervisor');
    expect(isBlocking([f!])).toBe(true);
  });

  it('holds compensation over the shop’s postage, naming the postage', () => {
    const [f] = overLimit('如果您不想来回寄，我们也可以补偿您50元，您看可以吗？');
    expect(f).toMatchObject({ ruleId: 'over-limit-compensation', words: '补偿您50元' });
    expect(f!.reason.zh).toContain('10 元');
    expect(f!.reason.en).toContain('10 yuan');
  });

  it('reads ¥50, 50块, 五十元, full-width digits and decimals', () => {
    for (const text of ['再便宜您¥30吧', '给你减五十块', '给亲便宜３０元', '少收您25.5元', '这次送您一个50元红包', '给您优惠 ￥ 21', '赔您一百元', '补偿您十五元', '给您30元作为补偿'])
      expect(overLimit(text).length, text).toBe(1);
    expect([yuanOf('¥25.50'), yuanOf('五十块'), yuanOf('一百二十元'), yuanOf('十五'), yuanOf('两百零五元')]).toEqual([25.5, 50, 120, 15, 205]);
  });

  it('stays quiet at or under the limits', () => {
    for (const text of ['这单给您优惠20元～', '再便宜您10块', '补偿您10元', '给您补偿8元，实在抱歉']) expect(overLimit(text), text).toEqual([]);
  });

  it('stays quiet on prices, order totals, shop-wide offers and refunds of what the buyer paid', () => {
    for (const text of [
      '这款原价199元，活动到手价159元',
      '订单一共159元，已经包邮了',
      '给您优惠价159元，今天下单就是这个价',
      '帮您改到139元，您再付款就可以',
      '店铺活动满300减50元，可以叠加',
      '给您用上满300减50的券更划算',
      '退款159元会原路退回您的支付宝',
      '差价30元给您退回去了',
      '质量问题来回运费我们出，给您补12元运费',
      '给您优惠40%不可能哦，最多九折',
      '给您少发了2件，马上补寄',
    ])
      expect(overLimit(text), text).toEqual([]);
  });

  it('holds a grant however it is worded: 再给您, 额外给您, 返, 减掉, 免您, 便宜了您, 赔给您, 当补偿, 降价', () => {
    for (const text of [
      '那再给您减35元吧',
      '额外给您优惠40元，别的客人没有',
      '单独给您减免45元',
      '这样吧，给您返40元',
      '给您返现60元，收货后到账',
      '我做主给您直接减掉40元',
      '给您减去三十五元',
      '这单免您35元',
      '给您打个九折，便宜了您45元',
      '实在抱歉，我们赔给您80块',
      '给您60块钱当补偿，您看行吗',
      '这条裤子给您降价50元',
    ])
      expect(overLimit(text).length, text).toBe(1);
  });

  it('holds money handed over directly: 退/转/打款/返 to the buyer, red packets and no-threshold or cash coupons', () => {
    for (const text of [
      '这样吧，直接给您退50元，商品您留着用',
      '不用寄回了，给您退５０块钱',
      '我这边给您转50元，您查收一下',
      '私下给您转五十元，别声张',
      '给你转账60元作为心意',
      '稍后给您打款35元',
      '那我私下给您返30',
      '返您40元，确认收货后到账',
      '退您30块吧，实在不好意思',
      '我们补偿您50块红包，您看可以吗',
      '送您一张50元无门槛券，下次直接用',
      '再给您发一张30元的无门槛优惠券',
      '给您发个25元现金券',
      '不用退货，直接给您退50元',
    ])
      expect(overLimit(text).length, text).toBe(1);
  });

  it('stays quiet on money already given, said as what happened before (已经/之前/刚才), but not on a new grant beside it', () => {
    for (const text of [
      '这单已经给您优惠了40元，真的不能再少了',
      '之前已经退了您50元，请查看一下余额',
      '刚才已经给您补偿了30元，您查收一下',
      '我们上次已经赔了您50元哦',
      '前面已给您减了25元',
    ])
      expect(overLimit(text), text).toEqual([]);
    expect(overLimit('已经给您优惠了10元，再给您减30元').map((f) => f.words)).toEqual(['给您减30元']);
    expect(overLimit('给您优惠了40元，您直接拍下就行').length).toBe(1);
  });

  it('stays quiet on a refund of what the buyer paid, however the money back is worded', () => {
    for (const text of [
      '退货寄回后给您退159元',
      '收到您寄回的商品就给您退159元',
      '给您原路退159元，一般1到3天到账',
      '给您全额退159元',
      '给您退159元，原路退回到您的付款账户',
      '给您退回159元',
      '给您退差价30元，价保是平台规则',
      '质量问题给您退12元运费',
      '不能给您退50元，这已经是最低价了',
      '给您转接售后专员处理',
      '送您一张满199减50的店铺券',
    ])
      expect(overLimit(text), text).toEqual([]);
  });

  // Refund replies put the reason in an earlier clause, in other words, or nowhere at all: a 退 of
  // money is the order's own money coming back unless the reply marks it as the agent's own grant.
  it('stays quiet on ordinary after-sales refund replies, whatever the reason or where it is said', () => {
    for (const text of [
      '您的退货已签收，给您退159元',
      '这边同意退款，给您退159元',
      '售后会给您退59元',
      '审核通过后给您退89元',
      '拒收后给您退89元',
      '少发的那件给您退39元',
      '价保给您退30元',
      '给您退89元，款项会在1-3个工作日到账',
      '您申请仅退款就可以，给您退89元',
      '包裹已经退回仓库了，今天给您退128元',
      '您的退款申请我看到了，马上给您退76元',
      '这件缺货发不了，给您退45元，实在抱歉',
      '拍了三件只到了两件，我们给您退65元',
      '订单已经取消，系统会给您退238元',
      '有破损的话拍照给我，核实后给您退99元',
      '尺码不合适寄回来就行，到了给您退88元',
      '快递已经拦截成功，回到仓库后给您退110元',
      '好的亲，给您退72元，请留意支付宝通知',
      '我这边给您退199元，退款进度可以在订单里看',
      '换货的那件没库存了，就给您退56元吧',
      '预售取消了，订金给您退50元',
      '仓库核对过了，确实少装了一双，退您29元',
      '您寄回的两件都到了，这边退您218元',
      '运单显示已签收，我马上直接给您退139元',
      '收到退货后直接给您退159元',
      '退货单号我看到了，等仓库验收完给您退189元',
      '好的，这边给您退35元，是您多付的运费',
      '已经帮您申请了，审核过后退您60元',
      '同意您的仅退款，给您退43元',
      '这个订单您付了120元，给您退120元',
      '拦截成功后我们给您退259元',
      '给你退个40块，退款原路返回',
      '您留着单号，仓库收到后给您退159元',
    ])
      expect(overLimit(text), text).toEqual([]);
  });

  it('holds money back the reply marks as the agent’s own grant: 直接/私下/额外/单独, a concession, keep-the-goods, compensation, a red packet', () => {
    for (const text of [
      '这样吧我给你退个40块',
      '给您红包50元',
      '这样吧，我私下给您退60元，您就别退货了',
      '东西您留着用，给您退45元',
      '额外给您退30元，算是我们的一点心意',
      '作为补偿，给您退35元',
      '给您退40元当补偿，您看可以吗',
      '不用寄回来了，给您退55元',
      '您别退货了，我给您退50元',
      '要不这样，我给您退45元，这事就算了',
      '那就直接退您35块吧',
      '已经给您优惠了15元，再给您退30元',
      '我自己掏钱给您退40元',
      '给您多退25元，别的客人可没有',
      '单独给您退50元，别跟别人说',
      '发您一个红包88元',
      '送您现金红包30元',
      '给你退个50块，商品不用寄回了',
      '那这样吧，给您退40块钱，您看行不行',
      '给您退50元吧，实在不好意思',
      '收到您的留言了，这样吧，给您退30元',
      '我们退您40元好吧',
    ])
      expect(overLimit(text).map((f) => f.ruleId), text).toEqual(['over-limit-discount']);
  });

  // Half the price back with the goods kept is 折价 — a partial refund the agent grants; an amount the
  // buyer is asked to accept (…，您看行吗) is a negotiated grant, not a refund being reported.
  it('holds a partial refund (一半/半价/折价) and money back the buyer is asked to accept (您看行吗/可以吗/行不行/怎么样)', () => {
    for (const text of [
      '给您退一半50元',
      '我先给您退50元，您看行吗',
      '这单给您退45元，您看可以吗？',
      '给你退30块，你看行不行',
      '给您退40元怎么样？',
      '退您一半60元，商品不用寄回',
      '给您退半价60元吧',
    ])
      expect(overLimit(text).map((f) => f.ruleId), text).toEqual(['over-limit-discount']);
    // 折价 is compensation for a defect: measured against the postage (guard10; was over-limit-discount).
    expect(overLimit('衣服有点色差的话，给您折价退50元').map((f) => f.ruleId)).toEqual(['over-limit-compensation']);
  });

  it('stays quiet on a partial refund for a reason the shop approved, within the limit, or with no amount to measure', () => {
    for (const text of [
      '少发一件，给您退一半50元',
      '鞋子缺了一只，退您一半25元，您看可以吗',
      '退货签收后给您退159元，您看可以吗',
      '我先给您退50元，剩下的等仓库收到货再退',
      '给您退一半10元',
      '我先给您退15元，您看行吗',
      '给您补偿一半运费',
      '退您一半吧',
    ])
      expect(overLimit(text), text).toEqual([]);
  });

  it('stays quiet when the agent applies for the money (申请: someone else approves it)', () => {
    for (const text of ['这边给您申请了50元补偿', '我给您申请优惠50元，批下来马上告诉您', '帮您申请一个50元的红包，通过后发给您'])
      expect(overLimit(text), text).toEqual([]);
  });

  it('holds money on top of a promotion, which is the agent’s own (活动之外, 在活动基础上, 私下; 活动价 is only a price)', () => {
    for (const text of ['在活动基础上再给您减30元', '按活动价再给您便宜30元', '活动之外我再给您优惠30元', '这次活动我私下再给您返30元'])
      expect(overLimit(text).map((f) => f.ruleId), text).toEqual(['over-limit-discount']);
  });

  it('stays quiet on the shop’s and the platform’s own offers, member prices and the platform’s payouts', () => {
    for (const text of [
      '店庆满减：每满200再减40元，可以叠加',
      '买两件的话第二件再减25元',
      '您是88VIP的话，结算时还能再减35元',
      '下单后系统会自动再优惠40元，是平台的补贴',
      'PLUS会员额外减50元，付款页面能看到',
      '这款明晚八点开始会再降40元',
      '年卡会员价比日常价便宜您30块',
      '发货超时的话平台会赔付您50元',
      '运费险理赔会赔付您30元，退货后到账',
      '换成普通快递，给您减少了30元的运费',
      '满减返现活动会返您30元',
      '店铺活动会返您30元，付款后自动到账',
      '平台活动期间下单返您40元',
      '满减活动给您优惠50元，结算时自动减',
      '店铺活动送您一张50元无门槛券',
    ])
      expect(overLimit(text), text).toEqual([]);
  });

  // The clause's giver decides: the agent's 给您 with a promotion only as its setting is the agent's grant.
  it('holds the agent’s own grant said beside a promotion (这个活动我给您…, 活动期间给您…, 双十一活动给您…, 满减之后我再…)', () => {
    for (const text of [
      '这个活动我给您减50元，您看行吗',
      '店里搞活动我给您便宜30元',
      '双十一活动给您便宜30元',
      '活动期间给您优惠50元您看行吗',
      '满减之后我再给您减30元',
      '趁着活动给您便宜30元吧',
      '活动的话我给您优惠30元',
      '参加活动再给您便宜50元',
      '活动快结束了给您返50元吧',
      '平台拍下后我给您优惠40元吧',
      '满减活动给您优惠50元，您看行吗',
      '这个活动返您50元吧',
    ])
      expect(overLimit(text).map((f) => f.ruleId), text).toEqual(['over-limit-discount']);
  });

  it('stays quiet when the promotion itself is the one that gives (活动会自动减, 平台活动补贴您, 店铺活动会给您返)', () => {
    for (const text of ['活动会自动减30元', '平台活动补贴您30元', '店铺活动会给您返30元，确认收货后到账', '返现活动会返给您40元'])
      expect(overLimit(text), text).toEqual([]);
  });

  // domain.md: compensation for a minor defect is at most the postage. Money back for a defect, a wrong
  // item or a delay, offered for the buyer to accept, with nothing sent back, is 折价 compensation — the
  // agent's grant; a refund of what was paid names the return, the whole order or the full amount.
  it('holds money back offered for a defect, a wrong item or a delay with the goods kept (折价), but not a refund of what was paid', () => {
    for (const text of [
      '商品破损了，给您退30元您看可以吗',
      '衣服有点色差，给您退30元您看可以吗',
      '快递延误了，给您退25元可以吗',
      '发错颜色了，给您退30元您看可以吗',
      '这款有点掉色，给您退35元您看行不',
      '晚发了两天，给您退30元吧',
    ])
      expect(overLimit(text).map((f) => f.ruleId), text).toEqual(['over-limit-compensation']);
    for (const text of [
      '质量问题的话寄回来给您退159元，您看可以吗',
      '商品有质量问题，给您全额退159元可以吗',
      '破损的话您寄回来，给您退99元好吗',
      '发错货了实在抱歉，整单给您退159元，您看可以吗',
      '有瑕疵的话退货就行，收到后给您退88元',
    ])
      expect(overLimit(text), text).toEqual([]);
  });

  // domain.md: compensation for a minor defect is at most the postage (10 yuan by default), not the
  // agent's 20-yuan discount limit: 15 yuan back for a defect is over it.
  it('measures money back for a defect, a wrong item or a delay, or 折价, against the postage, and says so', () => {
    for (const text of [
      '东西破了，给您退15元您看行吗',
      '裤子有点开线，给您退12元吧',
      '给您寄错尺码了，这个发错了，退您15块好吧',
      '路上耽误了，物流延误三天，那就给您退18元',
      '这件给您折价退15元，您看可以吗',
      '有一点污渍，东西您留着用，给您退15元',
    ]) {
      const found = overLimit(text);
      expect(found.map((f) => f.ruleId), text).toEqual(['over-limit-compensation']);
      expect(found[0]!.reason.zh, text).toContain('运费（10 元）');
      expect(found[0]!.reason.zh, text).toContain('折价');
      expect(found[0]!.reason.en, text).toContain('postage (10 yuan)');
    }
    for (const text of ['东西破了，给您退8元您看行吗', '给您折价退10元吧', '我先给您退15元，您看行吗', '商品没有破损，给您退15元吧', '这款质量挺好的，给您退15元吧'])
      expect(overLimit(text), text).toEqual([]);
    expect(overLimit('东西破了，给您退15元您看行吗', { agentDiscountYuan: 20, postageYuan: 15 })).toEqual([]);
  });

  it('holds the agent’s compensation said beside the platform (平台拍下后我给您补偿40元), not the platform’s or the insurer’s own payout', () => {
    for (const text of ['平台拍下后我给您补偿40元', '平台那边我给您补偿40元', '保险没赔的话我给您赔30元'])
      expect(overLimit(text).map((f) => f.ruleId), text).toEqual(['over-limit-compensation']);
    for (const text of ['系统会补偿您40元', '平台活动补贴您30元', '发货超时的话平台会赔付您50元', '运费险理赔会赔付您30元，退货后到账', '快递公司会赔偿您50元'])
      expect(overLimit(text), text).toEqual([]);
  });

  it('stays quiet when the agent applied in an earlier clause or the buyer goes through after-sale (申请…，给您退)', () => {
    for (const text of ['我这边帮您申请，给您退50元好吗', '您先申请售后，给您退30元您看行吗', '我给您申请一下，通过了给您退45元可以吗'])
      expect(overLimit(text), text).toEqual([]);
    for (const text of ['申请售后太麻烦了，我直接给您退50元吧', '我帮您申请了，不过先私下给您转50元', '我跟店里申请了一下，这单给您优惠50元～', '我跟店里申请了一下，这单给您退50元吧'])
      expect(overLimit(text).map((f) => f.ruleId), text).toEqual(['over-limit-discount']);
  });

  it('holds a half said before its amount (退一半吧，50元) and an offer asked as 行不 / 中不', () => {
    for (const text of ['给您退一半吧，50元', '这单给您退一半，也就是60元', '给您退30元，您看行不', '给您退30元，亲看中不'])
      expect(overLimit(text).map((f) => f.ruleId), text).toEqual(['over-limit-discount']);
    expect(overLimit('这样做行不通，给您退30元')).toEqual([]);
  });

  it('stays quiet when the reply refuses or brings the supervisor in', () => {
    for (const text of ['不能给您优惠50元呢，这已经是活动价了', '这个我去请示一下主管，看能不能给您优惠50元', '主管同意了，这单给您优惠50元']) expect(overLimit(text), text).toEqual([]);
  });

  it('can be switched off by the shop like the other built-in rules, each money rule on its own', () => {
    const engine = createGuardEngine({ v: 1, disabled: ['over-limit-discount'], rules: [] }, 'taobao');
    expect(engine.check('这单给您优惠50元')).toEqual([]);
    expect(engine.check('补偿您50元')).toMatchObject([{ ruleId: 'over-limit-compensation' }]);
    expect(createGuardEngine(EMPTY_GUARD_CONFIG, 'taobao').check('这单给您优惠50元')).toMatchObject([{ ruleId: 'over-limit-discount' }]);
  });

  it('follows the shop’s own limits (the remark rules’ 客服可自行处理的额度 and 运费)', () => {
    const generous: GuardLimits = { agentDiscountYuan: 60, postageYuan: 15 };
    expect(overLimit('这单给您优惠50元～', generous)).toEqual([]);
    expect(overLimit('补偿您12元', generous)).toEqual([]);
    const engine = createGuardEngine(EMPTY_GUARD_CONFIG, 'taobao', { agentDiscountYuan: 5, postageYuan: 3 });
    const [f] = engine.check('给您便宜8块');
    expect(f).toMatchObject({ category: 'over-limit' });
    expect(f!.reason.zh).toContain('5 元');
  });
});

describe('money for a defect in any form, the switches one limit each, and the buyer asked before or after (guard11)', () => {
  // domain.md: compensation for a minor defect is at most the postage (10 here), whatever the words for the money.
  it('measures money off for a defect (便宜/少收/优惠/a red packet) against the postage, not the bargaining limit', () => {
    for (const text of ['裤子有点色差，那这条给您便宜15元吧', '收到的杯子有道划痕，给您少收12块可以吗', '包装压坏了，送您一个15元红包表示歉意', '鞋带有点脏了，这双给您优惠18元']) {
      const found = overLimit(text);
      expect(found.map((f) => f.ruleId), text).toEqual(['over-limit-compensation']);
      expect(found[0]!.reason.zh, text).toContain('运费（10 元）');
      expect(found[0]!.reason.en, text).toContain('postage (10 yuan)');
    }
    // Within the postage, a disclaimer before the sale (no defect has happened), or no defect at all.
    for (const text of ['裤子有点色差，给您便宜8元吧', '照片可能会有一点色差，今天拍下给您便宜15元', '有质量问题包退换的，给您优惠15元', '这双鞋给您便宜15元吧'])
      expect(overLimit(text), text).toEqual([]);
  });

  it('with only the compensation rule off, measures compensation against the agent’s own limit under the discount rule; both off, nothing', () => {
    const engine = createGuardEngine({ v: 1, disabled: ['over-limit-compensation'], rules: [] }, 'taobao', SHOP);
    for (const text of ['杯子有划痕，给您退40元您看行吗', '裤子有点色差，那这条给您便宜30元吧', '实在抱歉，补偿您50元']) {
      const found = engine.check(text);
      expect(found.map((f) => f.ruleId), text).toEqual(['over-limit-discount']);
      expect(found[0]!.reason.zh, text).toContain('20 元');
    }
    // Over the postage but within the agent's own 20: compensation is what was switched off.
    expect(engine.check('杯子有划痕，给您退15元您看行吗')).toEqual([]);
    const bothOff = createGuardEngine({ v: 1, disabled: ['over-limit-compensation', 'over-limit-discount'], rules: [] }, 'taobao', SHOP);
    expect(bothOff.check('杯子有划痕，给您退40元您看行吗')).toEqual([]);
  });

  it('reads a refund reason in the sentence after the offer’s question mark like one in the same sentence', () => {
    for (const text of ['这单给您退60元可以吗？退款会按原路退回您的账户', '给您退60元好吗？货款三天内到账', '给您退60元，退款原路返回，您看可以吗'])
      expect(overLimit(text), text).toEqual([]);
    for (const text of ['这单给您退60元可以吗？', '给您退60元可以吗？东西不用寄回了'])
      expect(overLimit(text).map((f) => f.ruleId), text).toEqual(['over-limit-discount']);
  });

  it('holds money back with the buyer asked first (您看这样行吗，给您退…) as it does with the ask after', () => {
    for (const text of ['您看这样行吗，给您退60元', '这样可以吗？给您退60元', '给您退60元您看行吗'])
      expect(overLimit(text).map((f) => f.ruleId), text).toEqual(['over-limit-discount']);
    for (const text of ['您看这样行吗，收到退货后给您退159元', '这样做行不通，给您退30元'])
      expect(overLimit(text), text).toEqual([]);
  });
});

describe('the sentence before an offer and the one after its question mark (guard12)', () => {
  // A reply says what happened, then makes the offer: the reason belongs to it when that sentence has no money of its own.
  it('reads a refund reason in the sentence right before the offer as one in the same sentence', () => {
    for (const text of ['您的退货仓库已经签收。给您退159元可以吗？', '包裹已经拦截回仓了！这边给您退128元，您看行吗', '订单取消成功了。那就给您退86元吧'])
      expect(overLimit(text), text).toEqual([]);
  });

  it('does not tie a reason to an offer when the sentence naming it has money of its own, nor across two sentences', () => {
    for (const text of [
      '退货签收后给您退159元。另外再给您退50元可以吗？',
      '退货已签收，退款149元今天到账。这样吧，再给您退40元',
      '您的退货已签收。我们再聊聊别的。给您退60元可以吗？',
    ])
      expect(overLimit(text).map((f) => f.ruleId), text).toEqual(['over-limit-discount']);
    // Nor a reason after the question mark when that sentence is about money of its own.
    expect(overLimit('给您退60元可以吗？另外退货那单的159元已经原路退回了').map((f) => f.ruleId)).toEqual(['over-limit-discount']);
  });

  it('holds money back when the sentence before says the buyer keeps the goods', () => {
    for (const text of ['东西您留着用吧。给您退50元', '退货就不用了。给您退50元可以吗？', '寄回也不用了，给您退30元'])
      expect(overLimit(text).map((f) => f.ruleId), text).toEqual(['over-limit-discount']);
  });

  // domain.md: compensation for a minor defect is at most the postage (10 here), more needs the supervisor.
  it('measures money for a defect named after the offer’s question mark or in the sentence before against the postage', () => {
    for (const text of [
      '给您退15元可以吗？裤腿开线确实是我们的问题',
      '这条给您便宜15元行吗？发来的颜色确实有色差',
      '杯子路上磕破了，实在抱歉。给您退15元您看可以吗？',
      '包装盒压坏了。送您一个15元红包',
    ]) {
      const found = overLimit(text);
      expect(found.map((f) => f.ruleId), text).toEqual(['over-limit-compensation']);
      expect(found[0]!.reason.zh, text).toContain('运费（10 元）');
    }
    // Compensation said as such was already measured against the postage; at it, nothing.
    expect(overLimit('给您补偿10元可以吗？袖口开线确实是我们的问题')).toEqual([]);
  });

  it('keeps a defect with the offer it belongs to, not another one beside it', () => {
    // The first sentence's defect has its own compensation; the second offer is a discount within the agent's 20.
    expect(overLimit('袖口开线给您补偿5元。另外这单给您优惠15元')).toEqual([]);
    // A defect with money of its own after the question mark: the offer before is measured alone.
    expect(overLimit('给您退15元可以吗？开线的那件另外补您5元')).toEqual([]);
    // A return named with the defect is a refund of what was paid.
    expect(overLimit('衣服开线了，退货已签收。给您退15元可以吗？')).toEqual([]);
  });
});


describe('a refused refund or a denied defect is no reason (guard13)', () => {
  const held = (text: string) => overLimit(text).map((f) => f.ruleId);

  it('holds money back offered instead of a refund or cancellation the reply refuses, before or after the offer, in its sentence or the next', () => {
    for (const text of [
      '亲，我们不支持退款。给您退80元可以吗？',
      '订单已经不能取消了。给您退80元可以吗？',
      '全额退款做不到哦。给您退80元可以吗？',
      '退款申请我们这边驳回了。这样吧给您退80元行吗？',
      '退款审核没通过。这样吧，给您退80元',
      '这个无法给您办理退款，直接给您退70元吧',
      '退款这边是办不了的，那就给您退60元吧',
      '给您退80元可以吗？退款审核是通不过的',
      '不退款的话，给您退80元可以吗？',
      '您这个退款我们不同意，给您退80元可以吗？',
    ])
      expect(held(text), text).toEqual(['over-limit-discount']);
  });

  it('still reads a reason the reply gives when a refusal or a negation is elsewhere', () => {
    for (const text of [
      '不好意思让您久等了，已经给您取消订单，退80元',
      '不好意思让您久等了。订单已经给您取消了，那就给您退80元吧',
      '不能再让您等了。退款审核已经通过了，这边直接给您退80元',
      '之前的申请没通过，现在退货仓库已经签收了，给您退90元可以吗？',
      '订单取消了就不能恢复了，那就给您退80元吧',
    ])
      expect(overLimit(text), text).toEqual([]);
  });

  it('measures a discount against the agent’s own limit when the reply denies a defect, not against the postage', () => {
    for (const text of ['给您便宜15元可以吗？我们家衣服不掉色', '给您便宜15元可以吗？衣服没有任何破损', '这款不起球的，给您优惠15元'])
      expect(overLimit(text), text).toEqual([]);
    // A real defect next to the denied one still counts.
    expect(held('这件不掉色，但是袖口开线了。给您便宜15元可以吗？')).toEqual(['over-limit-compensation']);
  });
});

describe('a failed refund, a refund offered as the fallback, and 仅退款 with the goods kept (guard14)', () => {
  const held = (text: string) => overLimit(text).map((f) => f.ruleId);

  // A refund that failed (the money did not go through) is still the order's own money owed: reporting it,
  // or asking the buyer to resubmit, promises nothing new — unlike a refund the shop refuses (guard13).
  it('stays quiet on a reply that reports a failed refund, with its amount or without, and asks the buyer to resubmit', () => {
    for (const text of [
      '退款失败了，麻烦您重新提交一下',
      '退款失败了，麻烦您重新提交一下，给您退159元可以吗？',
      '系统显示退款没成功。您重新提交一下，这边直接给您退159元',
      '这边给您退159元没成功，麻烦您重新提交一下好吗？',
      '退您159元失败了，麻烦您重新提交一下可以吗？',
      '给您退159元没有成功，您看重新提交一下可以吗？',
      '直接给您退159元的时候失败了，麻烦您重新提交一下',
    ])
      expect(overLimit(text), text).toEqual([]);
  });

  it('still holds money back after a refund review or a cancellation that failed, after another failure, or beside a failed refund', () => {
    for (const text of [
      '退款审核失败了，这样吧给您退80元',
      '订单取消失败了。给您退80元可以吗？',
      '改价失败了，那就给您退30元吧',
      '给您退159元没成功，这样吧再给您退50元',
    ])
      expect(held(text), text).toEqual(['over-limit-discount']);
  });

  // The refund named after the offer as what the buyer may do if they turn it down is its alternative, not
  // its reason: the money is offered instead of the refund, like one offered beside a refused refund (guard13).
  it('holds money back offered with a refund as the fallback (不行的话您再申请退款) as it holds the same offer alone', () => {
    for (const text of [
      '给您退50元可以吗？',
      '给您退50元可以吗？不行的话您再申请退款',
      '这样吧，给您退50元，不行的话您再申请退款',
      '给您退50元吧，不要的话就退货',
      '给您退50元可以吗？要不然就退货退款',
      '给您退50元可以吗？实在不行再退货',
      '给您退50元可以吗？如果不接受可以申请退款',
      '给您退50元可以吗？不满意的话您再申请退货退款',
    ])
      expect(held(text), text).toEqual(['over-limit-discount']);
  });

  it('still reads a refund the offer is for as its reason, before the offer or after it without a fallback', () => {
    for (const text of [
      '您要是退货的话，给您退159元可以吗？',
      '衣服不合适的话寄回来，收到后给您退159元可以吗？',
      '退货签收后给您退159元可以吗？不行的话您再联系我',
      '给您退60元可以吗？退款会按原路退回',
      '给您退50元可以吗？不行的话我去请示主管',
      '给您退15元可以吗？不行的话您再申请退款',
    ])
      expect(overLimit(text), text).toEqual([]);
  });

  // 仅退款 with the goods kept is money the agent grants alone (the starter reply 仅退款（不退货） promises none):
  // held over the limits and named as 仅退款 in the hold, so the agent knows which promise it is.
  it('holds 仅退款 with the goods kept over the agent’s limit, however it is worded, and names it 仅退款', () => {
    for (const text of [
      '东西不用寄回，给您仅退款50元',
      '不用退货了，给您办理仅退款60元',
      '东西您留着，给您仅退款50元可以吗？',
      '商品您留着用，仅退款给您50元',
      '东西您留着，退您50元',
      '给您退50元，衣服您留着穿吧',
      '东西您留着用吧。给您退50元',
    ]) {
      const found = overLimit(text);
      expect(found.map((f) => f.ruleId), text).toEqual(['over-limit-discount']);
      expect(found[0]!.reason.zh, text).toContain('仅退款');
      expect(found[0]!.reason.zh, text).toContain('20 元');
      expect(found[0]!.reason.en, text).toContain('refund-only');
      expect(found[0]!.reason.en, text).toContain('20 yuan');
      expect(found[0]!.label.zh, text).toContain('仅退款');
    }
    // Money of any other kind is still a discount in the hold's words.
    for (const text of ['这单给您优惠50元', '这样吧我给你退个40块', '私下给您转50元']) expect(overLimit(text)[0]!.reason.zh, text).not.toContain('仅退款');
  });

  it('measures 仅退款 for a defect with the goods kept against the postage and names it 仅退款', () => {
    const [f, ...rest] = overLimit('有点色差，东西您留着，给您仅退款15元');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'over-limit-compensation', words: '给您仅退款15元' });
    expect(f!.reason.zh).toContain('仅退款');
    expect(f!.reason.zh).toContain('运费（10 元）');
    expect(f!.reason.en).toContain('postage (10 yuan)');
    // With the compensation rule off, it is the agent's own 20 yuan, still named 仅退款.
    const engine = createGuardEngine({ v: 1, disabled: ['over-limit-compensation'], rules: [] }, 'taobao', SHOP);
    const [g] = engine.check('有点色差，东西您留着，给您仅退款25元');
    expect(g).toMatchObject({ ruleId: 'over-limit-discount' });
    expect(g!.reason.zh).toContain('仅退款');
    expect(g!.reason.zh).toContain('20 元');
  });

  it('stays quiet on 仅退款 within the limits, and on 仅退款 as the refund of goods the buyer never had', () => {
    for (const text of [
      '东西不用寄回，给您仅退款15元',
      '有点色差，东西您留着，给您仅退款8元',
      '给您仅退款159元，款项原路退回',
      '您申请仅退款就可以，给您退89元',
      '订单还没发货，不用退货，给您退159元',
      '快递拦截回仓了，您不用寄回，给您退159元',
      '包裹丢件了，不用退货，给您仅退款159元吧',
      '少发了一件，这件不用寄回，给您退39元吧',
    ])
      expect(overLimit(text), text).toEqual([]);
  });
});
