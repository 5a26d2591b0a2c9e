/**
 * The QA pass of 2026-12-06 (qa-pass.cases.ts) through the panel's path: the cues and the shipped
 * model combined, then the ranking on the starter library with the orders shown beside the chat.
 * Before this pass 8 of these 75 first cards were wrong (面料材质 for 充电宝能带上飞机吗, 超权限请示主管
 * for a buyer calling the agent 老板, 照片看到了 before any photo, 尺码不合适可换 (放心拍) for shoes that
 * came too small, 换货流程 for an exchange under way, 取消未付款订单 over 重复拍下, 打消顾虑 for two
 * 能用花呗/白条吗), 6 after the 支付方式 reply and before the fixes tested below; now none. A second
 * round of 12 had 3 more (指定顺丰 for 不要顺丰, 已付款确认 for 先发货后付款, 退款进度 for 退了一半), fixed
 * below too; QA_PASS_KNOWN held the five still wrong. Those five were read right by the rules tested at
 * the end of this file (each by a rule, tried on other words than the case's), and a third round of 52
 * (every stage, with and without orders) had 4 more wrong: 3 fixed the same way (又来啦 abstained, 补上 got
 * 库存紧张, 买错了…还没发货 got 延迟发货致歉), 1 left in QA_PASS_KNOWN with why. That one and two more
 * found wrong again the same day (a courier who will not come to the door got 查询物流; 改成3个 showed the
 * model's 修改地址 chip alone) are read right by the three rules after them. Two more found at the end of
 * the day (还在犹豫…怕质量不好 on an unpaid order got the 质量问题 chip; 送不上门的话我去驿站拿也行 on a shipped
 * order got 安抚致歉) are read right by the last two. Three more found after those (就怕是假的 / 怕是假货 before
 * buying got the 质量问题 chip, 质量好就行 the 致谢 chip, 质量好就行 多少钱 the model's 保修 chip) are read
 * right by the three blocks after them. Two more (怕是仿的 还没下单 showed the model's 取消订单 chip, 我还没拍
 * 什么时候发货 the 尺码 chip) are read right by the two blocks after them. One more (拍什么颜色好 before buying,
 * and 驿站离我好远 after a delivery question, showed the 致谢 chip) is read right by the last block.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { combineSignals, isCuePhrase } from './combine';
import { SuggestEngine } from './engine';
import { AFTER, stageOfWords } from './fit';
import { decodeModel, type ModelAsset } from './model';
import { QA_PASS, QA_PASS_KNOWN } from './qa-pass.cases';
import { rankTemplates } from './rank';
import { buildTemplateIndex } from './template-index';
import { STARTER_LIBRARY } from '../templates/starter';
import type { OrderStatus } from '../templates/types';

const asset = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/suggest-model.json');
const engine = new SuggestEngine(decodeModel(JSON.parse(readFileSync(asset, 'utf8')) as ModelAsset));
const index = buildTemplateIndex(STARTER_LIBRARY.templates);
const now = Date.UTC(2026, 11, 4, 2);

function read(text: string, orders: OrderStatus[]) {
  const cls = combineSignals(classify([text]), engine.signals(text, { learning: false }));
  const cards = cls.top.length ? rankTemplates(index, { classification: cls, text, orderStatuses: orders, now }, 3).map((r) => r.template.id) : [];
  return { chips: cls.top, cards };
}

describe('QA pass (2026-12-06): the situation and the first card an agent would take', () => {
  it('holds at least 60 messages', () => expect(QA_PASS.length).toBeGreaterThanOrEqual(60));

  it.each(QA_PASS.map((c) => ({ c, ...read(c.text, c.orders) })))('$c.text ($c.orders) → $chips · $cards', ({ c, chips, cards }) => {
    if (c.scenario === 'other') {
      expect(chips, c.text).toEqual([]);
      expect(cards).toEqual([]);
      return;
    }
    expect(chips, c.text).toContain(c.scenario);
    expect(c.first, `${c.text} → ${cards.join(', ')}`).toContain(cards[0]);
  });
});

describe('messages of the same pass still wrong at Alt+1 (qa-pass.cases.ts says why)', () => {
  it('are exactly these: a fix moves its message into QA_PASS', () => {
    const wrong = QA_PASS_KNOWN.filter((c) => !c.first.includes(read(c.text, c.orders).cards[0]!)).map((c) => c.text);
    expect(wrong).toEqual(QA_PASS_KNOWN.map((c) => c.text));
  });
});

describe('a general product question is no material question', () => {
  it('细节待核实 leads what 面料材质 does not answer; a material word still brings 面料材质 first', () => {
    expect(read('充电宝能带上飞机吗', []).cards[0]).toBe('product-verify');
    expect(read('这个能放洗碗机里洗吗', []).cards[0]).not.toBe('product-material');
    expect(read('这款是纯棉的吗', []).cards[0]).toBe('product-material');
    expect(read('这个锅是什么材质的', []).cards[0]).toBe('product-material');
    // How the cloth behaves in the wash is the fabric's too (its care advice answers it).
    expect(read('这件外套会掉色吗', ['unpaid']).cards[0]).toBe('product-material');
  });
});

describe('老板 as a form of address is no request for the supervisor', () => {
  it('便宜点啊老板 gets 统一定价 (or another bargain reply) first, not 超权限请示主管', () => {
    for (const text of ['这个能不能便宜点啊 老板😭', '老板便宜点呗', '老板能少点不']) expect(read(text, []).cards[0], text).not.toBe('bargain-ask-supervisor');
    expect(read('能帮我问问你们老板再便宜点吗', []).cards[0]).toBe('bargain-ask-supervisor');
  });
});

describe('the shop’s own pictures are no photo the buyer sent', () => {
  it('跟图片不一样 gets 质量问题请拍照, not 照片看到了，确实是我们的问题', () => {
    for (const text of ['有色差 跟图片完全不一样 而且还有线头', '实物和详情页的图片差太多了，还有线头']) expect(read(text, ['completed']).cards[0], text).toBe('quality-photos');
    expect(read('图片发你了，领口脱线了', ['completed']).cards[0]).toBe('quality-options');
  });
});

describe('goods that do not fit are goods received', () => {
  it('reads 鞋子小了 / 裤子有点长了 as after receipt, a fit feared before buying not', () => {
    for (const t of ['鞋子小了 换大一码', '裤子有点长了', '这件衣服穿着紧了']) expect(stageOfWords(t) & AFTER, t).toBe(AFTER);
    for (const t of ['怕鞋子小了', '万一裤子长了能换吗', '码小了吗']) expect(stageOfWords(t) & AFTER, t).toBe(0);
  });

  it('a size exchange of shoes received gets 换货流程, not 放心拍…可以申请换码', () => {
    expect(read('鞋子小了 换大一码', ['completed']).cards[0]).toBe('exchange-how');
    expect(read('鞋子小了 换大一码', []).cards[0]).not.toBe('size-exchange-ok');
  });
});

describe('an exchange under way named by its new item', () => {
  it('换货的新衣服什么时候发 gets 换货进度, not how to start an exchange', () => {
    expect(read('换货的新衣服什么时候发', ['completed']).cards[0]).toBe('exchange-check');
    expect(read('换的新鞋什么时候能寄出来', ['completed']).cards[0]).toBe('exchange-check');
    expect(read('想换个大一码的', ['completed']).cards[0]).not.toBe('exchange-check');
  });
});

describe('a payment reply that answers the ask is no reminder held to the second slot', () => {
  it('拍了两单 重复了 with two unpaid orders gets 重复拍下 first', () => {
    expect(read('拍了两单 重复了 怎么办', ['unpaid', 'unpaid']).cards[0]).toBe('pay-duplicate');
  });

  it('a reminder with no detail still goes after the answer to a clear ask', () => {
    expect(read('还没付款，地址能改吗', ['unpaid']).cards.slice(0, 2)).toEqual(['address-change', 'pay-remind']);
  });
});

describe('a detail the buyer turns down is not asked for', () => {
  it('不要顺丰 gets 默认快递 first, not 可以发顺丰的; 有没有色差 still asks about the colour', () => {
    expect(read('不要顺丰 发邮政就行', []).cards[0]).toBe('courier-default');
    expect(read('顺丰能发吗', []).cards[0]).toBe('courier-sf');
    expect(read('付钱之前确认下有没有色差', []).cards[0]).toBe('product-color');
  });
});

describe('收到您的付款啦 is for a payment made, not any word of paying', () => {
  it('能不能先发货后付款 gets 支付方式, not 已付款确认; 钱已经付过了 still reads as paid', () => {
    const first = read('能不能先发货后付款', []).cards[0];
    expect(first).toBe('pay-methods');
    expect(read('我付过款了 怎么显示待付款', ['paid']).cards[0]).toBe('order-paid');
  });
});

describe('a refund of half is a refund short of what was paid', () => {
  it('退款退了一半 gets 退款金额有差额', () => {
    expect(read('退款退了一半 另一半呢', ['refunding']).cards[0]).toBe('refund-amount-diff');
  });
});

describe('the courier’s manner is a complaint, not a parcel to chase', () => {
  it('快递员态度 / 派件员态度 get 安抚致歉 first on a shipped order; the courier’s phone is still tracking', () => {
    for (const text of ['快递员态度太差了 还让我自己去驿站拿', '派件员态度很恶劣 还挂我电话']) expect(read(text, ['shipped']).cards[0], text).toBe('complaint-apology');
    expect(read('快递员电话多少', ['shipped']).cards[0]).toBe('tracking-query');
  });
});

describe('goods judged are goods received', () => {
  it('东西挺好的 / 宝贝质量很不错 read as after receipt; a look before buying or a question does not', () => {
    for (const t of ['东西挺好的就是发货太慢了', '宝贝质量很不错 就是物流太慢了', '东西都很满意']) expect(stageOfWords(t) & AFTER, t).toBe(AFTER);
    for (const t of ['看着质量挺好的 有优惠吗', '质量很好吗', '听说东西不错']) expect(stageOfWords(t) & AFTER, t).toBe(0);
  });

  it('a slow shipment complained of with the goods in hand gets 安抚致歉, not 查询发货进度 nor 到货时间', () => {
    const { cards } = read('东西挺好的就是发货太慢了，等了一个礼拜', ['completed']);
    expect(cards[0]).toBe('complaint-apology');
    // The wait is over: what checks or promises a shipment is not offered at all before the apology.
    expect(cards.indexOf('delay-check')).not.toBe(0);
    expect(cards).not.toContain('ship-arrival');
    // A parcel still awaited keeps the delay replies.
    expect(read('等了一个礼拜了 怎么还没发货', ['paid']).cards[0]).toMatch(/^delay-/);
  });

  it('praise of the quality is no quality complaint', () => {
    expect(read('看着质量挺好的 有优惠吗', []).chips).not.toContain('quality');
  });
});

describe('a count changed is no address changed', () => {
  it('改成两件 / 改成3个 / 数量改 take 改成’s address hint away; 地址改成… keeps it', () => {
    for (const text of ['订单能改成两件吗 刚拍的还没付', '数量拍错了 要改成3个']) expect(classify([text]).scores.map((s) => s.id), text).not.toContain('address-change');
    expect(read('订单能改成两件吗 刚拍的还没付', ['unpaid']).cards[0]).toBe('pay-remind');
    expect(read('地址改成北京市朝阳区', ['paid']).cards[0]).toBe('address-change');
  });
});

describe('stock the page says is gone', () => {
  it('库存不足 gets 断货待补, not 库存紧张 or 有现货; 有没有库存 still gets them', () => {
    for (const text of ['付款的时候显示库存不足', '提交订单的时候提示库存不足', '下单显示没库存了 还能补吗']) {
      const { cards } = read(text, []);
      expect(cards[0], text).toBe('stock-restock');
      expect(cards, text).not.toContain('stock-low');
      expect(cards, text).not.toContain('stock-available');
    }
    expect(read('有没有库存', []).cards).toContain('stock-available');
    expect(read('这个色什么时候能补上', []).cards[0]).toBe('stock-restock');
  });
});

describe('another colour before the parcel leaves is an order change', () => {
  it('换个颜色…还没发货 on a paid order gets 取消已付款订单 (直接帮您改), not 换货流程; after receipt 换货流程 stays', () => {
    for (const text of ['我想换个颜色 可以吗 还没发货吧', '还没发货的话能换成黑色吗']) {
      const { cards } = read(text, ['paid']);
      expect(cards[0], text).toBe('cancel-paid');
      expect(cards, text).not.toContain('exchange-how');
    }
    expect(read('收到了 想换个颜色', ['completed']).cards[0]).toBe('exchange-how');
    expect(read('想换成小一号的', ['completed']).cards[0]).toBe('exchange-how');
    // A shopper asking ahead has no order to change.
    for (const text of ['现在下单 不合适能换吗', '今天拍的话 收到不喜欢能换颜色吗']) expect(read(text, []).cards.filter((id) => id.startsWith('cancel-')), text).toEqual([]);
  });
});

describe('the buyer’s own mistake is no wait to apologise for', () => {
  it('买错了 / 拍错尺码了…还没发货 gets 取消已付款订单, not 延迟发货致歉', () => {
    for (const text of ['付完款才发现买错了 能退吗 还没发货', '刚付款发现拍错尺码了 还没发货 能退吗']) {
      const { cards } = read(text, ['paid']);
      expect(cards[0], text).toBe('cancel-paid');
      expect(cards.filter((id) => id.startsWith('delay-')), text).toEqual([]);
    }
  });
});

describe('a returning buyer announcing themselves', () => {
  it('又来啦 / 我又来了 get 老客欢迎 (it abstained)', () => {
    for (const text of ['我上个月在你们家买过 又来啦', '亲 我又来了']) expect(read(text, []).cards[0], text).toBe('welcome-returning');
  });
});

describe('what came, said outright, is a wrong item', () => {
  it('发过来的是左脚两只 gets 发错货 over 多发了商品 whatever the library’s order', () => {
    // A shop that lists 多发了商品 first: the tie the library's order broke goes the other way.
    const templates = [...STARTER_LIBRARY.templates];
    const at = templates.findIndex((t) => t.id === 'extra-item');
    templates.unshift(...templates.splice(at, 1));
    const own = buildTemplateIndex(templates);
    const text = '发过来的是左脚两只 怎么穿';
    const cls = combineSignals(classify([text]), engine.signals(text, { learning: false }));
    expect(rankTemplates(own, { classification: cls, text, orderStatuses: ['completed'], now }, 3)[0]!.template.id).toBe('wrong-item');
  });
});

describe('a buyer still making up their mind', () => {
  it('有点犹豫 / 还在纠结 / 没想好 on an unpaid order get 打消顾虑 first, the reminder after it', () => {
    for (const text of ['在吗 拍了还没付 有点犹豫', '下单了 但还在纠结要不要付款', '拍下了 还没想好要不要付款']) {
      const { cards } = read(text, ['unpaid']);
      expect(cards[0], text).toBe('pay-hesitate');
      // Still on the cards: the agent may remind them once the doubt is heard.
      expect(cards, text).toContain('pay-remind');
    }
    // No doubt said, or one put aside: the reminder leads as before.
    for (const text of ['拍了还没付', '不犹豫了 马上付款']) expect(read(text, ['unpaid']).cards[0], text).toBe('pay-remind');
  });
});

describe('a courier who will not come to the door', () => {
  it('不送上门 / 不给送到家 / 让我自己去驿站取 get 安抚致歉 first, not 查询物流', () => {
    for (const text of ['快递不送上门 非让我自己去驿站取', '快递员不给送货上门 非要我去驿站取', '快递员不送到家 让我下楼拿', '送货的不肯送上楼 叫我自己下去搬']) {
      const { chips, cards } = read(text, ['shipped']);
      expect(chips[0], text).toBe('complaint');
      expect(cards[0], text).toBe('complaint-apology');
      expect(cards.filter((id) => id.startsWith('tracking-')), text).toEqual([]);
    }
  });

  it('asking whether it comes to the door is still a courier question; where the parcel is, still tracking', () => {
    for (const text of ['能不能送上门', '你们的快递能不能送货上门', '快递送上门吗']) {
      const { chips } = read(text, []);
      expect(chips[0], text).toBe('courier');
      expect(chips, text).not.toContain('complaint');
    }
    expect(read('我的快递到哪了', ['shipped']).cards[0]).toBe('tracking-query');
  });
});

describe('a count changed shows no address chip from the model alone', () => {
  it('改成3个 / 改成两件 / 改成2盒 abstain (the model read 修改地址); a place after 改成 keeps the chip', () => {
    for (const text of ['能帮我改成3个吗', '帮我改成两件', '改成2盒可以吗']) {
      for (const orders of [['unpaid'], []] as OrderStatus[][]) expect(read(text, orders).chips, text).not.toContain('address-change');
    }
    for (const text of ['能帮我改成上海吗', '改成浙江省杭州市']) expect(read(text, ['paid']).chips, text).toEqual(['address-change']);
  });

  it('a negator alone does not rule the model out: 拍下没有付款 still gets the payment chip', () => {
    const text = '我是说拍下了没有付款';
    const cues = classify([text]);
    expect(cues.evidence.payment).toContain('negated');
    expect(cues.confident).toBe(false);
    expect(combineSignals(cues, { model: [{ id: 'payment', p: 0.9 }, { id: 'other', p: 0.1 }] }).top).toEqual(['payment']);
  });

  it('whatever the model: a need a pattern rules out gets no chip from it alone', () => {
    const cues = classify(['能帮我改成3个吗']);
    expect(cues.evidence['address-change']).toContain('/ruled-out/');
    // A tag, not a word the buyer wrote: the chip's 关键词 line never names it.
    expect(cues.evidence['address-change']!.filter(isCuePhrase)).toEqual(['改成']);
    expect(combineSignals(cues, { model: [{ id: 'address-change', p: 0.95 }, { id: 'other', p: 0.05 }] }).top).toEqual([]);
  });
});

describe('a worry before the goods are had is no quality complaint', () => {
  const worried = ['还在犹豫 怕质量不好', '有点犹豫 担心质量不行', '想买 但是怕质量不好', '有点担心做工不好', '怕质量不好 还在纠结要不要付'];

  it('on an unpaid order: no 质量问题 chip, 打消顾虑 first and the reminder still on the cards', () => {
    for (const text of worried) {
      const { chips, cards } = read(text, ['unpaid']);
      expect(chips, text).not.toContain('quality');
      expect(cards[0], text).toBe('pay-hesitate');
      expect(cards.filter((id) => id.startsWith('quality-')), text).toEqual([]);
    }
  });

  it('with no order: a product question, 正品与保障 (请放心…七天无理由) first', () => {
    for (const text of ['怕质量不好', '担心是假货', '还在犹豫 怕买到次品']) {
      const { chips, cards } = read(text, []);
      expect(chips, text).not.toContain('quality');
      expect(chips[0], text).toBe('product-info');
      expect(cards[0], text).toBe('product-genuine');
    }
  });

  it('whatever the model: the worry rules the quality need out', () => {
    const cues = classify(['还在犹豫 怕质量不好']);
    expect(cues.scores.map((s) => s.id)).not.toContain('quality');
    expect(cues.evidence.quality).toContain('/ruled-out/');
    expect(combineSignals(cues, { model: [{ id: 'quality', p: 0.95 }, { id: 'other', p: 0.05 }] }).top).not.toContain('quality');
  });

  it('goods had, or a defect said first, still read as a quality complaint; torn between two is still a comparison', () => {
    for (const [text, orders] of [['收到了 担心质量有问题', ['completed']], ['鞋子开胶了 怕是质量问题', ['completed']], ['用了两天就坏了 质量太差', ['completed']]] as [string, OrderStatus[]][]) {
      const { chips, cards } = read(text, orders);
      expect(chips[0], text).toBe('quality');
      expect(cards[0], text).toBe('quality-photos');
    }
    expect(read('这两款有点纠结 选哪个好', []).cards[0]).toBe('product-compare');
    // No doubt said: the reminder leads an unpaid order as before.
    expect(read('拍了还没付', ['unpaid']).cards[0]).toBe('pay-remind');
  });
});

describe('a buyer who offers to fetch the parcel', () => {
  const offers = ['如果送不了上门 我也可以去驿站拿', '送不上门的话我自己去驿站取也行', '不方便送上门的话 放驿站就可以', '送不上门也没关系 我可以自己去驿站拿', '快递不送上门的话 我自己去驿站拿也行'];

  it('on a shipped order: the courier chip, no complaint, 查询物流 first', () => {
    for (const text of offers) {
      const { chips, cards } = read(text, ['shipped']);
      expect(chips[0], text).toBe('courier');
      expect(chips, text).not.toContain('complaint');
      expect(['tracking-query', 'tracking-check'], `${text} → ${cards.join(', ')}`).toContain(cards[0]);
      expect(cards.filter((id) => id.startsWith('complaint-') || id.startsWith('return-')), text).toEqual([]);
    }
  });

  it('whatever the model: the complaint is ruled out', () => {
    const cues = classify(['送不上门的话我自己去驿站取也行']);
    expect(cues.evidence.complaint).toContain('/ruled-out/');
    expect(combineSignals(cues, { model: [{ id: 'complaint', p: 0.6 }, { id: 'courier', p: 0.3 }] }).top).not.toContain('complaint');
  });

  it('sent there, or a complaint word beside it, is still a complaint', () => {
    for (const text of ['快递不送上门 非让我自己去驿站取', '凭什么不送上门 我还得自己去驿站拿', '如果不送上门我就投诉', '快递员态度太差了 送不上门的话还让我自己去拿']) {
      const { chips } = read(text, ['shipped']);
      expect(chips[0], text).toBe('complaint');
    }
  });

  it('which courier the shop sends with is not offered first once the parcel has left', () => {
    // 默认快递 (…我帮您看看能不能换一家), 指定顺丰 and 送货上门与驿站 (我在订单上给您备注) speak of a parcel not yet sent.
    expect(read('能不能送上门', ['shipped']).cards[0]).toBe('tracking-query');
    expect(read('顺丰能发吗', []).cards[0]).toBe('courier-sf');
    expect(read('能不能送上门', []).cards[0]).toBe('courier-door');
  });
});

describe('a fake feared before buying is no complaint', () => {
  it('no 投诉 chip, 正品与保障 first with no order and 打消顾虑 on an unpaid one', () => {
    for (const text of ['担心是假货', '有点怕买到假货 你们这是正品吗', '有点担心不是正品', '就担心收到假的', '担心买到的是假货']) {
      const none = read(text, []);
      expect(none.chips, text).not.toContain('complaint');
      expect(none.chips, text).not.toContain('wrong-item');
      expect(none.chips[0], text).toBe('product-info');
      expect(none.cards[0], text).toBe('product-genuine');
      expect(read(text, ['unpaid']).chips, text).not.toContain('complaint');
    }
    expect(read('担心是假货', ['unpaid']).cards[0]).toBe('pay-hesitate');
  });

  it('whatever the model: the worry alone rules the complaint out', () => {
    const cues = classify(['担心是假货']);
    expect(cues.evidence.complaint).toContain('/ruled-out/');
    expect(combineSignals(cues, { model: [{ id: 'complaint', p: 0.6 }, { id: 'quality', p: 0.4 }] }).top).toEqual(['product-info']);
  });

  it('a complaint word beside the worry, or a fake received, still reads as before', () => {
    expect(read('担心是假货 你们态度太差了 我要投诉', []).chips[0]).toBe('complaint');
    expect(read('怕质量不好 上次还少发了一个', ['completed']).chips).toContain('wrong-item');
    for (const text of ['收到的不是正品', '这是假货吧']) expect(read(text, ['completed']).chips[0], text).toBe('quality');
  });
});

describe('quality wished for, or its worry waved away, is no quality complaint', () => {
  const wishes = ['不担心质量 哪怕贵一点', '不担心质量', '质量好就行 哪怕贵一点', '哪怕贵一点也没关系 质量要好', '只要质量过关 贵点也没关系', '我倒不担心质量 就想知道哪个颜色好看'];

  it('no 质量问题 chip and no quality card; a higher price accepted is no haggling either', () => {
    for (const orders of [[], ['unpaid']] as OrderStatus[][]) {
      for (const text of wishes) {
        const { chips, cards } = read(text, orders);
        expect(chips, text).not.toContain('quality');
        expect(chips, text).not.toContain('bargain');
        expect(chips[0], text).toBe('product-info');
        expect(cards.filter((id) => id.startsWith('quality-') || id.startsWith('bargain-')), `${text} → ${cards.join(', ')}`).toEqual([]);
      }
    }
  });

  it('whatever the model: the wish rules the quality need out', () => {
    const cues = classify(['不担心质量']);
    expect(cues.evidence.quality).toContain('/ruled-out/');
    expect(combineSignals(cues, { model: [{ id: 'quality', p: 0.95 }, { id: 'other', p: 0.05 }] }).top).not.toContain('quality');
  });

  it('a defect asked about or reported, or a plea for less, still reads as before', () => {
    // Who pays when a defect comes (万一质量有问题) keeps the quality chip and its after-sales card.
    const ifDefect = read('万一质量有问题能退吗', []);
    expect(ifDefect.chips).toContain('quality');
    expect(ifDefect.cards[0]).toBe('quality-photos');
    expect(read('万一质量有问题退货运费谁出', []).chips).toContain('quality');
    expect(read('收到了 质量不好 不担心是假的', ['completed']).chips[0]).toBe('quality');
    for (const text of ['贵点也没关系 能便宜点吗', '太贵了 哪怕便宜十块也行']) expect(read(text, []).chips[0], text).toBe('bargain');
    expect(read('有点贵 质量怎么样', []).chips).toContain('bargain');
  });
});

describe('whether the parcel comes to the door, before anything is sent', () => {
  // 默认快递 led these until 2026-12-06 (night), the closest of the replies then: no starter reply spoke of
  // the door. 送货上门与驿站 says whose call the door is (the courier's local station) and what the shop can do
  // before sending (a note on the order, another courier); it promises no door.
  it('送货上门与驿站 first with no order, and on an unpaid or paid order', () => {
    for (const text of ['能不能送上门', '送货上门吗', '可以送上门吗', '快递可以送货上门吗 我家在六楼', '会送到家吗', '能放快递柜吗', '是送到驿站还是送到家', '我家没电梯 能送上楼吗']) {
      for (const orders of [[], ['unpaid'], ['paid']] as OrderStatus[][]) {
        const { chips, cards } = read(text, orders);
        expect(chips[0], text).toBe('courier');
        expect(cards[0], `${text} (${orders}) → ${cards.join(', ')}`).toBe('courier-door');
      }
    }
  });

  it('which courier, SF, or whether the address is reached keep their replies; a shipped parcel gets 查询物流', () => {
    for (const text of ['你家一般发啥快递呀', '你们默认走哪家快递']) expect(read(text, []).cards[0], text).toBe('courier-default');
    expect(read('能发顺丰吗', []).cards[0]).toBe('courier-sf');
    expect(read('我这边是新疆的 能送到吗', []).cards[0]).toBe('postage-region');
    // Its note on the order and another courier are past once the parcel has left.
    for (const text of ['能不能送上门', '送货上门吗', '会放驿站吗']) expect(read(text, ['shipped']).cards[0], text).not.toBe('courier-door');
    expect(read('能不能送上门', ['shipped']).cards[0]).toBe('tracking-query');
  });
});

describe('怕是 before a fake, with nothing had and no fault named, is a worry; beside a fault it is "probably"', () => {
  const worries = ['就怕是假的', '就怕是假的 还在考虑', '怕是假货 还没拍', '只怕是假货', '怕是仿的 还没下单', '最怕是高仿的'];

  it('no 质量问题 chip, no 延迟 chip, and no quality card before buying', () => {
    for (const orders of [[], ['unpaid']] as OrderStatus[][]) {
      for (const text of worries) {
        const { chips, cards } = read(text, orders);
        expect(chips, `${text} (${orders})`).not.toContain('quality');
        expect(chips, `${text} (${orders})`).not.toContain('delay');
        expect(chips[0], `${text} (${orders})`).toBe('product-info');
        expect(cards.filter((id) => id.startsWith('quality-')), `${text} → ${cards.join(', ')}`).toEqual([]);
      }
    }
  });

  it('whatever the model: the worry rules the quality need out', () => {
    const cues = classify(['就怕是假的']);
    expect(cues.evidence.quality).toContain('/ruled-out/');
    expect(combineSignals(cues, { model: [{ id: 'quality', p: 0.87 }, { id: 'complaint', p: 0.09 }] }).top).toEqual(['product-info']);
  });

  it('a fault named, the goods had, or 哪怕/恐怕 keep reading as before', () => {
    for (const text of ['鞋子开胶了 怕是质量问题', '这鞋开胶了 怕是假的', '怕是假货吧 穿了一次就开线', '收到了 怕是假货', '恐怕是假货']) {
      const { chips, cards } = read(text, ['completed']);
      expect(chips[0], text).toBe('quality');
      expect(cards[0], text).toBe('quality-photos');
    }
    expect(read('哪怕是假的也无所谓', []).chips).not.toContain('product-info');
  });
});

describe('好 inside a wish or a question is no thanks', () => {
  it('no 致谢 chip beside 质量好就行 / 好就行 / 好不好', () => {
    for (const text of ['质量好就行 哪怕贵一点', '好就行', '东西好就好', '好不好', '质量好就可以 颜色无所谓']) {
      const { chips, cards } = read(text, []);
      expect(chips, text).not.toContain('thanks');
      expect(cards.filter((id) => id.startsWith('bye-')), `${text} → ${cards.join(', ')}`).toEqual([]);
    }
  });

  it('whatever the model: the wish rules thanks out', () => {
    const cues = classify(['质量好就行']);
    expect(cues.evidence.thanks).toContain('/ruled-out/');
    expect(combineSignals(cues, { model: [{ id: 'thanks', p: 0.75 }, { id: 'other', p: 0.2 }] }).top).not.toContain('thanks');
  });

  it('an acknowledgement beside it, or a plea, still reads as before', () => {
    expect(read('谢谢 好就行', []).chips[0]).toBe('thanks');
    expect(read('好的 质量好就行', []).chips).toContain('thanks');
    for (const text of ['好的', '好', '好嘞 多谢']) expect(read(text, []).chips[0], text).toBe('thanks');
    expect(read('便宜点好不好', []).chips[0]).toBe('bargain');
  });
});

describe('the price asked beside a quality wish is a question before buying', () => {
  it('no 保修 (nor 发票) chip from the model alone; a product card first', () => {
    for (const text of ['质量好就行 多少钱', '质量好就行 什么价', '只要质量过关 多少钱一件', '品质有保证就好 价格多少']) {
      const { chips, cards } = read(text, []);
      expect(chips, text).not.toContain('repair');
      expect(chips, text).not.toContain('invoice');
      expect(chips, text).not.toContain('wrong-item');
      expect(chips[0], text).toBe('product-info');
      expect(cards[0], `${text} → ${cards.join(', ')}`).toBe('product-verify');
    }
  });

  it('whatever the model: the wish with a price rules the warranty out', () => {
    const cues = classify(['质量好就行 多少钱']);
    expect(cues.evidence.repair).toContain('/ruled-out/');
    expect(combineSignals(cues, { model: [{ id: 'repair', p: 0.53 }, { id: 'bargain', p: 0.16 }] }).top).not.toContain('repair');
  });

  it('a warranty or an invoice named still reads as before', () => {
    expect(read('质量好就行 保修多久', []).chips[0]).toBe('repair');
    expect(read('质量好就行 能开发票吗 多少钱', []).chips[0]).toBe('invoice');
    expect(read('保修多少钱', ['completed']).chips[0]).toBe('repair');
  });
});

describe('an order not placed yet (还没拍, 还没下单) can be neither cancelled nor tracked', () => {
  // Found after the blocks above: 怕是仿的 还没下单 showed the model's 取消订单 chip beside 商品咨询.
  it('no 取消订单 or 查件 chip from the model on a worry before ordering', () => {
    for (const text of ['怕是仿的 还没下单', '还没下单 担心不是正品', '我还没有拍 就是怕买到仿的']) {
      for (const orders of [[], ['completed']] as OrderStatus[][]) {
        const { chips, cards } = read(text, orders);
        expect(chips, `${text} (${orders})`).not.toContain('cancel-order');
        expect(chips, `${text} (${orders})`).not.toContain('tracking');
        expect(cards.filter((id) => id.startsWith('cancel-')), `${text} → ${cards.join(', ')}`).toEqual([]);
      }
    }
  });

  it('whatever the model: no order placed rules the cancellation and the parcel out', () => {
    const cues = classify(['还没下单 想问问是不是正品']);
    expect(cues.evidence['cancel-order']).toContain('/ruled-out/');
    expect(cues.evidence.tracking).toContain('/ruled-out/');
    const top = combineSignals(cues, { model: [{ id: 'product-info', p: 0.4 }, { id: 'cancel-order', p: 0.3 }, { id: 'tracking', p: 0.2 }] }).top;
    expect(top).not.toContain('cancel-order');
    expect(top).not.toContain('tracking');
  });

  it('an order placed, one to come, or 拍 of a photo keep the cancellation chip', () => {
    expect(read('已经付款了 能取消订单吗', ['paid']).cards[0]).toBe('cancel-paid');
    expect(read('拍了还没付款 能取消吗', ['unpaid']).cards[0]).toBe('cancel-unpaid');
    expect(read('还没发货 帮我把订单取消了吧', ['paid']).chips[0]).toBe('cancel-order');
    // What happens to the order once it is placed: the cancellation rules answer it.
    expect(read('还没下单 拍了以后还能取消吗', []).chips[0]).toBe('cancel-order');
    expect(read('还没拍照 订单先帮我取消吧', ['paid']).chips[0]).toBe('cancel-order');
    // A need with an answer before buying keeps its chip: returns, merging the parcels.
    expect(read('还没买 不合适能退吗', []).chips[0]).toBe('return');
    expect(read('还没买 拍两件能一起发吗', []).chips[0]).toBe('merge-orders');
  });
});

describe('拍/买 + 什么 or 哪个 before another word asks about that word, not the size', () => {
  // 我还没拍 什么时候发货 showed the 尺码 chip: 拍 + 什么 read as 拍什么码.
  it('什么时候 after 拍 or 买 asks when: the shipping-time chip alone', () => {
    for (const text of ['我还没拍 什么时候发货', '还没拍呢 什么时候能发出', '现在买什么时候到']) {
      const { chips, cards } = read(text, []);
      expect(chips, text).not.toContain('size-fit');
      expect(chips[0], text).toBe('shipping-time');
      expect(['ship-time', 'ship-arrival'], `${text} → ${cards.join(', ')}`).toContain(cards[0]);
    }
    expect(read('买什么颜色好看', []).chips).not.toContain('size-fit');
  });

  it('a size asked with 什么/哪个, or with height and weight, keeps the size chip', () => {
    for (const text of ['还没拍 穿什么码合适', '我还没买 拍哪个尺码好', '还没下单 160 100斤穿多大', '穿什么号', '拍哪个好 平时穿m']) {
      expect(read(text, []).chips[0], text).toBe('size-fit');
    }
  });
});

describe('好 as a degree word or what is judged is no thanks (a question or a complaint)', () => {
  // Found after the blocks above: 拍什么颜色好 before buying and a pick-up point 好远 after a delivery question
  // showed the 致谢 chip, the 好 of 颜色好 / 好远 read as an acknowledgement.
  const readTurns = (turns: string[]) => combineSignals(classify(turns), engine.signals(turns.at(-1)!, { learning: false })).top;

  it('no 致谢 chip when 好 asks which is better, or says how far or how dear', () => {
    for (const text of ['还没下单 选哪种颜色好', '哪种材质的好', '快递站好远 能送上门吗', '好贵啊']) {
      const { chips, cards } = read(text, []);
      expect(chips, text).not.toContain('thanks');
      expect(chips.length, text).toBeGreaterThan(0);
      expect(cards.filter((id) => id.startsWith('bye-')), `${text} → ${cards.join(', ')}`).toEqual([]);
    }
  });

  it('…nor on a follow-up saying the pick-up point is far', () => {
    expect(readTurns(['能送上门吗', '菜鸟驿站离我家好远'])).toEqual(['courier']);
    const top = readTurns(['包裹到了吗', '驿站离我家好远']);
    expect(top[0]).toBe('tracking');
    expect(top).not.toContain('thanks');
  });

  it('whatever the model: 好 in a question rules thanks out; in a statement the model speaks only alone', () => {
    const asked = classify(['选哪种颜色好']);
    expect(asked.evidence.thanks).toContain('/ruled-out/');
    expect(combineSignals(asked, { model: [{ id: 'thanks', p: 0.8 }, { id: 'other', p: 0.1 }] }).top).not.toContain('thanks');
    // Asked with no other need read, the model's closing chip does not stand alone either.
    expect(combineSignals(classify(['好穿吗']), { model: [{ id: 'thanks', p: 0.8 }, { id: 'other', p: 0.1 }] }).top).toEqual([]);
    const said = classify(['这个价格好贵']);
    expect(said.scores.map((s) => s.id)).not.toContain('thanks');
    expect(combineSignals(said, { model: [{ id: 'bargain', p: 0.5 }, { id: 'thanks', p: 0.3 }] }).top).not.toContain('thanks');
    // Praise the cues do not read (好喜欢): the model, sure and alone, still gives the closing chip.
    expect(combineSignals(classify(['好喜欢']), { model: [{ id: 'thanks', p: 0.85 }, { id: 'other', p: 0.1 }] }).top).toEqual(['thanks']);
  });

  it('an acknowledgement, a bare 好 closing the chat, or praise keep the 致谢 chip first', () => {
    for (const text of ['好的 多谢啦', '好嘞', '好滴', '好的收到', '好', '好好好', '好 就这样吧', '那好吧 就它了', '嗯好 我去拍了', '好 我知道了', '是的好的', '太好了 谢谢', '东西很好', '好喜欢']) {
      expect(read(text, []).chips[0], text).toBe('thanks');
    }
    // An acknowledgement on the way to a question keeps its chip beside the question's.
    expect(read('好的 哪种颜色好', []).chips).toEqual(expect.arrayContaining(['product-info', 'thanks']));
  });
});
