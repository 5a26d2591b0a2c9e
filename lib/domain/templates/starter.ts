/**
 * The starter library (起步话术库): what a new install offers before the shop writes its own.
 * Written for this project in our own words, following the standard service flow (welcome →
 * product → size → price → order confirmation → payment → shipping → order changes → after-sale →
 * complaints/reviews → closing) and the service rules in ../shared/domain.md:
 * fixed prices with small gestures only (an agent alone may grant at most 20 yuan); quality problems
 * are returned at the shop's cost both ways, other returns at the buyer's; photos within 24 h;
 * invoices after receipt is confirmed; no cash-on-delivery or surface-mail returns; exchange price
 * rules for regular vs promotional items.
 *
 * Ids are stable (user edits and usage counts key on them): never rename one, add a new one instead.
 */
import type { ScenarioId } from '../scenarios';
import type { OrderStatus, Template, TemplateLibrary } from './types';

export const STARTER_GROUPS = [
  '欢迎问候',
  '商品咨询',
  '尺码推荐',
  '议价优惠',
  '订单确认',
  '付款催付',
  '发货物流',
  '订单修改',
  '售后退换',
  '售后问题',
  '投诉评价',
  '结束语',
] as const;

type Group = (typeof STARTER_GROUPS)[number];

function tpl(
  id: string,
  group: Group,
  title: string,
  scenarios: ScenarioId[],
  body: string,
  code?: string,
): Template {
  return code ? { id, title, body, group, scenarios, code } : { id, title, body, group, scenarios };
}

const TEMPLATES: Template[] = [
  // ── 欢迎问候 ───────────────────────────────────────────────────────────────
  tpl('welcome-new', '欢迎问候', '新客欢迎', ['greeting'],
    '{买家}您好，欢迎光临{店铺}！我是客服{客服}，很高兴为您服务。看中哪款宝贝，直接把链接发给我就行，规格、用法、库存和发货都可以问我～',
    'hi'),
  tpl('welcome-returning', '欢迎问候', '老客欢迎', ['greeting'],
    '{买家}，欢迎回来！上次的宝贝还满意吗？这次想看点什么，{客服}陪您慢慢挑～',
    'lk'),
  tpl('welcome-busy', '欢迎问候', '咨询高峰稍候', ['greeting'],
    '您好，现在咨询的朋友比较多，回复会慢一些，请您稍等～您发来的问题我都看到了，会按先后顺序一条条回复您。',
    'dd'),
  tpl('welcome-human', '欢迎问候', '人工客服在线', ['greeting'],
    '您好，我是人工客服{客服}，不是机器人哦～遇到什么问题直接告诉我，我来帮您处理。',
    'rg'),
  tpl('welcome-late-reply', '欢迎问候', '离线留言回复', ['greeting'],
    '不好意思，刚才没能及时回复您，{客服}现在在线了。您留言的问题我这就来看，处理好马上告诉您～',
    'ly'),
  tpl('welcome-night', '欢迎问候', '夜班接待', ['greeting'],
    '您好，现在是夜间值班时间，简单的问题我先为您解答；需要查仓库或办理售后的，我会记下来交给白班同事，明天上午跟进，中午前回复您。'),

  // ── 商品咨询 ───────────────────────────────────────────────────────────────
  tpl('product-material', '商品咨询', '面料材质', ['product-info'],
    '亲，这款的面料是{面料?}，手感柔软、透气性好，贴身穿也舒服。建议冷水轻柔手洗、反面阴干，能保持得更久哦。',
    'cz'),
  tpl('product-color', '商品咨询', '颜色与色差', ['product-info'],
    '亲，宝贝都是实物拍摄的，不过不同手机屏幕显示会有一点点色差，请以收到的实物为准。这款{颜色?}是卖得最好的颜色～',
    'sc'),
  tpl('product-usage', '商品咨询', '使用安装方法', ['product-info'],
    '使用方法简单说是这样：{使用步骤?}。包裹里有说明书的话也可以对照着看；哪一步不清楚，随时拍照或录个视频发我，我一步步陪您弄好～'),
  tpl('product-verify', '商品咨询', '细节待核实（24小时内回复）', ['product-info', 'size-fit'],
    '这个细节我要跟仓库同事核实一下，不想给您一个不准的答案。最晚 24 小时内给您回复，查到了第一时间告诉您，辛苦稍等～',
    'hs'),
  tpl('product-genuine', '商品咨询', '正品与保障', ['product-info'],
    '请放心，本店宝贝都是正品，支持七天无理由退货（定制等特殊商品除外）。收到后有任何不满意，联系我们就能处理，让您买得安心～'),
  tpl('product-compare', '商品咨询', '两款犹豫时推荐', ['product-info'],
    '两款都很不错～如果拿不定主意，我更推荐{推荐款?}：现货充足、评价多，回头客也多。您可以翻翻评价里的买家秀，上身效果很真实。'),
  tpl('product-match', '商品咨询', '搭配推荐', ['product-info', 'promotion'],
    '您眼光真好！这件配我们家的{搭配款?}特别好看，不少顾客都是一起带走的，一起拍还能凑满减，更划算～',
    'dp'),
  tpl('stock-available', '商品咨询', '有现货', ['stock', 'shipping-time'],
    '亲，您看中的这款目前有现货，{付款发货}，喜欢的话可以放心拍下哦～',
    'yh'),
  tpl('stock-restock', '商品咨询', '断货待补', ['stock'],
    '不好意思，这个颜色/规格暂时卖断了，预计{补货日期?}补货到仓。您可以先收藏宝贝，到货后我第一时间通知您；也可以看看同款其他有现货的颜色或规格～',
    'bh'),
  tpl('stock-low', '商品咨询', '库存紧张', ['stock'],
    '您看的这个规格只剩最后几件了，活动期间卖得比较快，确定要的话建议早点拍下，库存以付款为准哦。'),
  // Goods bought as a present (送人的 能帮忙包装一下吗, 可以写贺卡吗, 有礼盒装吗) had no reply of their own: 细节待核实 led.
  // What the shop can wrap with is the shop's own fact, a fill-in; the reply promises only what the note asks.
  tpl('gift-wrap', '商品咨询', '礼品包装与贺卡', ['product-info'],
    '送人的话可以跟我说一声～我们这边的礼品包装有：{礼品包装?}。需要的话下单时在订单备注里写上，要写贺卡的把想写的话一起留言，打包时按备注来；您想要的我们这边做不了的话，我会先跟您说清楚。'),

  // ── 尺码推荐 ───────────────────────────────────────────────────────────────
  tpl('size-ask', '尺码推荐', '询问身高体重', ['size-fit'],
    '亲，方便告诉我您的身高、体重吗？平时穿什么码也说一下，我帮您对照尺码表推荐最合适的～',
    'cm'),
  tpl('size-recommend', '尺码推荐', '推荐尺码', ['size-fit'],
    '根据您的身高体重（{身高体重?}），建议拍{推荐尺码?}码，穿着会比较合身；如果喜欢宽松一点的效果，可以再大一码。',
    'tj'),
  // The size the buyer usually wears given (平时穿38的鞋 要拍多大): 询问身高体重 asked for what was said, and
  // 推荐尺码 spoke of a height and weight nobody gave.
  tpl('size-usual', '尺码推荐', '按平时尺码推荐', ['size-fit'],
    '您平时穿{平时尺码?}码的话，这款建议拍{推荐尺码?}码。不同牌子的尺码会有些出入，拿不准的话可以对照一下详情页的尺码表，或者把您平时穿着合适的那件的尺寸发我，我帮您再核对一下～'),
  tpl('size-model', '尺码推荐', '模特尺码参考', ['size-fit'],
    '亲，图中模特身高体重是{模特身材?}，穿的是{模特尺码?}码，您可以对比一下自己的身材来选～'),
  tpl('size-between', '尺码推荐', '两个码之间', ['size-fit'],
    '亲，您的数据刚好卡在两个码中间：喜欢修身的选小一码，喜欢宽松舒适的选大一码。这款版型本身比较{版型?}，我个人更建议拍{推荐尺码?}码。'),
  tpl('size-chart', '尺码推荐', '对照尺码表', ['size-fit'],
    '亲，详情页里有每个尺码的平铺数据（衣长、胸围、肩宽、袖长）。您可以拿一件自己穿着合身的衣服平铺量一量，对照着选最准哦～'),
  tpl('size-runs-small', '尺码推荐', '版型偏小', ['size-fit'],
    '亲，这款版型偏小一点，买家反馈也比较一致，建议在平时尺码的基础上拍大一码。拿不准的话把身高体重发我，我帮您再确认一下～'),
  tpl('size-exchange-ok', '尺码推荐', '尺码不合适可换', ['size-fit', 'exchange'],
    '放心拍，收到如果尺码不合适，吊牌完好、没有穿着洗涤的话可以申请换码。不过换码不属于质量问题，来回运费需要您自己承担，所以咱们先把码选准最省心～'),

  // ── 议价优惠 ───────────────────────────────────────────────────────────────
  tpl('bargain-fixed-price', '议价优惠', '统一定价', ['bargain'],
    '亲，很理解想买得更实惠的心情～不过我们家是统一定价，每位顾客都是一样的价格，这样对大家才公平，还请多多理解呀。',
    'yj'),
  tpl('bargain-gift', '议价优惠', '送小礼物', ['bargain'],
    '价格确实没办法再改了，不过我帮您申请了一份小赠品（{赠品?}）随单发出，算是{客服}的一点心意，希望您喜欢～',
    'zp'),
  tpl('bargain-free-shipping', '议价优惠', '申请包邮', ['bargain'],
    '亲，价格是统一的调不了，这单我帮您申请包邮，运费由小店来出，您看可以吗？'),
  tpl('bargain-small-discount', '议价优惠', '小额让利（20元内）', ['bargain'],
    '看您是真心喜欢，我跟店里申请了一下，这单给您优惠{优惠金额?}元～您先拍下暂不付款，我这边改好价格您再付就可以啦。'),
  tpl('bargain-ask-supervisor', '议价优惠', '超权限请示主管', ['bargain'],
    '您说的这个优惠幅度超出我的权限了，我这就去请示主管，有结果马上回复您，请稍等几分钟哦～'),
  tpl('bargain-returning', '议价优惠', '老客议价', ['bargain'],
    '老顾客当然要照顾！价格是统一的改不了，不过我给您的订单备注了一份老客小礼物，下次来也记得找{客服}哦～'),
  tpl('promo-current', '议价优惠', '当前活动介绍', ['promotion'],
    '店里正在做{活动内容?}，{活动截止?}结束，您现在下单正好赶上。也可以逛逛店里其他宝贝，凑单更优惠～',
    'hd'),
  tpl('promo-coupon', '议价优惠', '优惠券使用', ['promotion'],
    '亲，店铺首页和宝贝页面都可以领优惠券，领好后下单时系统会自动抵扣，不需要另外操作。记得先领券再付款哦～',
    'yhq'),
  tpl('promo-full-reduction', '议价优惠', '满减规则', ['promotion'],
    '满减按同一个订单里参加活动的商品合计金额来算：满{满减门槛?}元减{减免金额?}元，付款时自动扣减。分开拍的订单不能合在一起算，您想凑满减的话请放在一个订单里拍～'),
  tpl('promo-price-protect', '议价优惠', '价格保护', ['promotion'],
    '亲，付款后{价保天数?}天内如果本店同款降价，可以联系我们申请退还差价；大促、预售等特殊活动以活动页面的规则为准哦。'),
  tpl('promo-gift-rules', '议价优惠', '赠品说明', ['promotion'],
    '赠品会随订单一起发出，数量有限，送完即止。赠品不能折现；如果您退货，需要把赠品一起寄回哦～'),

  // ── 订单确认 ───────────────────────────────────────────────────────────────
  tpl('order-confirm', '订单确认', '核对收货信息', ['address-change', 'shipping-time'],
    '亲，跟您核对一下订单信息：收货人{收货人?}，电话{电话?}，地址{地址?}。确认无误我们就尽快安排发货；如果地址不完整或者快递不方便送，请现在告诉我～',
    'qr'),
  tpl('order-confirm-postage', '订单确认', '运费与快递可达', ['courier', 'shipping-time'],
    '亲，这单运费是{运费?}元，已经算在订单金额里了。付款前跟您确认一下收货地址，我帮您查查默认的快递在您那边派不派送，不派送的话给您换一家～'),
  // Also a payment reply: on a paid order every other one is hidden (they are true unpaid only).
  tpl('order-paid', '订单确认', '已付款确认', ['shipping-time', 'thanks', 'payment'],
    '收到您的付款啦，谢谢您的支持！订单{发货日}发出，发出后在订单详情里可以随时查看物流，有问题随时找我～',
    'fk'),
  tpl('invoice-after-receipt', '订单确认', '发票开具时间', ['invoice'],
    '亲，本店可以开发票的～为了避免退换货后需要重开，发票会在您确认收货后开具。确认收货后把抬头和税号发给我就行～',
    'fp'),
  tpl('invoice-info', '订单确认', '收集开票信息', ['invoice'],
    '好的，请把开票信息发我一下：发票抬头、税号（个人抬头写姓名就行），以及接收电子发票的邮箱。确认收货后我们会尽快开好，发到您的邮箱。'),
  tpl('invoice-special', '订单确认', '增值税专票', ['invoice'],
    '亲，需要增值税专用发票的话，除了抬头和税号，还要提供开户行及账号、注册地址和电话。确认收货后我们提交财务开具，开好会通知您。'),

  // ── 付款催付 ───────────────────────────────────────────────────────────────
  tpl('pay-remind', '付款催付', '催付（截单提醒）', ['payment'],
    '亲，看到您拍下的宝贝还没付款哦～{付款发货}，早付款早收到，有什么疑问也可以问我～',
    'cf'),
  tpl('pay-remind-stock', '付款催付', '催付（库存提醒）', ['payment', 'stock'],
    '亲，您拍下的宝贝库存不多了，拍下未付款是不会预留库存的，建议尽快完成付款，免得被别人抢先哦～'),
  tpl('pay-failed', '付款催付', '付款失败', ['payment'],
    '亲，付款没成功先别着急～可以看看是不是余额或者银行卡单日限额不够，换一张卡或者换个支付方式试试；如果提示别的错误，截图发给我，我帮您一起看看。',
    'zf'),
  tpl('pay-by-friend', '付款催付', '找朋友代付', ['payment'],
    '亲，如果您的账户暂时不方便付款，可以在付款页选择「找朋友帮忙付」，把链接发给家人或朋友，他们付好后订单一样正常发货哦～',
    'df'),
  tpl('pay-hesitate', '付款催付', '打消顾虑', ['payment'],
    '是不是还有什么顾虑呢？规格、质量或者售后，有任何不确定的都可以问我。我们支持七天无理由退货（定制等特殊商品除外），收到不满意也有保障，您放心～'),
  // Which ways of paying the shop takes (能用花呗吗, 可以刷信用卡吗, 能分期吗): before it such a question
  // got the two reminders (您拍下的宝贝还没付款) first, true only for an order placed, and no answer.
  tpl('pay-methods', '付款催付', '支付方式（花呗、信用卡、分期）', ['payment'],
    '亲，本店付款支持{支付方式?}，拍下后在付款页选择就可以。花呗、信用卡能不能用、能分几期，以付款页上显示的为准（个别商品不支持）；付款时遇到问题随时找我～'),
  tpl('pay-duplicate', '付款催付', '重复拍下', ['payment', 'cancel-order'],
    '亲，我看到您拍了两个一样的订单，是需要两件还是不小心重复拍了呢？如果是重复的，把其中一个未付款的订单关掉就好，另一个正常付款～'),
  // Not a bargain reply: it follows the agent's own price change, which is not why a buyer bargains.
  tpl('pay-price-changed', '付款催付', '已改价请付款', ['payment'],
    '亲，价格已经帮您改好了，您刷新一下订单页面，确认金额是{金额?}元再付款就可以啦～'),

  // ── 发货物流 ───────────────────────────────────────────────────────────────
  tpl('ship-time', '发货物流', '发货时间', ['shipping-time'],
    '亲，每天{截单时间}前付款的订单当天发出，之后付款的第二天发。您现在付款的话，{发货日}就能发出哦～',
    'fh'),
  tpl('ship-arrival', '发货物流', '到货时间', ['shipping-time'],
    '亲，发货后一般{到货天数?}天左右送达，偏远地区会稍慢一点。发出后您可以在订单详情里随时看物流进度～',
    'dh'),
  // Where it ships from (从哪里发货, 哪里发的货) had no reply of its own: 发货时间 answered when, not where.
  tpl('ship-from', '发货物流', '发货地', ['shipping-time', 'courier'],
    '这款宝贝是从{发货地?}发出的。方便的话告诉我您的收货城市，我帮您估一下大概几天能到～'),
  tpl('courier-default', '发货物流', '默认快递', ['courier'],
    '亲，我们默认发{默认快递?}，全国大部分地区都能到。如果您那边这家快递不方便，告诉我，我帮您看看能不能换一家。',
    'kd'),
  // Postage to a far place asked before any order (新疆能发吗 运费多少, 发到香港可以吗): 运费与快递可达 speaks of
  // an order already placed (这单运费…已经算在订单金额里了). Where the shop sends and what it adds is the shop's
  // own fact, a fill-in; whether the courier delivers there is checked, not promised.
  tpl('postage-region', '发货物流', '偏远地区运费与能否发货', ['courier'],
    '本店的发货范围和偏远地区运费是这样的：{偏远地区运费?}。实际运费在下单页填好收货地址后会自动算出来，以页面显示为准。方便的话把收货地址告诉我（到区县就行），我帮您查一下默认的快递在那边能不能派送～'),
  tpl('courier-sf', '发货物流', '指定顺丰', ['courier'],
    '亲，可以发顺丰的，需要补{顺丰差价?}元运费差价。您拍下后我发补差价的链接给您，留言备注「顺丰」就好～'),
  tpl('courier-unreachable', '发货物流', '快递到不了', ['courier', 'address-change'],
    '亲，您这个地址{默认快递?}可能派送不到，为了不耽误收货，我帮您改发{可达快递?}，或者您留一个快递能到的地址，您看哪种方便？'),
  // Whether the parcel comes to the door or waits at a pick-up point (能不能送上门, 会放驿站吗) had no reply of
  // its own: 默认快递 led. The last stretch is the courier's local station's call, not the shop's, so the
  // reply promises no door; it offers what the shop can do before sending — a note on the order, another courier.
  tpl('courier-door', '发货物流', '送货上门与驿站', ['courier'],
    '亲，包裹是送到家门口，还是放在驿站、快递柜，是{默认快递?}在您那边的网点安排的，我们这边没办法替快递保证哦。需要送货上门的话，我在订单上给您备注一下，派件时您也可以跟快递员说一声；如果这家在您那边总是放驿站，告诉我，我帮您看看能不能换一家～'),
  tpl('tracking-query', '发货物流', '查询物流', ['tracking'],
    '帮您查了一下，包裹已经由{快递?}发出，单号{单号?}，目前到了{物流位置?}。请留意快递员的电话，路上有什么异常我帮您跟进～',
    'wl'),
  tpl('tracking-stuck', '发货物流', '物流停滞', ['tracking'],
    '亲，物流好几天没更新确实让人着急，我马上联系快递核实，48 小时内一定给您答复；如果确认包裹丢了，我们给您补发或者退款，不会让您吃亏。'),
  tpl('tracking-signed-missing', '发货物流', '显示签收未收到', ['tracking'],
    '亲，物流显示已经签收了，但您还没拿到，麻烦先问问门卫、家人或者附近的快递柜和驿站；如果都没有，我立刻联系快递网点追查，一定给您一个说法。'),
  // True at any order stage, like 查询发货进度 and the other 先查订单 replies: a chosen situation
  // always has a card, whatever the buyer's orders (starter.test.ts checks every situation).
  tpl('tracking-check', '发货物流', '查询物流（先查订单）', ['tracking'],
    '亲，我马上帮您查一下这单的物流情况，请稍等，有结果第一时间告诉您～如果包裹还没发出，我也会跟您说预计什么时候能发。'),
  tpl('delay-apology', '发货物流', '延迟发货致歉', ['delay'],
    '亲，真的很抱歉让您久等了！这款因为{延迟原因?}，预计{可发日期?}发出。如果您着急用，可以换成现货款，或者我帮您办理退款，看您怎么方便～',
    'yc'),
  tpl('delay-out-of-stock', '发货物流', '下单后缺货', ['delay', 'stock'],
    '亲，非常抱歉，您拍的{商品?}仓库刚刚断货了，补货要到{补货日期?}。您可以等一等，也可以换同价位的其他款，或者直接退款，选哪种我都马上帮您办。'),
  // The day it leaves in shop time ({发货日}: 今天 before the cut-off, 明天 after it, the next shipping day
  // past a closed one), not 今天: sent at 23:00 or after the cut-off, 今天优先处理 was a day already over.
  tpl('delay-urged', '发货物流', '已催仓库', ['delay', 'shipping-time'],
    '亲，已经在订单上给仓库备注了加急，会优先给您安排，争取{发货日}发出，发出后我把单号发给您。耽误您的时间了，再次说声抱歉。'),
  // True at any order stage (checks, promises nothing): what a chosen 延迟发货 shows when the buyer's
  // orders fit none of the replies above (none paid and unshipped).
  tpl('delay-check', '发货物流', '查询发货进度', ['delay'],
    '亲，让您久等了，真的很抱歉！我马上帮您查一下这单的发货进度，有结果第一时间告诉您。如果您着急用，也可以跟我说，我帮您看看换现货款或者办理退款。'),
  tpl('merge-orders', '发货物流', '合并发货', ['merge-orders'],
    '亲，可以合并发货的～要一起发的订单都付好款、收货地址保持一致，我在后台给您备注合并，用一个包裹寄出，省心又环保。',
    'hb'),
  tpl('merge-other-account', '发货物流', '不同账号合并', ['merge-orders'],
    '亲，不同账号拍的订单也能一起发，只要收货地址相同就行。麻烦把另一个账号名告诉我，我找到两个订单后备注合并发出～'),
  // True at any order stage: a shipped parcel cannot take another order, and it says so.
  tpl('merge-ask', '发货物流', '合并发货（先查订单）', ['merge-orders'],
    '亲，还没发出的订单可以合并发货～麻烦告诉我要一起发的是哪几单，我查一下是不是都还没发出、收货地址是否一致，能合的就备注合并、用一个包裹寄出；包裹寄走了就没办法再合了，还请理解。'),

  // ── 订单修改 ───────────────────────────────────────────────────────────────
  tpl('address-change', '订单修改', '修改地址', ['address-change'],
    '没问题～请把新的收货人、电话和详细地址发给我，我帮您改好并做好备注，改完再跟您核对一遍。',
    'gdz'),
  tpl('address-changed-confirm', '订单修改', '新地址核对', ['address-change'],
    '亲，地址已经改好了：{新地址?}，收货人{收货人?}，电话{电话?}，麻烦您核对一下，没问题回我一句就好～'),
  tpl('address-change-shipped', '订单修改', '已发货改地址', ['address-change'],
    '亲，订单已经发出了，后台没办法直接改地址。我这边联系快递尝试改派，能不能改成要看快递网点，有结果第一时间告诉您。'),
  tpl('address-check', '订单修改', '改地址（先查订单）', ['address-change'],
    '亲，麻烦把新的收货人、电话和详细地址发给我，我先看一下订单现在的状态：还没发出的我直接帮您改好，寄出了的我联系快递尝试改派，有结果马上告诉您～'),
  tpl('cancel-unpaid', '订单修改', '取消未付款订单', ['cancel-order'],
    '还没付款的订单，您在「我的订单」里直接点「取消订单」就可以了，不会产生任何费用。',
    'qx'),
  tpl('cancel-paid', '订单修改', '取消已付款订单', ['cancel-order'],
    '亲，订单还没打单，可以取消的～您在订单里申请退款，我这边马上同意，钱会原路退回。如果只是想换颜色或规格，我也可以直接帮您改，不用重新拍。'),
  tpl('cancel-printed', '订单修改', '已打单拦截', ['cancel-order'],
    '亲，您的订单已经打好单在准备发货了，我马上通知仓库把包裹找出来拦下，结果尽快告诉您。'),
  tpl('cancel-check', '订单修改', '取消订单（先查订单）', ['cancel-order'],
    '亲，我先帮您查一下这单现在的状态：没付款的直接取消就好，付了款还没发出的可以申请退款，包裹寄出了的可以拒签退回。您稍等，我查好马上告诉您怎么办最快～'),
  tpl('cancel-shipped', '订单修改', '已发货取消', ['cancel-order'],
    '亲，包裹已经发出，没办法拦截了。快递送到时您直接拒签就好，包裹退回仓库后我们给您办理退款，退款进度我会跟您同步～'),

  // ── 售后退换 ───────────────────────────────────────────────────────────────
  tpl('return-7day', '售后退换', '七天无理由退货', ['return'],
    '支持七天无理由退货的（定制等特殊商品，以及宝贝页面注明不支持七天无理由的除外）。请保持商品完好、包装和配件齐全（有吊牌的请保留吊牌）、没有使用过，在订单里点「申请售后」选择退货退款，审核通过后系统会给您退货地址。',
    'th'),
  tpl('return-retain', '售后退换', '退货挽留', ['return', 'exchange'],
    '亲，是哪里不满意呢？如果是规格或颜色的问题，可以直接帮您换一件，省得来回折腾；真的不喜欢的话，退货也完全没问题，我来帮您办。'),
  tpl('return-postage-buyer', '售后退换', '非质量问题运费', ['return-shipping', 'return'],
    '亲，非质量问题的退换，来回运费需要您承担哦，谢谢理解。寄回时请不要用到付或平邮，我们这边无法签收，会耽误您的退款～',
    'yf'),
  tpl('return-postage-shop', '售后退换', '质量问题运费', ['return-shipping', 'quality'],
    '亲，质量问题的退换运费由我们承担：寄回的运费您先垫付，我们收到货后把运费退到您的支付宝，换新寄出的运费也由我们出。寄回时请不要选到付哦～'),
  // Return-postage insurance (运费险怎么用, 有运费险吗, 退货运费险怎么赔): before it such a buyer got 非质量问题运费
  // first (来回运费需要您承担), wrong for an order that carries the insurance (2026-12-07). The insurer pays, by its
  // own estimate and apart from the refund; an order without it cannot be given it afterwards, so the reply promises
  // neither a sum nor the insurance, and says who pays the postage without it.
  tpl('return-insurance', '售后退换', '退货运费险', ['return-shipping'],
    '有没有退货运费险，要看下单时这笔订单带没带上，提交订单的页面和订单详情里都能看到。带了的话，正常申请退货、寄回并填好退货单号就行，一般不用另外申请：退货完成后由保险按它的规则赔付运费，金额是估算的，不一定和实际运费一样，跟货款分开到账。订单没带运费险的话，这边没法给您补上，退货运费按原因来：质量问题我们承担，非质量问题需要您自己出哦～'),
  tpl('return-address', '售后退换', '退货地址', ['return-shipping'],
    '亲，退货地址是：{退货地址?}，收件人{收件人?}，电话{退货电话?}。包裹里请放一张纸条，写上您的账号和退换原因，方便仓库快速处理～',
    'thdz'),
  tpl('return-tracking-number', '售后退换', '填写退货单号', ['return-shipping', 'refund-status'],
    '亲，寄出后请在订单的退款详情里填写退货快递公司和单号，我们收到包裹会尽快处理。不填单号的话仓库对不上包裹，会耽误进度哦～',
    'tdh'),
  // The buyer says the return is on its way (退货寄出了，单号…): an acknowledgement and what comes next.
  // Before it such a buyer got 七天无理由退货 and 退货挽留 (how to start a return, 是哪里不满意呢) on the
  // cards, and a bare number after it the shop's own outbound-parcel replies (until 2026-12-05).
  tpl('return-sent', '售后退换', '退货已寄出（收到单号）', ['return-shipping', 'refund-status', 'tracking'],
    '亲，退货单号收到了，谢谢您！订单的退款详情里也麻烦填一下这个单号（已经填了就不用管啦）。仓库签收验货后会尽快给您处理，退款原路退回，进度我帮您盯着～'),
  tpl('postage-top-up', '售后退换', '补运费', ['return-shipping', 'exchange'],
    '亲，这次需要补运费{运费金额?}元，请拍下店里的补运费链接，并在留言里备注「补运费-{买家}」，方便我们对上您的订单～',
    'byf'),
  tpl('exchange-how', '售后退换', '换货流程', ['exchange'],
    '亲，换货流程是这样的：在订单里申请换货，或者直接寄回并附一张纸条，写明账号和要换的颜色规格，我们收到后第一时间给您寄出新的。',
    'hh'),
  tpl('exchange-price-rules', '售后退换', '换款差价规则', ['exchange'],
    '亲，换款差价是这样算的：正价款之间互换，差价多退少补；活动款换正价款，需要补上差价；正价款不能换成活动款，差价也不退，还请理解～'),
  tpl('exchange-reserved', '售后退换', '换货已留货', ['exchange', 'stock'],
    '您要换的{颜色规格?}我查过了，有货，已经帮您留好。寄回后记得在订单里填好单号，我们收到就安排换新发出～'),
  // An exchange under way (the buyer sent the item back and waits for the new one): before these,
  // such a buyer got 退货挽留 (是哪里不满意呢) and nothing said where the exchange stood (QA pass T, 7).
  tpl('exchange-check', '售后退换', '换货进度（先查寄回件）', ['exchange', 'delay'],
    '我马上帮您查一下换货进度：您已经寄回的包裹仓库收到没有，新的那件（换的款式、颜色或规格）什么时候发出。仓库收到寄回的包裹就给您换新的寄出，新的快递单号我会发给您，请稍等～'),
  tpl('exchange-back-received', '售后退换', '换货寄回件已收到', ['exchange'],
    '亲，您退回的商品仓库签收了，让您久等了！换的{颜色规格?}会在{换新发出日?}发出，发出后把快递单号发您，请留意查收～'),
  tpl('exchange-back-on-way', '售后退换', '换货寄回件未签收', ['exchange'],
    '亲，帮您查过了，您退回的商品仓库这边还没签收，物流显示{寄回件物流?}。麻烦确认订单里填好了退回的单号；一到仓库就马上给您换新发出，我帮您盯着～'),
  // True at any order stage (checks, states nothing): a refund chase on a buyer whose orders show
  // no refund gets this, not 退款已完成 (QA pass N, defect 3).
  tpl('refund-check', '售后退换', '退款进度（先查订单）', ['refund-status'],
    '亲，我马上帮您查一下这笔退款现在走到哪一步了，请稍等～退货还在路上或者仓库还没验收的，我帮您盯着催着处理；已经退出去的，我把到账情况跟您说清楚。'),
  tpl('refund-time', '售后退换', '退款到账时间', ['refund-status'],
    '亲，仓库收到退货、检查无误后会尽快给您退款，钱原路退回。退出以后到账快慢看支付渠道，一般余额很快，银行卡会稍慢一点。',
    'tk'),
  tpl('refund-progress', '售后退换', '退款进度', ['refund-status'],
    '帮您查了一下，您的退货目前{退货进度?}。我已经提醒同事加急处理，退款一有进展马上通知您～'),
  tpl('refund-done', '售后退换', '退款已完成', ['refund-status'],
    '亲，退款已经操作好了，{退款金额?}元原路退回，请留意支付宝或银行卡的到账提醒，有问题随时找我～'),
  // 仅退款 (the buyer keeps the goods): no rule lets an agent promise it, so the reply asks the reason
  // and offers what the rules do allow for a defect, part compensation (QA pass T, 9).
  tpl('refund-only', '售后退换', '仅退款（不退货）', ['refund-status', 'return'],
    '亲，不寄回商品的仅退款，需要店里核实情况后才能办理。麻烦说一下是什么原因，如果是商品有问题，请拍照发我；核实是质量问题又不想来回寄的，我们可以给您一部分补偿，您看可以吗？'),
  // A refund short of what was paid (退了89，付了99): the amount is checked, not argued (QA pass T, 10).
  tpl('refund-amount-diff', '售后退换', '退款金额有差额', ['refund-status'],
    '亲，我马上帮您核对这笔退款的明细。退款按实际支付的金额计算：一单里只退其中几件的，按这几件的实付金额退；下单用过优惠的，优惠会分摊到每件商品上；非质量问题的退货，运费不在退款里。核对好每一笔跟您说清楚～'),

  // ── 售后问题 ───────────────────────────────────────────────────────────────
  tpl('wrong-item', '售后问题', '发错货', ['wrong-item', 'return-shipping'],
    '亲，实在抱歉给您发错了！麻烦拍一下收到的商品和快递面单发我，核实后马上给您补发正确的款，发错的那件安排退回，运费全部由我们承担。',
    'fc'),
  tpl('missing-item', '售后问题', '漏发少件', ['wrong-item'],
    '亲，很抱歉给您添麻烦了！麻烦拍一下包裹里的全部商品和外包装，我同步查一下打包时的称重记录，确认漏发后马上给您补寄。',
    'lf'),
  tpl('extra-item', '售后问题', '多发了商品', ['wrong-item', 'return-shipping'],
    '亲，谢谢您特意告诉我们！麻烦拍一下收到的全部商品和快递面单发我，我对一下打包记录。多出来的那件是我们的失误，麻烦您帮忙寄回，寄回的运费由我们承担，地址和寄法我核对好马上发您～'),
  tpl('damaged-refuse', '售后问题', '破损可拒签', ['damaged'],
    '亲，签收前如果发现外包装明显破损，可以直接拒签，包裹会退回我们这边，我们再给您重新发一件，不用您承担任何费用。',
    'ps'),
  tpl('damaged-signed', '售后问题', '签收后发现破损', ['damaged'],
    '亲，收到的宝贝有破损真的很抱歉！麻烦拍几张破损部位和外包装的照片发我，如果有快递员开的破损证明就更好了，核实后给您补发或者退款。'),
  tpl('quality-photos', '售后问题', '质量问题请拍照', ['quality', 'return', 'exchange'],
    '亲，给您带来不好的体验真的很抱歉！麻烦在收到货 24 小时内把有问题的地方拍清楚发给我，我们核实后马上处理，绝不推脱。',
    'zl'),
  tpl('quality-options', '售后问题', '质量问题处理方案', ['quality', 'exchange', 'return'],
    '亲，照片看到了，确实是我们的问题。收到 3 天内又没使用过的，可以给您退货或者换新；如果您不想来回寄，我们也可以补偿您{补偿金额?}元，您看哪种方式合适？'),
  tpl('quality-late', '售后问题', '超过三天的质量问题', ['quality'],
    '亲，您反馈的问题我已经记下了。因为收货已经超过 3 天，需要报给主管一起商量怎么处理最合适，主管上班时间会尽快给您回复方案（夜里报上去的，第二天上午回复您），请稍等～'),
  // Fading (掉色): before it 新衣有气味 filled a card for 掉色严重 (until 2026-12-05). What dye loss is normal
  // and what counts as a defect: the photos decide, as for any defect.
  tpl('quality-fading', '售后问题', '掉色处理', ['quality', 'product-info'],
    '亲，给您添麻烦了！深色的布料头几次洗可能会有一点浮色，建议冷水单独手洗、不要长时间泡着。如果掉色很严重或者染到了别的东西，麻烦拍照发我，我们按质量问题给您处理。'),
  tpl('quality-odor', '售后问题', '新衣有气味', ['quality', 'product-info'],
    '亲，新衣服刚拆开可能会有一点面料和包装的味道，放在通风的地方晾一两天或者洗一次就会散掉，不影响穿着。如果晾过后还很明显，拍照告诉我，我们按质量问题处理。'),
  tpl('repair-warranty', '售后问题', '保修说明', ['repair'],
    '亲，这款产品享受{保修期?}保修，保修期内非人为损坏的故障可以免费维修。麻烦把故障情况拍个视频或照片给我，我帮您登记售后。',
    'bx'),
  tpl('repair-send', '售后问题', '寄修流程', ['repair', 'return-shipping'],
    '亲，维修流程是：把商品和购买凭证寄到售后点（{售后地址?}），检测后我们告诉您维修方案和时间，修好后再寄回给您。属于质量问题的，来回运费由我们承担。'),

  // ── 投诉评价 ───────────────────────────────────────────────────────────────
  tpl('complaint-apology', '投诉评价', '安抚致歉', ['complaint'],
    '非常抱歉让您有这么不好的体验，换作是我也会着急。麻烦把经过跟我说一下，我来跟进，一定给您一个交代。',
    'ts'),
  tpl('complaint-escalate', '投诉评价', '上报主管', ['complaint'],
    '亲，您的问题我已经上报主管，主管上班时间会第一时间亲自联系您、给出处理方案（夜里报上去的，第二天上午联系您）。这期间有任何情况您随时找我，我一直都在。'),
  tpl('complaint-resolve-first', '投诉评价', '先协商解决', ['complaint'],
    '真的很抱歉让事情到了这一步。您的意见我们非常重视，也希望由我们先来解决：您希望怎么处理可以直接告诉我，在店里的规定范围内我尽力帮您争取；超出我权限的，我报给主管来定，再把结果告诉您。'),
  // A bad review threatened, not yet written (再不解决我就给差评了): no review to answer, nor one to ask
  // for — the buyer is told the review is theirs to give, and asked what happened before anything is
  // promised. Until 2026-12-07 it admitted a fault nobody had looked at yet (这次确实是我们没做好) and let the
  // buyer pick 补发、换货还是退款 — more than an agent may give for a minor defect without the supervisor
  // (domain.md: at most the postage). Now: what happened and a photo, the shop's after-sale rules (the
  // shop's fault: postage both ways is the shop's), and the supervisor for anything beyond the agent.
  tpl('review-threat', '投诉评价', '差评之前先解决', ['review', 'complaint'],
    '您先别急，评价怎么写是您的权利，我们不会因此为难您。能先跟我说说具体遇到了什么情况吗？方便的话把不满意的地方拍张照片发我。我核实清楚后按店里的售后规定给您处理，确认是商品本身的问题，退换的来回运费由我们承担；超出我权限的，我报给主管来定，再把结果告诉您。'),
  tpl('review-bad', '投诉评价', '中差评沟通', ['review', 'complaint'],
    '亲，看到您的评价我们很难过，给您添麻烦了。问题我已经在处理：{处理方案?}。等您满意了，方便的话帮我们追评或者修改一下评价，真的非常感谢！',
    'cp'),
  tpl('review-thanks', '投诉评价', '感谢好评', ['review', 'thanks'],
    '谢谢您的好评和认可！您的支持是我们最大的动力，以后有任何问题也随时来找{客服}～',
    'hp'),
  tpl('review-request', '投诉评价', '邀请五星评价', ['review'],
    '亲，宝贝收到还满意吗？满意的话麻烦动动手指给个五星好评，带图评价更是帮了大忙～如果有哪里不满意，请先找我，一定帮您解决。'),
  tpl('review-no-cashback', '投诉评价', '不做好评返现', ['review', 'promotion'],
    '亲，平台规定不允许好评返现，我们也不做这类活动哦。您按真实感受评价就好，有不满意的地方直接告诉我们，我们一定改进～'),

  // ── 结束语 ─────────────────────────────────────────────────────────────────
  tpl('bye-ordered', '结束语', '下单后道别（收藏店铺）', ['thanks'],
    '感谢您的信任！宝贝{发货日}发出，收到后有任何问题随时找{客服}。喜欢的话收藏一下{店铺}，上新和活动都能第一时间看到哦～',
    'bye'),
  tpl('bye-five-star', '结束语', '道别（邀五星好评）', ['thanks', 'review'],
    '谢谢您～收到宝贝满意的话，记得给我们一个五星好评哦，这对我们真的很重要！祝您生活愉快～',
    'wx'),
  tpl('bye-welcome', '结束语', '回应道谢', ['thanks'],
    '不客气呀，能帮到您我也很开心！还有其他问题随时找我，祝您购物愉快～',
    'xx'),
  tpl('bye-after-sale', '结束语', '售后完结道别', ['thanks'],
    '问题解决了就好，耽误您的时间实在抱歉。以后有任何需要还来找{客服}，给您优先处理～'),
  tpl('bye-not-yet', '结束语', '未下单道别', ['thanks'],
    '好的，不着急～可以先把喜欢的宝贝加入购物车或者收藏起来，想好了随时来找我，{客服}一直都在～'),
];

const BEFORE_SHIPPING: OrderStatus[] = ['unpaid', 'paid'];
const RECEIVED: OrderStatus[] = ['shipped', 'refunding', 'completed'];

/**
 * Replies that state a fact about the buyer's order, and the order states in which it can be true
 * (`Template.orders`): ranking never suggests one to a buyer none of whose orders is in such a
 * state. Replies that only explain a rule or answer what the buyer said carry no condition.
 * 退款已完成 is true only while a refund is on the page (`refunding`); a fully refunded order reads as
 * closed, the same as one cancelled before payment, which ranking ignores — so ranking also never
 * puts it first without a refund on the page (suggest/fit.ts NEEDS_ON_PAGE). Before 2026-12-05 it
 * had no condition and led a refund chase on a shipped order with nothing refunded.
 */
const FITS: Record<string, OrderStatus[]> = {
  'bargain-returning': BEFORE_SHIPPING, // 给您的订单备注了一份老客小礼物
  'order-confirm': BEFORE_SHIPPING, // 确认无误我们就尽快安排发货
  'order-confirm-postage': ['unpaid'], // 运费已经算在订单金额里了…付款后就能安排
  'order-paid': ['paid'], // 收到您的付款啦…订单{发货日}发出 (not yet shipped)
  'pay-remind': ['unpaid'], // 您拍下的宝贝还没付款
  'pay-remind-stock': ['unpaid'], // 拍下未付款是不会预留库存的
  'pay-duplicate': ['unpaid'], // 把其中一个未付款的订单关掉
  'pay-price-changed': ['unpaid'], // 价格已经帮您改好了…再付款
  'tracking-query': ['shipped', 'refunding'], // 包裹已经由…发出…很快就能送到
  'tracking-stuck': ['shipped', 'refunding'], // 物流好几天没更新
  'tracking-signed-missing': RECEIVED, // 物流显示已经签收了
  'delay-apology': ['paid'], // 让您久等了…预计…发出
  'delay-out-of-stock': ['paid'], // 您拍的…断货了…或者直接退款
  'delay-urged': ['paid'], // 已经在订单上给仓库备注了加急…争取{发货日}发出
  'merge-orders': BEFORE_SHIPPING, // 我在后台给您备注合并
  'merge-other-account': BEFORE_SHIPPING, // 找到两个订单后备注合并发出
  'courier-unreachable': BEFORE_SHIPPING, // 我帮您改发…
  'address-change': BEFORE_SHIPPING, // 我帮您改好并做好备注
  'address-changed-confirm': BEFORE_SHIPPING, // 地址已经改好了
  'address-change-shipped': ['shipped'], // 订单已经发出了，后台没办法直接改地址
  'cancel-unpaid': ['unpaid'], // 还没付款的订单
  'cancel-paid': ['paid'], // 订单还没打单…申请退款
  'cancel-printed': ['paid'], // 已经打好单在准备发货了
  'cancel-shipped': ['shipped'], // 包裹已经发出，没办法拦截了
  'exchange-reserved': RECEIVED, // 您要换的…已经帮您留好 (an exchange of a received item)
  'refund-progress': ['refunding'], // 您的退货目前…
  'refund-done': ['refunding'], // 退款已经操作好了…原路退回
  // Any stage after payment: a buyer chasing the new one (新的还没发) reads as paid-not-shipped.
  'exchange-check': ['paid', ...RECEIVED], // 您寄回的包裹
  'exchange-back-received': RECEIVED, // 您退回的商品仓库签收了
  'exchange-back-on-way': RECEIVED, // 您退回的商品仓库这边还没签收
  'refund-only': RECEIVED, // 不寄回商品 (the buyer has it)
  'wrong-item': RECEIVED, // 实在抱歉给您发错了
  'extra-item': RECEIVED, // 多出来的那件…
  'damaged-signed': RECEIVED, // 收到的宝贝有破损
  'quality-late': RECEIVED, // 收货已经超过 3 天
  // A question before buying (这个会掉色吗) is the product's: fit.ts reads it as pre-sale (2026-12-05: it got 掉色处理 before).
  'quality-fading': RECEIVED, // 给您添麻烦了…按质量问题给您处理
  'return-sent': RECEIVED, // 退货单号收到了 (the buyer had the goods)
  'review-request': ['shipped', 'completed'], // 宝贝收到还满意吗…五星好评
  'bye-ordered': ['paid'], // 宝贝{发货日}发出
};

/** The library a new install starts from. Shared and read-only by contract: copy before editing. */
export const STARTER_LIBRARY: TemplateLibrary = {
  groups: [...STARTER_GROUPS],
  templates: TEMPLATES.map((t) => (FITS[t.id] ? { ...t, orders: [...FITS[t.id]!] } : t)),
};
