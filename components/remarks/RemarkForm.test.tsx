// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRESET_A, PRESET_B, type RuleSet } from '../../lib/domain/remarks';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { setLocale } from '../../lib/i18n';
import { RemarkForm, type RemarkFormProps } from './RemarkForm';
import { check, click, mount, type } from './testing';

const now = new Date(Date.UTC(2026, 10, 23, 2)); // 2026-11-23 10:00 in Beijing, the shop's zone
let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  setLocale('zh-CN');
});

function setup(extra: Partial<RemarkFormProps> = {}, ruleSet: RuleSet = PRESET_A) {
  const onUseText = vi.fn();
  const m = mount(
    <RemarkForm ruleSet={ruleSet} flag="purple" platform="taobao" agent="张三" now={now} zone={480} previousRemark="" onUseText={onUseText} {...extra} />,
  );
  cleanup = m.unmount;
  const q = (sel: string) => m.root.querySelector(sel);
  return { root: m.root, q, onUseText };
}

describe('RemarkForm', () => {
  it('where the page\'s flag could not be read: says so, assumes no flag (not gray), and writes nothing until the agent picks one', () => {
    const { q, onUseText } = setup({ flag: null });
    expect(q('[data-kf="remark-flag-unread"]')?.textContent).toContain('读不出这单的旗帜');
    expect((q('[data-kf="remark-target"]') as HTMLSelectElement).value).toBe('');
    expect(q('[data-kf="remark-preview"]')).toBeNull();
    expect(q('[data-kf="remark-use"]')).toBeNull();
    expect(q('[data-kf="remark-meaning"]')).toBeNull();
    // Every flag is offered; the agent's pick gives that flag's form.
    const options = Array.from((q('[data-kf="remark-target"]') as HTMLSelectElement).options).map((o) => o.value);
    expect(options).toEqual(expect.arrayContaining(['gray', 'red', 'yellow', 'green', 'blue', 'purple']));
    const select = q('[data-kf="remark-target"]') as HTMLSelectElement;
    act(() => {
      select.value = 'purple';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(q('[data-kf="remark-meaning"]')?.textContent).toBe('【延迟发货】延迟发货或缺货');
    type(q('input[data-field="shipDate"]'), '2026-11-28');
    click(q('[data-kf="remark-use"]'));
    expect(onUseText).toHaveBeenCalledWith('【延迟发货】可发货日：2026-11-28｜张三 2026-11-23', '【延迟发货】可发货日：2026-11-28｜张三 2026-11-23', '');
  });

  it('says, in English too, when the box already ends with the line it would write, and then writes nothing', () => {
    setLocale('en');
    const line = '【延迟发货】可发货日：2026-11-28｜张三 2026-11-23';
    const { q, onUseText } = setup({ previousRemark: `缺货，晚点发\n${line}`, initial: { target: 'purple', values: { shipDate: '2026-11-28' } } });
    expect(q('[data-kf="remark-in-box"]')?.textContent).toBe('This line is now the last line of the remark box: save it on the page. Clicking again would not write it twice; change the fields above to add a new line under it.');
    expect(q('[data-kf="remark-use"]')?.textContent).toBe('In the remark box');
    click(q('[data-kf="remark-use"]'));
    expect(onUseText).not.toHaveBeenCalled();
    cleanup?.();
    // Where the flag was not read, the box's length is still shown, once.
    const unread = setup({ flag: null, previousRemark: '缺货' });
    expect(Array.from(unread.root.querySelectorAll('[data-kf="remark-length"]')).map((e) => e.textContent)).toEqual(['6 / 1000 bytes']);
  });

  it('starts with what the agent had typed on this order before an update, its ship date too; a kind the order no longer offers starts empty', () => {
    const { q } = setup({ initial: { target: 'purple', values: { shipDate: '2026-11-28', reason: '等面料到货', note: 'not a field of this rule' } } });
    expect((q('input[data-field="shipDate"]') as HTMLInputElement).value).toBe('2026-11-28');
    expect((q('input[data-field="reason"]') as HTMLInputElement).value).toBe('等面料到货');
    expect(q('[data-kf="remark-preview"]')?.textContent).toBe('【延迟发货】可发货日：2026-11-28｜原因：等面料到货｜张三 2026-11-23');
    cleanup?.();
    // The order's flag changed meanwhile: the old form's fields are not this flag's.
    const other = setup({ flag: 'red', initial: { target: 'purple', values: { shipDate: '2026-11-28' } } });
    expect(other.q('[data-kf="remark-form"]')?.getAttribute('data-target')).toBe('red');
    expect(other.q('input[data-field="shipDate"]')).toBeNull();
  });

  it("shows the flag's meaning and its fields, required ones marked", () => {
    const { q, root } = setup();
    expect(q('[data-kf="remark-meaning"]')?.textContent).toBe('【延迟发货】延迟发货或缺货');
    expect(q('input[data-field="shipDate"]')?.getAttribute('type')).toBe('date');
    expect(q('input[data-field="shipDate"]')?.getAttribute('min')).toBe('2026-11-23');
    expect(root.querySelectorAll('.kf-rm-req')).toHaveLength(1);
  });

  it('blocks a purple remark without a ship date and says why', () => {
    const { q } = setup();
    expect(q('[data-kf="remark-problems"]')?.textContent).toContain('可发货日');
    expect((q('[data-kf="remark-use"]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('writes the remark live as the agent fills the form', () => {
    const { q } = setup();
    type(q('input[data-field="shipDate"]'), '2026-11-28');
    type(q('input[data-field="reason"]'), '缺货');
    expect(q('[data-kf="remark-preview"]')?.textContent).toBe('【延迟发货】可发货日：2026-11-28｜原因：缺货｜张三 2026-11-23');
    expect(q('[data-kf="remark-problems"]')).toBeNull();
    expect(q('[data-kf="remark-length"]')?.textContent).toBe(`${new TextEncoder().encode('【延迟发货】可发货日：2026-11-28｜原因：缺货｜张三 2026-11-23').length} / 1000 字节`);
  });

  it('keeps a 原因 longer than 100 characters whole and says by how much it is over, offering nothing to use until it is shortened', () => {
    const { q, onUseText } = setup();
    const long = '仓库说这个颜色要等下一批货'.repeat(12).slice(0, 150);
    type(q('input[data-field="shipDate"]'), '2026-11-28');
    type(q('input[data-field="reason"]'), long);
    expect((q('input[data-field="reason"]') as HTMLInputElement).value).toBe(long);
    expect(q('input[data-field="reason"]')?.hasAttribute('maxlength')).toBe(false);
    expect(q('[data-kf="remark-field-too-long"]')?.textContent).toBe('原因最多 100 字，现在 150 字（多 50 字）：文字都还在，请缩短后再用。');
    expect((q('[data-kf="remark-use"]') as HTMLButtonElement).disabled).toBe(true);
    click(q('[data-kf="remark-use"]'));
    expect(onUseText).not.toHaveBeenCalled();
    type(q('input[data-field="reason"]'), long.slice(0, 100));
    expect(q('[data-kf="remark-field-too-long"]')).toBeNull();
    click(q('[data-kf="remark-use"]'));
    expect(onUseText).toHaveBeenCalledWith(expect.stringContaining(`原因：${long.slice(0, 100)}｜`), expect.any(String), '');
  });

  it('hands over the whole remark, earlier lines kept, on "use this remark"', () => {
    const { q, onUseText } = setup({ previousRemark: '老客户 李四 11/20' });
    expect(q('.kf-rm-meta')?.textContent).toContain('1 条');
    type(q('input[data-field="shipDate"]'), '2026-11-28');
    click(q('[data-kf="remark-use"]'));
    expect(onUseText).toHaveBeenCalledWith(
      '老客户 李四 11/20\n【延迟发货】可发货日：2026-11-28｜张三 2026-11-23',
      '【延迟发货】可发货日：2026-11-28｜张三 2026-11-23',
      '老客户 李四 11/20',
    );
  });

  it('warns of a ship date the shop does not ship on, names the next shipping day and takes it in one click', () => {
    // Closed on Sundays and on Monday 2026-11-30: Sunday the 29th ships on Tuesday, December 1.
    const { q } = setup({ noShip: { weekdays: [0], dates: [{ from: '2026-11-30', to: '2026-11-30' }] } });
    type(q('input[data-field="shipDate"]'), '2026-11-29');
    expect(q('[data-kf="remark-no-ship-date"]')?.textContent).toBe(
      '2026-11-29（周日）店铺不发货（店铺设置里的不发货日），这天发不出去：请改成下一个发货日 2026-12-01（周二）。 改成 2026-12-01',
    );
    click(q('[data-kf="remark-no-ship-next"]'));
    expect((q('input[data-field="shipDate"]') as HTMLInputElement).value).toBe('2026-12-01');
    expect(q('[data-kf="remark-preview"]')?.textContent).toBe('【延迟发货】可发货日：2026-12-01｜张三 2026-11-23');
    expect(q('[data-kf="remark-no-ship-date"]')).toBeNull();
    // A shipping day says nothing.
    type(q('input[data-field="shipDate"]'), '2026-11-28');
    expect(q('[data-kf="remark-no-ship-date"]')).toBeNull();
  });

  it('says the same in English, and nothing for a shop that ships every day', () => {
    setLocale('en');
    const { q } = setup({ noShip: { weekdays: [0], dates: [] } });
    type(q('input[data-field="shipDate"]'), '2026-11-29');
    expect(q('[data-kf="remark-no-ship-date"]')?.textContent).toBe(
      'The shop does not ship on 2026-11-29 (Sunday; a day off in the shop settings), so nothing goes out then: change it to the next shipping day, 2026-11-30 (Monday). Use 2026-11-30',
    );
    cleanup?.();
    const every = setup();
    type(every.q('input[data-field="shipDate"]'), '2026-11-29');
    expect(every.q('[data-kf="remark-no-ship-date"]')).toBeNull();
  });

  it('blocks a ship date that has passed, saying what to write', () => {
    const { q } = setup();
    type(q('input[data-field="shipDate"]'), '2026-11-22');
    expect(q('[data-kf="remark-problems"]')?.textContent).toContain('请写今天或以后的日期');
  });

  it('asks for a supervisor above the 20 yuan discount limit (preset B yellow)', () => {
    const { q } = setup({ flag: 'yellow' }, PRESET_B);
    type(q('input[data-field="discount"]'), '30');
    expect(q('[data-kf="remark-problems"]')?.textContent).toContain('主管同意');
    type(q('input[data-field="supervisor"]'), '王五');
    expect(q('[data-kf="remark-preview"]')?.textContent).toBe('【改价】改价金额：30元｜主管同意：王五｜张三 2026-11-23');
  });

  it('rejects a changed phone that is neither a mainland mobile nor a landline, and says what both look like', () => {
    const { q } = setup({ flag: 'yellow' });
    type(q('input[data-field="phone"]'), '12345678901');
    expect(q('[data-kf="remark-problems"] [data-field="phone"]')?.textContent).toContain('手机写 11 位');
    expect(q('[data-kf="remark-problems"] [data-field="phone"]')?.textContent).toContain('021-12345678');
  });

  it('records a landline as the new phone', () => {
    const { q } = setup({ flag: 'yellow' });
    type(q('input[data-field="phone"]'), '0755 1234567 转8001');
    expect(q('[data-kf="remark-problems"]')).toBeNull();
    expect(q('[data-kf="remark-preview"]')?.textContent).toBe('【信息变更】新电话：0755-1234567转8001｜张三 2026-11-23');
  });

  it('reads a discount typed in full width through a Chinese IME', () => {
    const { q } = setup({ flag: 'red' });
    type(q('input[data-field="discount"]'), '２５');
    expect(q('[data-kf="remark-problems"]')?.textContent).not.toContain('必须是大于 0 的金额');
    expect(q('[data-kf="remark-problems"]')?.textContent).toContain('优惠 25 元超过客服可自行处理的额度');
    type(q('input[data-field="discount"]'), '１２．５');
    expect(q('[data-kf="remark-preview"]')?.textContent).toBe('【已核对可发货】优惠：12.5元｜张三 2026-11-23');
  });

  it('blocks a merge of a single order, or of the same order twice, and says why', () => {
    const { q } = setup({ flag: 'blue' });
    type(q('input[data-field="buyers"]'), '小明');
    for (const orders of ['3709981726354019283', '3709981726354019283/3709981726354019283']) {
      type(q('input[data-field="orders"]'), orders);
      expect(q('[data-kf="remark-problems"] [data-field="orders"]')?.textContent).toContain('至少要写两个不同的订单号');
      expect((q('[data-kf="remark-use"]') as HTMLButtonElement).disabled).toBe(true);
    }
    type(q('input[data-field="orders"]'), '3709981726354019283、3709981726354019284');
    expect(q('[data-kf="remark-preview"]')?.textContent).toBe('【合并发货】合并订单：3709981726354019283/3709981726354019284｜买家：小明｜张三 2026-11-23');
  });

  it('blocks an exchange with both a top-up and a refund of the price difference', () => {
    const { q } = setup({ flag: 'green' });
    type(q('select[data-field="kind"]'), '换货');
    type(q('input[data-field="fromStyle"]'), '驼色');
    type(q('input[data-field="toStyle"]'), '灰色');
    type(q('input[data-field="priceDiffIn"]'), '10');
    type(q('input[data-field="priceDiffOut"]'), '5');
    expect(q('[data-kf="remark-problems"]')?.textContent).toContain('补差价和退差价只能填一项');
    expect((q('[data-kf="remark-use"]') as HTMLButtonElement).disabled).toBe(true);
    type(q('input[data-field="priceDiffOut"]'), '');
    expect(q('[data-kf="remark-preview"]')?.textContent).toBe('【退换货】类型：换货｜原款：驼色｜换款：灰色｜补差价：10元｜张三 2026-11-23');
  });

  it('green: a return asks only what a return needs, 原因 right after 类型; an exchange field typed before is not written, and comes back with 换货', () => {
    const { q, root, onUseText } = setup({ flag: 'green' });
    const fields = () => [...root.querySelectorAll('.kf-rm-field [data-field]')].map((e) => e.getAttribute('data-field'));
    type(q('select[data-field="kind"]'), '换货');
    type(q('input[data-field="toStyle"]'), '灰色L');
    type(q('select[data-field="kind"]'), '退货');
    // In the order she fills them (Tab from 类型 lands on 原因): no 换款, 补差价, 退差价.
    expect(fields()).toEqual(['kind', 'reason', 'fromStyle', 'postage']);
    type(q('input[data-field="reason"]'), '不想要了');
    expect(q('[data-kf="remark-preview"]')?.textContent).toBe('【退换货】类型：退货｜原因：不想要了｜张三 2026-11-23');
    click(q('[data-kf="remark-use"]'));
    expect(onUseText).toHaveBeenCalledWith('【退换货】类型：退货｜原因：不想要了｜张三 2026-11-23', '【退换货】类型：退货｜原因：不想要了｜张三 2026-11-23', '');
    // Back to 换货: its fields again, in the rule's order, with what she had typed in them.
    type(q('select[data-field="kind"]'), '换货');
    expect(fields()).toEqual(['kind', 'fromStyle', 'toStyle', 'priceDiffIn', 'priceDiffOut', 'postage', 'reason']);
    expect((q('input[data-field="toStyle"]') as HTMLInputElement).value).toBe('灰色L');
  });

  it('switches to an after-sale record with yes/no selects', () => {
    const { q, root } = setup({ flag: 'green' });
    type(q('[data-kf="remark-target"]'), 'quality-exchange');
    expect(root.querySelector('[data-kf="remark-form"]')?.getAttribute('data-target')).toBe('quality-exchange');
    expect(q('select[data-field="refunded"]')).not.toBeNull();
    type(q('input[data-field="defect"]'), '袖口开线');
    type(q('input[data-field="fromStyle"]'), '白色M');
    type(q('input[data-field="toStyle"]'), '白色L');
    type(q('input[data-field="postage"]'), '12');
    type(q('select[data-field="refunded"]'), '否');
    type(q('select[data-field="recorded"]'), '是');
    expect(q('[data-kf="remark-preview"]')?.textContent).toBe('【质量换货】质量问题：袖口开线｜退回款式：白色M｜换款式：白色L｜运费：12元｜已退运费：否｜已登记：是｜张三 2026-11-23');
  });

  it('gives the after-sale examples for goods other than clothes too, from the stored preset as it is; a help the shop wrote shows as written', () => {
    const helps = (root: Element) => [...root.querySelectorAll('.kf-rm-help')].map((e) => e.textContent);
    const first = setup({ flag: 'green' });
    type(first.q('[data-kf="remark-target"]'), 'quality-exchange');
    expect(helps(first.root)).toContain('例如：袖口开线、外壳磕碰、包装破损');
    // The checker's message for the empty field gives the same examples.
    expect(first.q('[data-kf="remark-problems"]')?.textContent).toContain('（例如：袖口开线、外壳磕碰、包装破损）：请写');
    type(first.q('[data-kf="remark-target"]'), 'nonquality-exchange');
    expect(helps(first.root)).toContain('买家的原因，例如：尺码偏小、拍错规格、不想要了');
    cleanup?.();
    // What the stored rule set says is untouched: the preset field as it always was.
    const stored = PRESET_A.records['quality-exchange'].fields.find((f) => f.key === 'defect')!;
    expect(stored.help).toBe('例如：袖口开线');

    const own: RuleSet = structuredClone(PRESET_A);
    own.records['quality-exchange'].fields.find((f) => f.key === 'defect')!.help = '例如：茶叶受潮';
    const mine = setup({ flag: 'green' }, own);
    type(mine.q('[data-kf="remark-target"]'), 'quality-exchange');
    expect(helps(mine.root)).toContain('例如：茶叶受潮');
  });

  it('says a gray remark in A will say 无效订单, and writes it', () => {
    const { q, root } = setup({ flag: 'gray' });
    expect(root.textContent).toContain('备注会写明“无效订单”');
    expect(q('[data-kf="remark-preview"]')?.textContent).toBe('【无效订单】张三 2026-11-23');
  });

  it('counts characters on JD and bytes on Taobao', () => {
    const jd = setup({ flag: 'red', platform: 'jd' });
    expect(jd.q('[data-kf="remark-length"]')?.textContent).toBe(`${'【已核对可发货】张三 2026-11-23'.length} / 500 字`);
    cleanup?.();
    const tb = setup({ flag: 'red', platform: 'taobao' });
    expect(tb.q('[data-kf="remark-length"]')?.textContent).toBe('41 / 1000 字节'); // 10 CJK × 3 bytes + 11 ASCII
  });

  it("never drops a colleague's remark unasked: over the limit, use is blocked and says by how much", () => {
    // QA: a 969-byte address change by 阿杰, then a new phone number.
    const colleague = `改地址：上海市浦东新区张江路88号 客服阿杰 11/22；${'买家要求周末送货，电话先联系，'.repeat(20)}`;
    const { q, onUseText } = setup({ flag: 'yellow', previousRemark: colleague });
    type(q('input[data-field="phone"]'), '13812345678');
    const line = '【信息变更】新电话：13812345678｜张三 2026-11-23';
    const total = new TextEncoder().encode(`${colleague}\n${line}`).length;
    const notice = q('[data-kf="remark-limit-notice"]')?.textContent ?? '';
    expect(notice).toContain(`多 ${total - 1000} 字节`);
    expect(notice).toContain('不会自动删去');
    expect(notice).toContain('缩短这条也放不下'); // 30 bytes left: less than any yellow line
    expect(notice).not.toContain('已删去');
    expect(q('[data-kf="remark-keeps"]')?.textContent).toBe('会保留之前的 1 条备注');
    expect(q('[data-kf="remark-length"]')?.textContent).toBe(`${total} / 1000 字节`);
    expect((q('[data-kf="remark-use"]') as HTMLButtonElement).disabled).toBe(true);
    click(q('[data-kf="remark-use"]'));
    expect(onUseText).not.toHaveBeenCalled();
    // The line that would have to go is named, and is only dropped when the agent says so.
    expect(q('[data-kf="remark-drop"]')?.textContent).toContain('删去下面最早的 1 条备注');
    expect(q('[data-kf="remark-drop-lines"]')?.textContent).toContain('改地址：上海市浦东新区张江路88号 客服阿杰');
    expect((q('[data-kf="remark-drop-oldest"]') as HTMLInputElement).checked).toBe(false);
  });

  it('drops the oldest lines only once the agent ticks it, and then says so consistently', () => {
    const old = ['第一条' + '好'.repeat(250), '第二条' + '好'.repeat(100)].join('\n');
    const { q, onUseText } = setup({ flag: 'red', previousRemark: old });
    expect((q('[data-kf="remark-use"]') as HTMLButtonElement).disabled).toBe(true);
    check(q('[data-kf="remark-drop-oldest"]'), true);
    expect(q('[data-kf="remark-limit-notice"]')?.textContent).toContain('按你的选择，删去最早的 1 条备注');
    expect(q('[data-kf="remark-keeps"]')?.textContent).toBe('会保留之前的 1 条备注，删去最早的 1 条');
    click(q('[data-kf="remark-use"]'));
    expect(onUseText.mock.calls[0]?.[0]).toBe(`第二条${'好'.repeat(100)}\n【已核对可发货】张三 2026-11-23`);
  });

  it('asks again when a longer line would need more lines dropped than the agent agreed to', () => {
    // 第一条 = 231 bytes, 第二条 = 729 bytes: the 41-byte red line fits once the first is dropped.
    const old = ['第一条' + '好'.repeat(74), '第二条' + '好'.repeat(240)].join('\n');
    const { q } = setup({ flag: 'red', previousRemark: old });
    check(q('[data-kf="remark-drop-oldest"]'), true);
    expect((q('[data-kf="remark-use"]') as HTMLButtonElement).disabled).toBe(false);
    type(q('input[data-field="note"]'), '买'.repeat(90));
    expect(q('[data-kf="remark-drop"]')?.textContent).toContain('删去下面最早的 2 条备注');
    expect((q('[data-kf="remark-drop-oldest"]') as HTMLInputElement).checked).toBe(false);
    expect((q('[data-kf="remark-use"]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks again for consent to drop once the box changes: the lines named are no longer the same', () => {
    const old = ['第一条' + '好'.repeat(250), '第二条' + '好'.repeat(100)].join('\n');
    const onUseText = vi.fn();
    const form = (previousRemark: string, boxChanged = false) => (
      <RemarkForm ruleSet={PRESET_A} flag="red" platform="taobao" agent="张三" now={now} zone={480} previousRemark={previousRemark} boxChanged={boxChanged} onUseText={onUseText} />
    );
    const m = mount(form(old));
    cleanup = m.unmount;
    const q = (sel: string) => m.root.querySelector(sel);
    check(q('[data-kf="remark-drop-oldest"]'), true);
    expect((q('[data-kf="remark-use"]') as HTMLButtonElement).disabled).toBe(false);
    expect(q('[data-kf="remark-box-changed"]')).toBeNull();
    // The agent types a line into the page's box: the form re-renders on the box's input event.
    const typed = `${old}\n买家说周五前送到`;
    act(() => render(form(typed, true), m.root));
    expect((q('[data-kf="remark-drop-oldest"]') as HTMLInputElement).checked).toBe(false);
    expect((q('[data-kf="remark-use"]') as HTMLButtonElement).disabled).toBe(true);
    expect(q('[data-kf="remark-box-changed"]')?.textContent).toBe('备注框打开后有改动：这条备注会接在框里现在的内容后面。');
    check(q('[data-kf="remark-drop-oldest"]'), true);
    click(q('[data-kf="remark-use"]'));
    expect(onUseText).toHaveBeenCalledWith(`第二条${'好'.repeat(100)}\n买家说周五前送到\n【已核对可发货】张三 2026-11-23`, '【已核对可发货】张三 2026-11-23', typed);
  });

  it('lets a shortened new line through with every earlier line kept', () => {
    const old = '第一条' + '好'.repeat(300); // 909 bytes: room for 90 more
    const { q, onUseText } = setup({ flag: 'red', previousRemark: old });
    type(q('input[data-field="note"]'), '买'.repeat(30));
    expect((q('[data-kf="remark-use"]') as HTMLButtonElement).disabled).toBe(true);
    expect(q('[data-kf="remark-limit-notice"]')?.textContent).toContain('请把这条缩短到 90 字节以内');
    type(q('input[data-field="note"]'), '');
    expect(q('[data-kf="remark-limit-notice"]')).toBeNull();
    click(q('[data-kf="remark-use"]'));
    expect(onUseText.mock.calls[0]?.[0]).toBe(`${old}\n【已核对可发货】张三 2026-11-23`);
  });

  it('renders values typed by the agent as text, never as HTML', () => {
    const { q } = setup({ flag: 'red' });
    type(q('input[data-field="note"]'), '<img src=x onerror=alert(1)>');
    expect(q('[data-kf="remark-preview"] img')).toBeNull();
    expect(q('[data-kf="remark-preview"]')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('speaks English when the locale is English', () => {
    setLocale('en');
    const { q } = setup();
    expect(q('[data-kf="remark-use"]')?.textContent).toBe('Use this remark');
    expect(q('[data-kf="remark-problems"]')?.textContent).toContain('missing the required field');
  });

  it('shows the rules in English in the English interface, and still writes the shop’s Chinese remark with ：', () => {
    setLocale('en');
    const { q, root } = setup({ flag: 'yellow' });
    const labels = [...root.querySelectorAll('.kf-rm-field > span:first-child')].map((e) => e.textContent);
    expect(labels).toEqual(['New address', 'New recipient', 'New phone', 'New courier', 'Note']);
    expect(q('[data-kf="remark-target"] option')?.textContent).toBe('Remark for the yellow flag (Details changed)');
    // The bracketed title is what the line starts with: Chinese, as written; the meaning is English.
    expect(q('[data-kf="remark-meaning"]')?.textContent).toBe('【信息变更】 Address, recipient, phone or courier changed, or parts sent to different addresses');
    expect([...root.querySelectorAll('.kf-rm-help')].map((e) => e.textContent)).toContain('A mobile of 11 digits, or a landline as area code-number (e.g. 021-12345678)');
    const ui = [...root.querySelectorAll('.kf-rm-field, [data-kf="remark-target"], h3')].map((e) => e.textContent).join(' ');
    expect(ui).not.toMatch(/[\u4e00-\u9fff]/);
    type(q('input[data-field="address"]'), '北京市朝阳区建国路1号');
    expect(q('[data-kf="remark-preview"]')?.textContent).toBe('【信息变更】新地址：北京市朝阳区建国路1号｜张三 2026-11-23');
  });

  // walk8: the English form said "Keeps the 1 earlier remark line(s)" under a colleague's one line on
  // the Taobao memo page, and "Remove the 1 oldest remark line(s)".
  it('counts the earlier remark lines it keeps or removes in plain English, one line or several', () => {
    setLocale('en');
    const one = setup({ flag: 'red', previousRemark: '改地址：上海市浦东新区张江路88号 客服阿杰 11/22' });
    expect(one.q('[data-kf="remark-keeps"]')?.textContent).toBe('Keeps the earlier remark line');
    cleanup?.();
    const two = setup({ flag: 'red', previousRemark: '第一条\n第二条' });
    expect(two.q('[data-kf="remark-keeps"]')?.textContent).toBe('Keeps the 2 earlier remark lines');
    cleanup?.();
    const full = setup({ flag: 'red', previousRemark: ['第一条' + '好'.repeat(250), '第二条' + '好'.repeat(100)].join('\n') });
    expect(full.q('[data-kf="remark-drop"]')?.textContent).toContain('Remove the oldest remark line below to make room:');
    check(full.q('[data-kf="remark-drop-oldest"]'), true);
    expect(full.q('[data-kf="remark-keeps"]')?.textContent).toBe('Keeps 1 earlier remark line and removes the oldest');
    expect(full.root.textContent).not.toContain('(s)');
  });

  it('shows a label the shop wrote itself as written, in either language (it has no English)', () => {
    setLocale('en');
    const own: RuleSet = structuredClone(PRESET_A);
    own.flags.purple.fields = own.flags.purple.fields.map((f) => (f.key === 'reason' ? { ...f, label: '缺货原因' } : f));
    const { root } = setup({}, own);
    const labels = [...root.querySelectorAll('.kf-rm-field > span:first-child')].map((e) => e.textContent);
    expect(labels).toEqual(['Ship date*', '缺货原因']);
  });
});
