import { describe, expect, it } from 'vitest';
import { STARTER_LIBRARY } from '../templates/starter';
import { activeRules, checkReply, isBlocking, rewriteReply } from './check';
import { BUILT_IN_RULES } from './rules';
import type { GuardCategory, GuardPlatform } from './types';

const check = (text: string, platform: GuardPlatform = 'pdd') => checkReply(text, { platform });
const categories = (text: string, platform: GuardPlatform = 'pdd') => check(text, platform).map((f) => f.category);

function expectCaught(category: GuardCategory, texts: string[], platform: GuardPlatform = 'pdd') {
  for (const text of texts) expect(categories(text, platform), text).toContain(category);
}
function expectClean(texts: string[], platform: GuardPlatform = 'pdd') {
  for (const text of texts) expect(check(text, platform).map((f) => `${f.ruleId}:${f.words}`), text).toEqual([]);
}

describe('off-platform contact (导流)', () => {
  it('catches WeChat in its letter spellings and homophones, however it is spaced', () => {
    expectCaught('off-platform', ['加我vx', '加我VX：abc123', '加我 V X', '有事v.x联系', '加ｖｘ', 'wx:kefu88', '我的wechat是abc', '加我薇信', '威信同号', '微❤：abc', 'V信搜一下', '加v私聊', '+v 发图']);
  });

  it('catches WeChat named plainly when the buyer is asked to add or search it', () => {
    expectCaught('off-platform', ['可以加微信kefu123', '加一下我微信', '添加微信发图给您', '微信号：shop_2026', '微信联系更方便', '搜我微信就行']);
  });

  it('catches QQ, 扣扣 and QQ numbers', () => {
    expectCaught('off-platform', ['扣扣123456', '加我QQ', 'QQ号 88776655', 'qq:12345678', '抠抠联系', '企鹅号发您了']);
  });

  it('holds the shop’s own phone number and warns on any mobile number, also in Chinese numerals', () => {
    expect(check('有问题打我电话13812345678')).toMatchObject([{ ruleId: 'contact-phone-own', severity: 'block' }]);
    expect(check('客服手机 138-1234-5678')).toMatchObject([{ ruleId: 'contact-phone-own', severity: 'block' }]);
    expect(check('您的新号码13812345678已经改好了')).toMatchObject([{ ruleId: 'contact-phone-number', severity: 'warn', words: '13812345678' }]);
    expectCaught('off-platform', ['号码是一三八一二三四五六七八', '幺三九 零零零零 一一一一']);
  });

  it('catches QR codes, outside links and private deals', () => {
    expectCaught('off-platform', ['扫码加我', '给您发个二维码', 'https://abc.xyz/a 看这里', '去 www.shop-abc.com 下单', '私下交易更便宜', '直接转账给我就行', '不走平台可以便宜20']);
  });

  it('leaves the platform’s own links alone, per platform', () => {
    expectClean(['链接：https://mobile.yangkeduo.com/goods.html?id=1'], 'pdd');
    expectClean(['链接 https://item.jd.com/100002248126.html'], 'jd');
    expectCaught('off-platform', ['链接 https://item.jd.com/100002248126.html'], 'pdd');
  });

  it('warns on naming another platform, but not on the JD courier', () => {
    expectCaught('off-platform', ['淘宝上更便宜', '抖音直播间有券'], 'pdd');
    expectClean(['给您发京东快递，明天到', '顺丰和京东物流都可以'], 'pdd');
    expectClean(['淘宝上更便宜'], 'taobao');
  });
});

describe('in-platform private chat and real off-platform contact', () => {
  it('leaves 私聊我 alone: a private chat in the platform’s own messenger is not leaving it', () => {
    expectClean(['您可以私聊我，我帮您看看', '有问题随时私聊我哦'], 'taobao');
  });

  it('still holds WeChat, vx, QQ, private transfers and adding as a friend', () => {
    for (const text of ['私聊我加微信发图', '加我vx吧', '私聊我QQ', 'QQ号 778899', '私下转账给我就行', '加我好友私聊'])
      expect(isBlocking(check(text, 'taobao')), text).toBe(true);
  });
});

describe('cash for reviews (好评返现)', () => {
  it('catches rewards for good reviews in their common forms', () => {
    expectCaught('cash-for-review', ['好评返现5元', '五星好评返2元红包', '晒图好评送小礼品', '带图评价返现哦', '给个好评领红包', '追评后返三元', '好评卡在包裹里', '返现10元，晒图好评后找客服', '评价后送优惠券']);
  });

  it('catches money handed back for a review: 领取N元, 退您N元, 返您N元, 拿N块, a discount next time', () => {
    for (const text of ['好评后联系客服领取5元', '改成好评我退您10元', '五星好评截图发我返您3元', '追评带图找客服拿2块', '给个好评下次给您优惠', '晒图评价后下次来给你打折'])
      expect(isBlocking(check(text, 'taobao')) && categories(text, 'taobao').includes('cash-for-review'), text).toBe(true);
  });

  it('catches a bad review removed or changed first, then paid for', () => {
    expectCaught('cash-for-review', ['差评删了给您退10块', '中评撤掉的话给您补偿', '差评能改一下吗，改了补您8块'], 'taobao');
  });

  it('leaves ordinary review talk alone', () => {
    expectClean(['感谢您的好评，期待下次光临～', '有问题先联系我们，别急着给差评哦', '感谢您的好评，下次来还给您优惠哦', '差评我们都会认真看，问题一定给您解决', '这单给您优惠10元～收到满意记得五星好评', '评价可以在订单页修改，退款我们也尽快给您办'], 'taobao');
  });

  it('catches compensation tied to removing a bad review', () => {
    expectCaught('cash-for-review', ['麻烦您删一下差评，给您补偿10元', '给您红包，改一下评价好吗']);
  });

  it('does not flag an honest request for a review', () => {
    expectClean(['满意的话给个五星好评哦', '如果您对我的服务满意，请用五星奖励我们', '配送很快，收到给个好评呀', '差评是因为送货慢吗']);
  });
});

describe('absolute claims (极限词)', () => {
  it('catches best / number one / national-grade claims', () => {
    expectCaught('absolute-claim', ['这是全网最好的面料', '质量是最好的', '全网最低价', '销量第一', '行业第一品牌', '国家级工艺', '顶级做工', 'NO.1 的选择']);
  });

  it('does not flag the ordinary 最好 and 第一', () => {
    expectClean(['您最好先拍照给我们', '这是卖得最好的颜色', '最好的办法是先退回', '第一次购买吗', '第一时间给您发货', '第一件半价', '收到第一步先验货']);
  });
});

describe('curt dismissals', () => {
  it('catches 你自己看, a bare 不知道 and talking back', () => {
    expectCaught('curt', ['你自己看吧', '详情页有，自己看去', '不知道', '这个我也不清楚。', '爱买不买', '说了多少遍了']);
  });

  it('does not flag polite hedges and ordinary questions', () => {
    expectClean(['不知道您方便什么时候收货呢？', '您还有什么不清楚的？', '您可以在订单页面自己查看物流哦', '没关系，我帮您看看']);
  });
});

describe('no false alarm on the starter library', () => {
  it('raises nothing on any starter template, on every platform', () => {
    for (const p of ['taobao', 'jd', 'pdd', 'douyin', 'kuaishou', 'any'] as const) {
      for (const t of STARTER_LIBRARY.templates) {
        expect(check(t.title, p), `${p} ${t.id} title`).toEqual([]);
        expect(check(t.body, p).map((f) => f.words), `${p} ${t.id}`).toEqual([]);
      }
    }
  });
});

describe('findings and rewrites', () => {
  it('names the words as the agent wrote them, with where they are', () => {
    const text = '亲，加我 V X 发您图';
    const [f] = check(text);
    expect(f).toMatchObject({ category: 'off-platform', severity: 'block', words: 'V X' });
    expect(text.slice(f!.start, f!.end)).toBe('V X');
    expect(f!.reason.zh).toMatch(/导流/);
    expect(isBlocking(check(text))).toBe(true);
    expect(isBlocking(check('这是全网最好的面料'))).toBe(false);
  });

  it('keeps the greeting before the rewritten clause', () => {
    const text = '亲，加我微信 kefu_2026 发您实拍图';
    expect(rewriteReply(text, check(text))).toBe('亲，有什么问题直接在这里留言就好，我会一直在线为您处理～');
  });

  it('rewrites the offending sentence and keeps the rest; the result is clean', () => {
    const text = '亲，尺码偏小一码。加我vx发您实拍图！';
    const out = rewriteReply(text, check(text));
    expect(out.startsWith('亲，尺码偏小一码。')).toBe(true);
    expect(out).not.toMatch(/vx/i);
    expect(check(out)).toEqual([]);
  });

  it('rewrites an absolute claim word by word', () => {
    expect(rewriteReply('这是全网最好的面料，销量第一', check('这是全网最好的面料，销量第一'))).toBe('这是很好的面料，很受欢迎');
    expect(rewriteReply('国家级工艺', check('国家级工艺'))).toBe('优质工艺');
  });

  it('merges two findings in one sentence into one rewrite', () => {
    const text = '好评返现，加我微信领';
    const out = rewriteReply(text, check(text));
    expect(check(out)).toEqual([]);
    expect(out).not.toMatch(/返现|微信/);
  });

  it('leaves warnings without a rewrite as they are', () => {
    const text = '您的新号码13812345678已经改好了';
    expect(rewriteReply(text, check(text))).toBe(text);
  });
});

describe('shop rules and switched-off rules', () => {
  it('checks the shop’s own words, normalised like replies, with its reason and replacement', () => {
    const rules = activeRules({ v: 1, disabled: [], rules: [{ id: 's1', words: ['包邮到家', 'ZB'], severity: 'block', platforms: ['any'], reason: '本店不承诺包邮', replacement: '运费以页面为准' }] });
    const f = checkReply('买两件包 邮到家', { platform: 'jd', rules });
    expect(f).toMatchObject([{ category: 'custom', severity: 'block', words: '包 邮到家', reason: { zh: '本店不承诺包邮' } }]);
    expect(rewriteReply('买两件包邮到家', checkReply('买两件包邮到家', { platform: 'jd', rules }), rules)).toBe('买两件运费以页面为准');
    expect(checkReply('zb 有货', { platform: 'jd', rules })).toHaveLength(1);
    expect(checkReply('zbx 有货', { platform: 'jd', rules })).toHaveLength(0);
  });

  it('a switched-off rule raises nothing; the others still do', () => {
    const rules = activeRules({ v: 1, disabled: ['absolute-first'], rules: [] });
    expect(checkReply('销量第一', { platform: 'pdd', rules })).toEqual([]);
    expect(checkReply('国家级', { platform: 'pdd', rules })).toHaveLength(1);
  });

  it('a platform-only shop rule is silent elsewhere', () => {
    const rules = activeRules({ v: 1, disabled: [], rules: [{ id: 's2', words: ['秒发'], severity: 'warn', platforms: ['douyin'], reason: '抖音不许承诺秒发' }] });
    expect(checkReply('今天秒发', { platform: 'douyin', rules })).toHaveLength(1);
    expect(checkReply('今天秒发', { platform: 'pdd', rules })).toHaveLength(0);
  });
});

describe('rule set', () => {
  it('has unique ids, a label and reason in both languages, and only global patterns', () => {
    const ids = BUILT_IN_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of BUILT_IN_RULES) {
      expect(r.pattern.global, r.id).toBe(true);
      expect(r.label.zh && r.label.en && r.reason.zh && r.reason.en, r.id).toBeTruthy();
    }
  });

  it('covers every platform with an other-platform rule', () => {
    for (const p of ['taobao', 'jd', 'pdd', 'douyin', 'kuaishou']) expect(BUILT_IN_RULES.some((r) => r.platforms.includes(p as GuardPlatform) && r.category === 'off-platform')).toBe(true);
  });
});

describe('negations', () => {
  it('does not flag a reply that says the shop does not do it', () => {
    expectClean(['平台规定不允许好评返现', '我们不做好评返现', '请不要私下交易哦', '我们不加微信的，有事这里说']);
    expectCaught('cash-for-review', ['不客气，好评返现5元']);
  });
});
