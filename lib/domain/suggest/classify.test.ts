import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { goodAsWord } from './cues';
import { normalize } from './normalize';

const first = (...messages: string[]) => {
  const c = classify(messages);
  return c.confident ? c.top[0] : undefined;
};

/** One test per phrasing: the message alone leads with that situation. */
const readsAs = (cases: [string, string][]) =>
  it.each(cases)('%s → %s', (text, id) => {
    expect(first(text)).toBe(id);
  });

describe('classify: plain needs', () => {
  it.each([
    ['在吗', 'greeting'],
    ['165 110斤穿什么码', 'size-fit'],
    ['身高160体重100斤，拿哪个', 'size-fit'],
    ['这个是什么材质的', 'product-info'],
    ['还有货吗', 'stock'],
    ['能便宜点吗', 'bargain'],
    ['优惠券怎么用', 'promotion'],
    ['能开张发票吗', 'invoice'],
    ['今天能发货吗', 'shipping-time'],
    ['能发顺丰吗', 'courier'],
    ['付不了款怎么办', 'payment'],
    ['地址写错了帮我改一下', 'address-change'],
    ['拍错了，帮我取消订单', 'cancel-order'],
    ['两个订单能一起发吗', 'merge-orders'],
    ['怎么还没发货啊', 'delay'],
    ['快递到哪了', 'tracking'],
    ['我想退货', 'return'],
    ['能换个大一码的吗', 'exchange'],
    ['退款什么时候到账', 'refund-status'],
    ['退货运费谁出', 'return-shipping'],
    ['发错颜色了', 'wrong-item'],
    ['收到包装破损了', 'damaged'],
    ['衣服开线了', 'quality'],
    ['保修多久', 'repair'],
    ['我要投诉你们', 'complaint'],
    ['给你好评了', 'review'],
    ['好的多谢', 'thanks'],
  ])('%s → %s', (text, id) => {
    expect(first(text)).toBe(id);
  });
});

describe('classify: negation', () => {
  it('does not suggest a return when the buyer says they will not return', () => {
    const c = classify(['不退了']);
    expect(c.top).not.toContain('return');
  });
  it('drops the exchange when the buyer no longer wants one', () => {
    const c = classify(['不用换了，谢谢']);
    expect(c.top).not.toContain('exchange');
    expect(c.top[0]).toBe('thanks');
  });
  it('does not suggest an invoice for 不要发票', () => {
    expect(classify(['不要发票']).top).not.toContain('invoice');
  });
  it('treats A-not-A questions as questions, not negation (有没有发票)', () => {
    expect(classify(['有没有发票']).top).toContain('invoice');
    expect(classify(['能不能换一个']).top).toContain('exchange');
  });
  it('keeps a negated question as a question (不能退吗)', () => {
    expect(classify(['这个不能退吗']).top).toContain('return');
  });
});

describe('classify: several needs in one message', () => {
  it('returns both the shipping question and the invoice', () => {
    const c = classify(['你好，今天能发货吗？顺便开张发票']);
    expect(c.top).toEqual(expect.arrayContaining(['shipping-time', 'invoice']));
    expect(c.top).not.toContain('greeting');
  });
  it('puts the need before the greeting and thanks around it', () => {
    expect(first('亲在吗，什么时候发货呀')).toBe('shipping-time');
    expect(first('好的谢谢，那运费谁出')).toBe('return-shipping');
  });
});

describe('classify: context from previous turns', () => {
  it('reads 那退吧 after a size discussion as a return', () => {
    expect(first('165 110斤穿多大', '那退吧')).toBe('return');
  });
  it('lets a short follow-up inherit the previous need with decay', () => {
    const prev = classify(['几时发货呀']);
    const c = classify(['几时发货呀', '那呢']);
    expect(c.top).toEqual(['shipping-time']);
    expect(c.scores[0]!.score).toBeLessThan(prev.scores[0]!.score);
    expect(c.evidence['shipping-time']).toContain('context-1');
  });
  it('does not inherit when the current turn is clearly about something else', () => {
    expect(first('我想退货', '发票怎么开')).toBe('invoice');
  });
  it('inherits less from older turns', () => {
    const near = classify(['快递到哪了', '那个呢']).scores[0]!.score;
    const far = classify(['快递到哪了', '嗯', '那个呢']).scores.find((s) => s.id === 'tracking')?.score ?? 0;
    expect(far).toBeLessThan(near);
  });
  it('lets a follow-up without its own cue stay unclassified when there is no context', () => {
    expect(classify(['那呢']).confident).toBe(false);
  });
});

describe('classify: abstention', () => {
  it.each([
    ['[订单编号:[订单x]，订单金额:¥[金额x]，下单时间:[日期x] [时间x]]'],
    ['订单号:[订单x]    商品ID:[数字x] 数量:[数字x]'],
    ['528105689823'],
    ['哈哈哈'],
    ['[微笑]'],
    ['我家里就一只猫'],
    [''],
  ])('makes no confident suggestion for %j', (text) => {
    const c = classify([text]);
    expect(c.confident).toBe(false);
    expect(c.top).toEqual([]);
  });
  it('never lists other as a scenario', () => {
    expect(classify(['随便聊聊']).scores.map((s) => s.id)).not.toContain('other');
  });
  it('does not read an acknowledgement that opens a question as a closing', () => {
    expect(classify(['好的 是这个意思']).top).toEqual(['thanks']);
    const asked = classify(['好的 是这个意思吗']);
    expect(asked.top).not.toContain('thanks');
    expect(asked.scores.map((s) => s.id)).not.toContain('thanks');
    // A question with its own need keeps that need; context can still answer a bare one.
    expect(classify(['好的 你们是顺丰发吗']).top[0]).toBe('courier');
    expect(classify(['我想开张发票', '好的 是这个意思吗']).top).toEqual(['invoice']);
  });
});

describe('classify: typos, slang and variants', () => {
  it.each([
    ['肿么还没发货', 'delay'],
    ['啥时候发貨', 'shipping-time'],
    ['木有收到货', 'tracking'],
    ['能便宜点么', 'bargain'],
    ['可以退款吗？', 'refund-status'],
    ['ＸＬ码合适吗', 'size-fit'],
    ['/:) 在吗', 'greeting'],
    ['發票怎麼開', 'invoice'],
    ['亲，发或了吗', 'shipping-time'],
  ])('%s → %s', (text, id) => {
    expect(classify([text]).top).toContain(id);
  });
  it('normalises full-width, emoji codes and placeholders', () => {
    const n = normalize('［微笑］您好！订单号：[订单x] ，ＡＢＣ１２３ 我要退貨');
    expect(n.text).toBe('您好 abc123 我要退货');
    expect(n.flags.orderRef).toBe(true);
  });
});

describe('classify: shop cues', () => {
  it('adds a shop phrase as a strong cue for its scenario', () => {
    expect(classify(['蹲一个上新']).confident).toBe(false);
    const shopCues = { stock: ['上新'] };
    expect(classify(['蹲一个上新'], { shopCues }).top).toEqual(['stock']);
  });
  it('compiles the shop cues once per settings object', () => {
    const shopCues = { 'return-shipping': ['退货卡'] };
    const a = classify(['退货卡在哪'], { shopCues });
    const b = classify(['退货卡在哪'], { shopCues });
    expect(a.top[0]).toBe('return-shipping');
    expect(b).toEqual(a);
  });
});

describe('normalise: typos and question forms', () => {
  it.each([
    ['领的优惠卷怎么用不了', '领的优惠券怎么用不了'],
    ['为何这么慢', '为什么这么慢'],
    ['洗了会缩水不', '洗了会缩水吗'],
    ['多会能到', '什么时候能到'],
  ])('%s → %s', (raw, text) => {
    expect(normalize(raw).text).toBe(text);
  });
  it('keeps why-not questions and plain negations as they are', () => {
    expect(normalize('为什么不').text).toBe('为什么不');
    expect(normalize('我还是不').text).toBe('我还是不');
  });
  it('reads a thumbs-up as an acknowledgement and drops a bare order-number label', () => {
    expect(normalize('👍').text).toBe('好');
    expect(normalize('我的订单号 [订单x] ').flags.empty).toBe(true);
  });
});

describe('classify: phrasings without the textbook cue', () => {
  it.each([
    ['下午几点能送到', 'shipping-time'],
    ['周五之前能拿到吗', 'shipping-time'],
    ['你们店有充电线卖吗', 'stock'],
    ['买两件还送袜子吗', 'promotion'],
    ['刚买完第二天就降价了', 'promotion'],
    ['寄过来的是顺丰吗', 'courier'],
    ['快递发哪家', 'courier'],
    ['订单一直还在出库', 'delay'],
    ['三天了一点物流都没有', 'tracking'],
    ['我的订单现在什么状态', 'tracking'],
    ['毛巾一洗全是毛', 'quality'],
    ['把手有点松动', 'quality'],
    ['赠品没收到', 'wrong-item'],
    ['用着没问题就给你满星', 'review'],
    ['这个包邮吗运费多少', 'promotion'],
  ])('%s → %s', (text, id) => {
    expect(classify([text]).top).toContain(id);
  });
  it('reads a defect asked about before buying as a product question', () => {
    expect(first('这种面料会起球吗')).toBe('product-info');
    expect(first('穿了两次就起球了')).toBe('quality');
  });
  it('keeps return postage with returns', () => {
    expect(first('退回去的运费谁出')).toBe('return-shipping');
  });
  it('does not read a courier who cannot deliver as a gift question', () => {
    expect(classify(['今天送不到了吗']).top).not.toContain('promotion');
  });
  it('does not read an unanswered phone call as a change of number', () => {
    expect(classify(['快递员打电话我没接到']).top).not.toContain('address-change');
  });
  it('abstains on a bare order number', () => {
    expect(classify(['订单号 [订单x] 123']).confident).toBe(false);
  });
});

describe('classify: closings and refund phrasings', () => {
  it.each([
    ['那我再考虑一下', 'thanks'],
    ['行，先这样吧', 'thanks'],
    ['款还没到呢', 'refund-status'],
    ['多久返钱', 'refund-status'],
  ])('%s → %s', (text, id) => {
    expect(first(text)).toBe(id);
  });
});

describe('classify: stock, pickup and refund-destination phrasings', () => {
  readsAs([
    // Other colours or styles, and when it comes back.
    ['别的颜色还有吗', 'stock'],
    ['其他尺码呢 有没有', 'stock'],
    ['那要等什么时候才会有', 'stock'],
    ['这款以后还会补吗', 'stock'],
    // The courier coming to fetch a return, and what has to go back.
    ['快递员哪天来取件', 'return-shipping'],
    ['明天能上门取吗', 'return-shipping'],
    ['说明书要不要寄回', 'return-shipping'],
    // Where the refund goes.
    ['是退回原来的卡里吗', 'refund-status'],
    ['钱会退到余额吗', 'refund-status'],
    ['单子都取消了怎么没有退款', 'refund-status'],
  ]);

  it('does not read a declined refund as a refund question', () => {
    expect(classify(['不用退款了 我留着用']).top).not.toContain('refund-status');
  });

  it('does not read a repair pickup as a return shipment', () => {
    expect(classify(['师傅今天来取手机去维修']).top).not.toContain('return-shipping');
  });
});

describe('classify: product questions without an attribute word, and payment/trade-in phrasings', () => {
  readsAs([
    ['这个是棉的还是化纤的', 'product-info'],
    ['是实木还是板材', 'product-info'],
    ['一瓶够用一个月吗', 'product-info'],
    ['刀头怎么拆下来', 'product-info'],
    ['这个防不防晒', 'product-info'],
    ['充一次电能用多久', 'product-info'],
    ['带盖子的还有吗', 'stock'],
    ['怎么又扣费了', 'payment'],
    ['要我重新付款吗', 'payment'],
    ['可以参加以旧换新吗', 'promotion'],
    ['钱什么时候返给我', 'refund-status'],
    ['那个配件还要发回去吗', 'return-shipping'],
    ['能送上门吗', 'courier'],
  ]);

  it('keeps a choice between two needs with those needs, the kind question second at most', () => {
    expect(first('是今天发还是明天发')).toBe('shipping-time');
    expect(first('退货还是换货好')).not.toBe('product-info');
  });

  it('does not read 以旧换新 as an exchange', () => {
    expect(classify(['以旧换新怎么参加']).top).not.toContain('exchange');
  });
});

describe('classify: stock in the shop’s words, refunds into an account, pickup and delivery states', () => {
  readsAs([
    ['为什么洗了一次就会掉色', 'quality'],
    ['退款会退到支付宝吗', 'refund-status'],
    ['拿三箱什么价', 'bargain'],
    ['现在在派送了吗', 'tracking'],
    ['刚才点错了帮我关掉订单', 'cancel-order'],
    ['回寄地址发一下', 'return-shipping'],
    ['用着挺好的', 'thanks'],
    ['咱们店里有转换头吗', 'stock'],
  ]);

  it('keeps a defect asked about before buying a product question, and one asked why it happened a quality issue', () => {
    expect(first('这个会掉色吗')).toBe('product-info');
    expect(classify(['为什么洗了一次就会掉色']).top).not.toContain('product-info');
  });

  it('does not read 从不让人失望 as a complaint', () => {
    expect(classify(['好的谢谢 从不让人失望']).top).not.toContain('complaint');
  });
});

describe('classify: phrasings from a probe set written for this project', () => {
  readsAs([
    ['这款停产了吗', 'stock'],
    ['还剩几件', 'stock'],
    ['跟苹果手机能连吗', 'product-info'],
    ['里面是几个装的', 'product-info'],
    ['手洗还是机洗', 'product-info'],
    ['夏天穿热不热', 'product-info'],
    ['洗了会不会缩', 'product-info'],
    ['快递员一直没来取', 'return-shipping'],
    ['退货的东西你们收到没有', 'return-shipping'],
    ['你们是不是忘了发', 'delay'],
    ['少二十行不行', 'bargain'],
    ['今天能寄出吗', 'shipping-time'],
    ['用了两天就不转了', 'quality'],
    ['你们就是这样对待顾客的吗', 'complaint'],
    ['收件人换成我老公', 'address-change'],
    ['收到的是黑色 我买的白色', 'wrong-item'],
    ['知道啦', 'thanks'],
  ]);

  it('keeps a missing part a wrong item, not a price offer', () => {
    expect(first('少了一个盖子')).toBe('wrong-item');
  });

  it('reads heat asked about before buying as a product question and heat reported as a defect', () => {
    expect(first('用久了会烫手吗')).toBe('product-info');
    expect(first('充电的时候特别烫')).toBe('quality');
  });
});

describe('classify: a second probe set written for this project', () => {
  readsAs([
    ['怎么一直显示无货啊', 'stock'],
    ['大概啥时候返场', 'stock'],
    ['请问这个是几寸的', 'product-info'],
    ['耳机戴久了耳朵疼不疼', 'product-info'],
    ['电压是220的吧', 'product-info'],
    ['鞋底是防滑的不', 'product-info'],
    ['下午拍的今天能走吗', 'shipping-time'],
    ['拍了五天了一点动静没有', 'delay'],
    ['我下了三单 一块寄吧', 'merge-orders'],
    ['只来了一只鞋', 'wrong-item'],
    ['杯子到了是裂的', 'damaged'],
  ]);

  it('keeps 别的没有了呢 a closing and a stated shipping fact out of product questions', () => {
    expect(first('别的没有了呢')).toBe('thanks');
    expect(classify(['是今天发的吗']).top).not.toContain('product-info');
  });
});

describe('classify: no-need questions about the shop itself', () => {
  it('does not read a question about a physical store or a person as stock', () => {
    expect(classify(['你们有实体店吗']).top).not.toContain('stock');
    expect(classify(['你们这有客服吗']).top).not.toContain('stock');
    expect(first('你们这有转换头吗')).toBe('stock');
  });
});

describe('classify: JD-style phrasings from a third self-written probe set', () => {
  readsAs([
    ['京豆能抵多少钱', 'promotion'],
    ['京东快递小哥电话打不通', 'tracking'],
    ['新手机屏幕有坏点', 'quality'],
    ['冰箱侧面有个凹坑', 'damaged'],
    ['客服踢皮球 说了半天没解决', 'complaint'],
    ['赠品的耳机没在箱子里', 'wrong-item'],
  ]);

  it('does not read a mention of 京豆 in passing as a promotion question', () => {
    expect(classify(['客服说给我京豆 后来我忘了回他']).top).not.toContain('promotion');
  });
});

describe('classify: new cue words that must not fire in ordinary shop messages', () => {
  // Written for this check (not taken from any evaluation set): each message uses a word the cue
  // rounds added, in the everyday sense that is not the cue's need.
  it.each([
    ['买两件才有优惠吗', 'stock'], // a condition (only then), not stock coming back
    ['满两百才有赠品是吧', 'stock'],
    ['会不会有味道啊', 'stock'], // will it smell, not will it be in stock
    ['下周还会有活动吗', 'stock'],
    ['帮我调一下价格吧', 'stock'], // adjust a price, not transfer stock
    ['活动还剩几天', 'stock'], // time left, not items left
    ['保修还剩多久', 'stock'],
    ['仓库发货要多久', 'stock'], // where it ships from
    ['我自己过来拿可以吗', 'return-shipping'], // collecting an order, no return
    ['这款什么时候才有货', 'refund-status'], // 这款 is the product, not money (款)
  ])('%s is not read as %s', (text, need) => {
    expect(classify([text]).top).not.toContain(need);
  });

  it('keeps the stock readings these words were added for', () => {
    for (const t of ['还剩几件', '这款什么时候才有货', '以后还会有吗']) expect(classify([t]).top[0]).toBe('stock');
  });

  it('does not put a pickup ahead of the defect it is for', () => {
    const c = classify(['屏幕有划痕可以上门取件吗']);
    expect(c.scores[0]!.id).toBe('quality');
    expect(c.top).toContain('return-shipping');
  });
});

describe('classify: a long complaint that repeats itself (QA pass B, defect 5)', () => {
  const story = '上个月买的风衣今天才拆开，扣子掉了两颗，下摆还开线了，颜色跟详情页也差很多，';
  const ask = '这种情况可以退吗？';

  it('reads a story said forty times as it reads the story said once', () => {
    const once = classify([story + ask]);
    const often = classify([story.repeat(40) + ask]);
    expect(often.top).toEqual(once.top);
    expect(often.scores).toEqual(once.scores);
    // The question at the end still counts as much as the defects the story repeats.
    expect(often.top).toContain('return');
    expect(often.top).toContain('quality');
  });

  it('does not let a word said again and again (颜色) outweigh the return the buyer asks for', () => {
    const c = classify([story.repeat(5) + ask]);
    const score = (id: string) => c.scores.find((s) => s.id === id)?.score ?? 0;
    expect(score('product-info')).toBeLessThan(score('return'));
  });
});

describe('classify: 收到以后 is when the parcel came, not an acknowledgement', () => {
  it.each(['风衣收到以后发现扣子掉了一颗，能换吗', '收到后才看到盒子里少了个配件', '收到货以后一直没拆，现在还能退吗', '收到的时候外箱就破了，里面的杯子也碎了'])(
    '%s has no thanks in it',
    (text) => {
      const c = classify([text]);
      expect(c.confident).toBe(true);
      expect(c.scores.map((s) => s.id)).not.toContain('thanks');
    },
  );

  it('does not read 收到货以后 as a question about when the parcel comes', () => {
    expect(classify(['收到货以后一直没拆，现在还能退吗']).scores.map((s) => s.id)).not.toContain('shipping-time');
    expect(first('什么时候能收到货')).toBe('shipping-time');
  });

  it('still reads 收到了 and 收到 谢谢 as thanks', () => {
    expect(first('收到了，谢谢')).toBe('thanks');
    expect(first('好的收到')).toBe('thanks');
  });
});

describe('classify: 付款前/拍之前/下单前 is when the buyer asks, not what about', () => {
  // Our own phrasings: the frame (before paying, before ordering) and a product question after it.
  it.each([
    ['付款前想问一下这件的面料', 'product-info'],
    ['付钱之前确认下有没有色差', 'product-info'],
    ['支付以前问问是什么材质', 'product-info'],
    ['付款之前问下尺码偏大吗', 'size-fit'],
    ['拍之前想问下这个颜色显黑吗', 'product-info'],
    ['下单前问一下穿什么码', 'size-fit'],
    ['付款以前问下几天能到', 'shipping-time'],
    ['支付前想问问今天能发吗', 'shipping-time'],
  ])('%s → %s, with no payment reading from the cues', (text, id) => {
    const c = classify([text]);
    expect(c.top[0]).toBe(id);
    expect(c.scores.map((s) => s.id)).not.toContain('payment');
    expect(c.scores.map((s) => s.id)).not.toContain('refund-status');
  });

  it('still reads a payment question as one', () => {
    expect(first('付款失败了怎么办')).toBe('payment');
    expect(first('怎么付款')).toBe('payment');
    expect(first('付款前能用花呗吗')).toBe('payment');
    expect(first('退款几天到')).toBe('refund-status');
  });
});

describe('classify: when it will arrive is not whether the courier reaches the buyer', () => {
  // Our own phrasings: 能送到 inside 什么时候能送到 showed the 快递 chip beside 发货时间.
  it.each(['付钱前问下什么时候能送到', '付款前问下大概几天能送到', '多久可以送到', '什么时候送到北京'])('%s → shipping-time alone', (text) => {
    const c = classify([text]);
    expect(c.top).toEqual(['shipping-time']);
    expect(c.scores.map((s) => s.id)).not.toContain('courier');
  });

  it('still reads a question about the reach as a courier one', () => {
    expect(first('新疆能送到吗')).toBe('courier');
    expect(first('我们这边能送到吗，偏远地区')).toBe('courier');
  });
});

describe('classify: one or two stars given is a review', () => {
  // Our own short forms: 一星 had no cue, and 一星早就打了 showed no chip at all.
  it.each(['一星早就打了', '一星早打了', '已经打了一颗星', '两星已经给了', '给你们打了1星', '给了个最低分'])('%s → review', (text) => {
    expect(first(text)).toBe('review');
  });

  it('a week (一星期) is no star', () => {
    for (const t of ['一星期了还没发货', '等了两星期还没到', '一星期能到吗']) expect(classify([t]).scores.map((s) => s.id), t).not.toContain('review');
  });
});

describe('classify: where it ships from is a shipping question', () => {
  // Our own phrasings: 哪里发的货 had no cue at all.
  it.each(['哪里发的货', '从哪里发货', '你们发货地是哪', '是从哪个城市发出的'])('%s → shipping-time', (text) => {
    expect(first(text)).toBe('shipping-time');
  });
});

describe('classify: not ordered yet is no wait', () => {
  // Our own phrasings: the 还没 of 还没拍 gave the 延迟发货 chip beside 付款 (还没拍，能用花呗吗).
  it.each(['还没拍，能用花呗吗', '还没下单，可以用信用卡吗', '我还没有买，想问下能分期吗'])('%s → payment alone, no delay', (text) => {
    const c = classify([text]);
    expect(c.top).toEqual(['payment']);
    expect(c.scores.map((s) => s.id)).not.toContain('delay');
  });

  it('a parcel not sent yet still is one', () => {
    expect(first('拍了三天了还没发货')).toBe('delay');
    expect(first('怎么还没发')).toBe('delay');
  });
});

describe('好 as an acknowledgement or as a word of the sentence (cues.ts, goodAsWord)', () => {
  const word = (t: string) => goodAsWord([...normalize(t).text]);
  it.each(['好', '好的', '好嘞 收到', '嗯好', '那就好嘞', '好 我拍了', '好我去拍', '知道了好的', '是的好的', '好好好', '质量真好', '那太好了', '好亲'])(
    '%s: every 好 acknowledges (or praises)',
    (t) => expect(word(t)).toBe(false),
  );
  it.each(['离得好远', '好慢啊', '好用吗', '什么颜色好', '哪款的好呢', '好不好', '好就行', '要质量好的', '好好包装'])(
    '%s: a 好 is a word of the sentence',
    (t) => expect(word(t)).toBe(true),
  );
  it('a 好 of the sentence is no thanks cue, an acknowledgement beside it still is', () => {
    expect(classify(['离得好远']).evidence.thanks).not.toContain('好');
    expect(classify(['好的 离得好远']).evidence.thanks).toContain('好的');
  });
});
