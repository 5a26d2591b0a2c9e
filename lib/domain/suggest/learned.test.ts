import { describe, expect, it } from 'vitest';
import { LearnedMemory, makePick, maskForMemory, type LearnedPick } from './learned';
import { SuggestEngine } from './engine';
import { maskWhole } from './mask-whole';

let n = 0;
const pick = (message: string, scenario: LearnedPick['scenario'], templateId: string | null = null, at = 1000 + n): LearnedPick =>
  makePick({ message, scenario, templateId, source: templateId ? 'insert' : 'chip' }, at, () => (n++ % 97) / 97)!;

describe('maskForMemory: nothing personal is stored', () => {
  it('masks phone, order and tracking numbers, names, addresses and the buyer nickname', () => {
    const s = maskForMemory('我是王小明，电话13812345678，订单号 2345678901234567 地址是杭州西湖区文三路 tb_lucky88 催一下', 'tb_lucky88');
    expect(s).not.toMatch(/王小明|13812345678|2345678901234567|文三路|lucky88/);
    expect(s).toContain('催一下');
    expect(maskForMemory('收件人张三 快递单号sf1234567890')).not.toMatch(/张三|1234567890/);
  });
  it('keeps the words that say what the buyer needs', () => {
    expect(maskForMemory('退款什么时候到账？')).toBe('退款什么时候到账?');
  });
});

/** A pick's text as the worker stores it (learnPick: maskWhole, then makePick's maskForMemory). */
const stored = (message: string) => maskForMemory(maskWhole(message));

describe('maskWhole + maskForMemory: what a learned pick keeps (qaJ D12)', () => {
  it('masks e-mail addresses, WeChat / QQ / 旺旺 ids, and phone, ID, card and landline numbers whole (no first digits left)', () => {
    const s = stored('加我微信 lin_mao_77 或 qq 987654321，邮箱 linmao.77@mail.example.cn，身份证号 11010519880808123X 手机159-8765-4321');
    expect(s).not.toMatch(/lin|mao|987|mail|example|110|159|4321|123|@/i);
    expect(s).toContain('微信');
    const t = stored('座机0755-86668888 或 (020)87654321，退款打到 6228 4800 1234 5678 910 这张卡，旺旺是 shop_fan2020');
    expect(t).not.toMatch(/\d{3}|shop_fan/);
    expect(t).toContain('退款');
  });
  it('masks the id after the ways buyers spell WeChat and QQ to get past a filter', () => {
    for (const label of ['v信', '威信', '薇信', 'WeChat', '企鹅']) {
      expect(stored(`加我${label} lin_mao_77 细聊`)).toBe(`加我${label.toLowerCase()} 细聊`);
    }
  });
  it('masks the id after the other chat apps buyers name, but not an English word that holds one', () => {
    for (const label of ['钉钉', '飞书', '支付宝', 'WhatsApp', 'Line']) {
      expect(stored(`加我${label} lin_mao_77 细聊`)).toBe(`加我${label.toLowerCase()} 细聊`);
    }
    expect(stored('这是 online shop 专供款，outgoing 已发')).toBe('这是 online shop 专供款 outgoing 已发');
  });
  it('masks an address written without a label, keeping the words around it', () => {
    const s = stored('麻烦寄到广东省深圳市南山区科技园南路8号2栋 周五前能到吗');
    expect(s).not.toMatch(/广东|深圳|南山|科技园/);
    expect(s).toContain('周五前能到吗');
    expect(stored('哪个市的仓库发货几号能到')).toBe('哪个市的仓库发货几号能到');
  });
  it('starts the masked address at the place name: a label or verb before it stays whole', () => {
    expect(maskWhole('地址上海市徐汇区漕溪北路九号 麻烦改一下')).toBe('地址 某地  麻烦改一下');
    expect(stored('地址上海市徐汇区漕溪北路九号 麻烦改一下')).toBe('地址某地 麻烦改一下');
    expect(stored('住址北京市朝阳区望京街道 要改')).toBe('住址某地 要改');
    expect(maskWhole('帮我寄到浙江省宁波市鄞州区就行')).toBe('帮我寄到 某地 就行');
    expect(maskWhole('发往四川省成都市武侯区可以吗')).toBe('发往 某地 可以吗');
    // As much as before: a three-character province, a city straight after a verb.
    expect(maskWhole('黑龙江省哈尔滨市南岗区')).toBe(' 某地 ');
    expect(maskWhole('送到广州市天河区')).toBe('送到 某地 ');
  });
  it('keeps the word before a two-character place name: the place is masked from its own first character', () => {
    expect(maskWhole('我老家上海市浦东新区张江路1号，发货了吗')).toBe('我老家 某地 ,发货了吗');
    expect(stored('我老家上海市浦东新区张江路1号，发货了吗')).toBe('我老家 某地 发货了吗');
    expect(maskWhole('广西南宁市青秀区民族大道寄得到吗')).toBe('广西 某地 寄得到吗');
    expect(maskWhole('帮忙看看石家庄市长安区能不能到')).toBe('帮忙看看 某地 能不能到');
  });
  it('masks the house number, building and room after a road when no province or city is written', () => {
    expect(maskWhole('改寄到西湖区文三路88号5幢1单元302室吧')).toBe('改寄到西湖区文三路 某地 吧');
    expect(stored('换到解放街12号 明天能发吗')).toBe('换到解放街 某地 明天能发吗');
    // A day of the month is not a house number.
    expect(maskWhole('3号发的货 5号能到吗')).toBe('3号发的货 5号能到吗');
  });
  it('masks cities of four characters and more before 市 whole', () => {
    expect(maskWhole('人在乌鲁木齐市天山区 几天到')).toBe('人在 某地  几天到');
    expect(maskWhole('呼和浩特市新城区包邮吗')).toBe(' 某地 包邮吗');
    expect(stored('老妈住齐齐哈尔市龙沙区，能寄吗')).toBe('老妈住 某地 能寄吗');
  });
});

describe('LearnedMemory', () => {
  it('recalls the scenario and the reply the agent picked for a similar message', () => {
    const m = new LearnedMemory([pick('你们这个加湿器出雾很小是不是坏了', 'quality', 'tpl-q1'), pick('发票开好了吗', 'invoice', 'tpl-i')]);
    const r = m.recall(maskForMemory('加湿器出雾特别小 是坏了吗'));
    expect(r.scenarios[0]!.id).toBe('quality');
    expect(r.templates['tpl-q1']).toBeGreaterThan(0.5);
    expect(r.best).toBeGreaterThan(0.4);
    expect(m.recall(maskForMemory('今天天气不错')).scenarios).toEqual([]);
  });

  it('keeps only the newest picks up to its bound', () => {
    const m = new LearnedMemory([], 3);
    const picks = ['第一条消息内容', '第二条消息内容', '第三条消息内容', '第四条消息内容'].map((t, i) => pick(t, 'tracking', null, 1000 + i));
    const evicted = picks.flatMap((p) => m.add(p));
    expect(evicted).toEqual([picks[0]!.id]);
    expect(m.all().map((p) => p.id)).toEqual(picks.slice(1).map((p) => p.id));
  });

  it('forgets a pick: it is no longer recalled', () => {
    const p = pick('洗碗机漏水了怎么办', 'quality', 'tpl-q');
    const m = new LearnedMemory([p]);
    expect(m.recall(maskForMemory('洗碗机漏水了')).scenarios[0]?.id).toBe('quality');
    expect(m.remove(p.id)).toBe(true);
    expect(m.recall(maskForMemory('洗碗机漏水了')).scenarios).toEqual([]);
  });

  it('learns nothing from `other` or from a message that is only an order card', () => {
    expect(makePick({ message: '在吗', scenario: 'other', source: 'chip' }, 1)).toBeNull();
    expect(makePick({ message: '[订单x] 123456789012', scenario: 'tracking', source: 'insert' }, 1)).toBeNull();
    expect(makePick({ message: '订单编号:[订单x] 订单金额:[金额x] 下单时间:[日期x]', scenario: 'greeting', source: 'insert' }, 1)).toBeNull();
  });

  it('recalls nothing for a pasted order card, however many card picks are stored', () => {
    const m = new LearnedMemory([pick('你好 订单金额:[金额x] 在吗', 'greeting', 'tpl-g'), pick('订单金额:¥[金额x] 发货了吗', 'shipping-time', 'tpl-s')]);
    expect(maskForMemory('订单编号:[订单x]，订单金额:[金额x] [订单编号:[订单x]，订单金额:[金额x]]')).toBe('');
    expect(m.recall(maskForMemory('[日期x] [时间x] 订单号:[数字x] 订单金额:￥[金额x]')).scenarios).toEqual([]);
    expect(m.recall(maskForMemory('订单金额:[金额x] 发货了吗')).scenarios[0]?.id).toBe('shipping-time');
  });
});

describe('SuggestEngine readings', () => {
  it('a reading asked for again after a pick or a forget reflects the memory as it is now', () => {
    const engine = new SuggestEngine(null);
    const msg = '烤箱温度上不去是坏了吗';
    expect(engine.signals(msg).learned?.scenarios).toEqual([]);
    const { pick: p } = engine.learn({ message: '烤箱温度上不去', scenario: 'quality', templateId: 'tpl-q', source: 'insert' }, 5000);
    expect(engine.signals(msg).learned?.scenarios[0]?.id).toBe('quality');
    engine.forget([p!.id]);
    expect(engine.signals(msg).learned?.scenarios).toEqual([]);
  });

  it('learns the same pick once within a minute (a reply inserted twice, a call sent again), and again later or for another reply', () => {
    const engine = new SuggestEngine(null);
    const same = { message: '能开专票吗', scenario: 'invoice', templateId: 'tpl-inv', source: 'insert' } as const;
    expect(engine.learn(same, 10_000).pick).not.toBeNull();
    expect(engine.learn(same, 40_000).pick).toBeNull();
    expect(engine.learn({ ...same, templateId: 'tpl-inv2' }, 41_000).pick).not.toBeNull();
    expect(engine.learn({ ...same, templateId: 'tpl-inv2' }, 200_000).pick).not.toBeNull();
    expect(engine.memory.size).toBe(3);
  });

  it('recalls the nearest picks among many, most alike first', () => {
    const m = new LearnedMemory();
    for (let i = 0; i < 300; i++) m.add(pick(`第${i}号订单的物流信息好久没更新了`, 'tracking', null, 2000 + i));
    m.add(pick('发票抬头写错了能重开吗', 'invoice', 'tpl-inv', 9000));
    const r = m.recall(maskForMemory('发票抬头写错了 能不能重开'));
    expect(r.scenarios[0]!.id).toBe('invoice');
    expect(r.templates['tpl-inv']).toBe(1);
    expect(m.recall(maskForMemory('物流好久没更新了')).scenarios[0]!.id).toBe('tracking');
  });
});
