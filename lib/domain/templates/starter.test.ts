import { describe, expect, it } from 'vitest';
import { SCENARIO_IDS, isScenarioId } from '../scenarios';
import { STARTER_GROUPS, STARTER_LIBRARY } from './starter';
import { STARTER_KINDS } from './starter-kinds';
import { exportLibrary, parseLibraryImport } from './validate';
import { listVariables, renderTemplate } from './variables';

const templates = STARTER_LIBRARY.templates;

describe('starter library', () => {
  it('offers at least 70 templates', () => {
    expect(templates.length).toBeGreaterThanOrEqual(70);
  });

  it('covers every scenario except "other" with at least two templates', () => {
    const thin = SCENARIO_IDS.filter((s) => s !== 'other').filter(
      (s) => templates.filter((t) => t.scenarios.includes(s)).length < 2,
    );
    expect(thin).toEqual([]);
  });

  it('gives every template 1–3 valid scenarios', () => {
    for (const t of templates) {
      expect(t.scenarios.length, t.id).toBeGreaterThanOrEqual(1);
      expect(t.scenarios.length, t.id).toBeLessThanOrEqual(3);
      expect(t.scenarios.every(isScenarioId), t.id).toBe(true);
      expect(new Set(t.scenarios).size, t.id).toBe(t.scenarios.length);
    }
  });

  it('has unique kebab-case ids and unique lowercase codes', () => {
    const ids = templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const codes = templates.flatMap((t) => (t.code ? [t.code] : []));
    expect(codes.length).toBeGreaterThanOrEqual(30);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of codes) expect(c).toMatch(/^[a-z0-9]{1,16}$/);
  });

  it('puts every template in a listed group and leaves no group empty', () => {
    expect(STARTER_LIBRARY.groups).toEqual([...STARTER_GROUPS]);
    for (const t of templates) expect(STARTER_LIBRARY.groups, t.id).toContain(t.group);
    for (const g of STARTER_LIBRARY.groups) expect(templates.some((t) => t.group === g), g).toBe(true);
  });

  it('uses only known variables or explicit fill-ins ({name?})', () => {
    const stray = templates.flatMap((t) =>
      listVariables(t.body)
        .filter((v) => v.kind === 'unknown')
        .map((v) => `${t.id}: ${v.token}`),
    );
    expect(stray).toEqual([]);
  });

  it('keeps bodies short enough for a chat message and titles short enough for a chip', () => {
    for (const t of templates) {
      expect(t.body.length, t.id).toBeLessThanOrEqual(200);
      expect(t.title.length, t.id).toBeLessThanOrEqual(16);
      expect(t.body).toBe(t.body.trim());
    }
  });

  it('includes the service flow: new and returning welcome, order check, closing with favourite and five stars', () => {
    const byId = new Map(templates.map((t) => [t.id, t]));
    expect(byId.get('welcome-new')?.code).toBe('hi');
    expect(byId.get('welcome-returning')).toBeDefined();
    const confirm = byId.get('order-confirm')?.body ?? '';
    expect(confirm).toMatch(/地址/);
    expect(confirm).toMatch(/电话/);
    expect(byId.get('order-confirm-postage')?.body).toMatch(/运费/);
    expect(templates.some((t) => t.group === '结束语' && t.body.includes('收藏'))).toBe(true);
    expect(templates.some((t) => t.group === '结束语' && t.body.includes('五星'))).toBe(true);
  });

  it('states the shop rules correctly where it mentions them', () => {
    const body = (id: string) => templates.find((t) => t.id === id)?.body ?? '';
    expect(body('return-postage-buyer')).toMatch(/非质量问题.*您承担/);
    expect(body('return-postage-buyer')).toMatch(/到付/);
    expect(body('return-postage-shop')).toMatch(/由我们承担/);
    expect(body('quality-photos')).toMatch(/24 小时/);
    expect(body('invoice-after-receipt')).toMatch(/确认收货后/);
    expect(body('exchange-price-rules')).toMatch(/正价款不能换成活动款/);
    expect(body('postage-top-up')).toContain('补运费-{买家}');
  });

  it('claims nothing the rules do not back (QA pass N, defect 11)', () => {
    const body = (id: string) => templates.find((t) => t.id === id)?.body ?? '';
    // Whether the courier reaches the buyer is checked against the address, not assumed.
    expect(body('order-confirm-postage')).not.toMatch(/可以正常派送/);
    expect(body('order-confirm-postage')).toMatch(/地址/);
    // No fixed refund time: nothing in the rules gives one.
    for (const t of templates) expect(t.body, t.id).not.toMatch(/\d\s*[–-]\s*\d\s*个工作日/);
    // Every reply that offers the 7-day no-reason return names its exceptions.
    for (const t of templates.filter((x) => /七天无理由退/.test(x.body))) expect(t.body, t.id).toMatch(/除外/);
    // A refused delivery: no postage charged to the buyer that no rule names.
    expect(body('cancel-shipped')).not.toMatch(/运费/);
    // 退款已完成 states a fact about the order: it needs a refund on the page.
    expect(templates.find((t) => t.id === 'refund-done')?.orders).toEqual(['refunding']);
  });

  it('speaks of clothes only in the replies kept for clothing shops (a supervisor\'s read, 2026-12-06)', () => {
    // The welcome said 尺码、面料、搭配都可以问我 and 上次买的宝贝穿着还满意吗 to every shop's buyers, 库存紧张
    // 这个码只剩最后几件了, and the exchange replies asked for a 颜色尺码.
    const clothing: readonly string[] = STARTER_KINDS.clothing;
    const clothes = /尺码|面料|衣服|衣长|穿|上身|版型|码(?!头)|身高|体重|买家秀/;
    const general = templates.filter((t) => !clothing.includes(t.id));
    expect(general.filter((t) => clothes.test(t.title + t.body)).map((t) => `${t.id}: ${t.body}`)).toEqual([]);
    // The welcomes are for every shop (a shop that removed the clothing replies kept no welcome at all).
    expect(clothing).not.toContain('welcome-new');
    expect(clothing).not.toContain('welcome-returning');
  });

  it('promises nothing an agent cannot know or grant (a supervisor\'s read, 2026-12-06)', () => {
    const body = (id: string) => templates.find((t) => t.id === id)?.body ?? '';
    // Whether the other colours are in stock, or when a parcel arrives, is checked, not assumed.
    expect(body('stock-restock')).not.toMatch(/现货都很足/);
    expect(body('tracking-query')).not.toMatch(/很快就能送到/);
    // Whatever the buyer asks is not the agent's to grant: above the limit, the supervisor decides.
    expect(body('complaint-resolve-first')).not.toMatch(/满足您/);
    expect(body('complaint-resolve-first')).toMatch(/主管/);
    // The seven-day right is a return right: 七天无理由退货, never 七天无理由退换.
    for (const t of templates) expect(t.body, t.id).not.toMatch(/七天无理由退换/);
    // No superlative about price (广告法): 最划算, 最便宜, 最低价.
    for (const t of templates) expect(t.body, t.id).not.toMatch(/最(?:划算|便宜|低价|实惠)/);
  });

  it('talks to the buyer as 您, with 亲 only as a greeting (a supervisor\'s read, 2026-12-06)', () => {
    // 谢谢亲的支持, 需要亲自己承担, 很多亲都是一起带走的, 好的亲: 亲 as a noun where the rest says 您.
    for (const t of templates) {
      expect(t.body, t.id).not.toMatch(/亲(?:的|自己|们)|(?:很多|不少|谢谢|好的)亲/);
      expect(t.body.match(/亲(?!自)/g)?.length ?? 0, t.id).toBeLessThanOrEqual(1);
      expect(t.body, t.id).not.toMatch(/你(?!们)/);
    }
    // Not every reply opens with 亲: sent one after another, 亲，… 亲，… 亲，… reads like a machine.
    const opening = templates.filter((t) => t.body.startsWith('亲')).length;
    expect(opening / templates.length).toBeLessThan(0.75);
    const body = (id: string) => templates.find((t) => t.id === id)?.body ?? '';
    // The welcomes, the night shift's too, greet as a first line does (您好, the buyer's name), and the
    // busy one says replies are slow without promising a 马上 answer in the same breath.
    for (const id of ['welcome-new', 'welcome-returning', 'welcome-busy', 'welcome-human', 'welcome-late-reply', 'welcome-night']) expect(body(id), id).not.toMatch(/^亲/);
    expect(body('welcome-busy')).not.toMatch(/马上|立刻|立即/);
  });

  it('renders the shipping template from the cut-off', () => {
    const t = templates.find((x) => x.code === 'fh');
    const r = renderTemplate(t?.body ?? '', {
      agentName: '小美',
      shopName: '棉麻小铺',
      now: new Date(Date.UTC(2024, 10, 23, 9, 5)), // 17:05 Beijing
      cutoff: '16:00',
      zone: 480,
    });
    expect(r.text).toContain('16:00');
    expect(r.text).toContain('明天（11月24日）');
    expect(r.missing).toEqual([]);
  });

  it('never promises a deadline already past: every starter reply rendered at 23:10 Beijing, cut-off 22:10', () => {
    // The QA pass: 催付（截单提醒） read "今天22:10前付款的订单明天（12月4日）就能发出" at 23:10.
    const late = { agentName: '小美', shopName: '棉麻小铺', buyer: '小鹿', now: new Date(Date.UTC(2026, 11, 3, 15, 10)), cutoff: '22:10', zone: 480 };
    for (const t of templates) {
      const r = renderTemplate(t.body, late);
      expect(r.pastCutoff, t.id).toBe(false);
      expect(r.text, t.id).not.toMatch(/今天22:10前|22:10前付款的订单明天/);
    }
    const cf = templates.find((x) => x.code === 'cf')!;
    expect(renderTemplate(cf.body, late).text).toBe('亲，看到您拍下的宝贝还没付款哦～现在付款，明天（12月4日）就能发出，早付款早收到，有什么疑问也可以问我～');
    expect(renderTemplate(cf.body, { ...late, now: new Date(Date.UTC(2026, 11, 3, 13, 0)) }).text).toContain('今天22:10前付款，今天（12月3日）就能发出');
  });

  it('names the day in shop time, never a bare 今天: every starter reply rendered at 23:00, after the cut-off and at 02:00', () => {
    // 已催仓库 said 您的订单今天优先处理 (walk, 2026-12-07): sent at 23:00 or after the day's print run, a day
    // already over; at 02:00 a day the warehouse has not started. A day a reply names comes from
    // {发货日} / {今天} / {付款发货}, which carry the date and follow the cut-off and the shop's zone.
    const bare = templates.filter((t) => /今天|今日|当天之内/.test(t.body.replace(/[{｛][^}｝]*[}｝]/g, ''))).map((t) => t.title);
    expect(bare).toEqual([]);
    const urged = templates.find((t) => t.id === 'delay-urged')!.body;
    const at = (h: number) => ({ agentName: '小美', shopName: '棉麻小铺', now: new Date(Date.UTC(2026, 11, 7, h - 8, 0)), cutoff: '16:00', zone: 480 });
    expect(renderTemplate(urged, at(10)).text).toContain('争取今天（12月7日）发出');
    expect(renderTemplate(urged, at(17)).text).toContain('争取明天（12月8日）发出');
    expect(renderTemplate(urged, at(23)).text).toContain('争取明天（12月8日）发出');
    // 02:00 is the new day, before its cut-off: the order leaves that day, and the card says which.
    expect(renderTemplate(urged, at(26)).text).toContain('争取今天（12月8日）发出');
    // A shop that does not ship on Sundays: Saturday evening names Monday.
    const sat = { ...at(17), now: new Date(Date.UTC(2026, 11, 5, 9, 0)), noShip: { weekdays: [0], dates: [] } };
    expect(renderTemplate(urged, sat).text).toContain('争取周一（12月7日）发出');
  });

  it('says which order states a reply fits when it states a fact about the order', () => {
    const fits = (id: string) => templates.find((t) => t.id === id)?.orders;
    expect(fits('order-paid')).toEqual(['paid']); // 收到您的付款啦…订单{发货日}发出
    expect(fits('address-change-shipped')).toEqual(['shipped']); // 订单已经发出了
    expect(fits('pay-duplicate')).toEqual(['unpaid']);
    expect(fits('pay-price-changed')).toEqual(['unpaid']);
    expect(fits('cancel-shipped')).toEqual(['shipped']);
    expect(fits('address-change')).toEqual(['unpaid', 'paid']);
    // Every text that says the parcel left, or the payment arrived, carries a condition.
    for (const t of templates.filter((x) => /已经(由.*)?发出|已经打好单|收到您的付款|还没付款|已经签收|还没打单/.test(x.body))) {
      expect(t.orders, t.id).toBeDefined();
    }
  });

  it('has a reply true at any order stage for every situation, so a chosen situation always shows one', () => {
    // 延迟发货 and 合并发货 had replies for an unshipped order only: chosen for a shipped buyer, no card.
    for (const id of SCENARIO_IDS.filter((x) => x !== 'other')) {
      expect(templates.some((t) => t.scenarios.includes(id) && !t.orders), id).toBe(true);
    }
  });

  it('survives its own export and import unchanged', () => {
    const r = parseLibraryImport(JSON.parse(JSON.stringify(exportLibrary(STARTER_LIBRARY))));
    expect(r.ok && r.library).toEqual(STARTER_LIBRARY);
  });
});
