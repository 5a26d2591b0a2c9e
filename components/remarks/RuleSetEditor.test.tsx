// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'preact/hooks';
import { FLAG_COLORS, PRESET_A, PRESET_B, type RemarkTarget, type RuleSet } from '../../lib/domain/remarks';
import { setLocale } from '../../lib/i18n';
import { RuleSetEditor } from './RuleSetEditor';
import { check, click, mount, type } from './testing';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  setLocale('zh-CN');
});

/** The editor as its owner (the options tab) uses it: the owner keeps the draft it reports. */
function Owner(props: { initial: RuleSet; onChange(r: RuleSet): void }) {
  const [value, setValue] = useState(props.initial);
  return (
    <RuleSetEditor
      value={value}
      onChange={(r) => {
        setValue(r);
        props.onChange(r);
      }}
    />
  );
}

/** The editor on `value`, turned to `on` (紫旗 by default: the rule these tests edit), or left where it opens (null). */
function setup(value: RuleSet = PRESET_A, on: RemarkTarget | null = 'purple') {
  const onChange = vi.fn<(r: RuleSet) => void>();
  const m = mount(<Owner initial={value} onChange={onChange} />);
  cleanup = m.unmount;
  const q = (s: string) => m.root.querySelector(s);
  if (on) type(q('[data-kf="editor-target"]'), on);
  const last = () => onChange.mock.calls.at(-1)?.[0] as RuleSet;
  return { root: m.root, q, onChange, last };
}

/** A copy of a rule set in which no flag requires anything: every remark would pass. */
function requiringNothing(base: RuleSet): RuleSet {
  const r = structuredClone(base);
  for (const rule of Object.values(r.flags)) {
    delete rule.atLeastOne;
    for (const f of rule.fields) {
      f.required = false;
      delete f.requiredWhen;
    }
  }
  return r;
}

describe('RuleSetEditor', () => {
  it('opens on 红旗, the first flag a shop marks orders with, not on 灰旗 (no flag / 无效订单) nor 紫旗 halfway down', () => {
    const at = (e: ReturnType<typeof setup>) => (e.q('[data-kf="editor-target"]') as HTMLSelectElement).value;
    for (const preset of [PRESET_A, PRESET_B]) {
      const e = setup(preset, null);
      expect(at(e)).toBe('red');
      expect((e.q('[data-kf="editor-title"]') as HTMLInputElement).value).toBe(preset.flags.red.title);
      cleanup?.();
    }
    // A flag the shop does not use is passed, as is one with nothing to check.
    const noRed = structuredClone(PRESET_A);
    noRed.flags.red.inUse = false;
    noRed.flags.yellow.fields = [];
    expect(at(setup(noRed, null))).toBe('green');
    cleanup?.();
    // A shop whose only rule is on 绿旗 opens there; one whose only rule is on 灰旗, on 灰旗.
    const only = structuredClone(PRESET_A);
    for (const c of ['gray', 'red', 'yellow', 'blue', 'purple'] as const) only.flags[c].fields = [];
    expect(at(setup(only, null))).toBe('green');
    cleanup?.();
    const gray = structuredClone(PRESET_A);
    for (const c of FLAG_COLORS.filter((x) => x !== 'gray')) gray.flags[c].fields = [];
    expect(at(setup(gray, null))).toBe('gray');
  });

  it('warns before saving a rule set in which every remark would be valid, and not otherwise', () => {
    const a = setup(PRESET_A);
    expect(a.q('[data-kf="editor-requires-nothing"]')).toBeNull();
    cleanup?.();
    const b = setup(requiringNothing(PRESET_A));
    expect(b.q('[data-kf="editor-requires-nothing"]')?.textContent).toContain('所有备注都会被判为合格');
    // Making one field of one flag required again removes the warning.
    type(b.q('[data-kf="editor-target"]'), 'purple');
    check(b.root.querySelector('[data-kf="field-required"]'), true);
    expect(b.q('[data-kf="editor-requires-nothing"]')).toBeNull();
  });

  it('switches to preset B', () => {
    const { q, last } = setup();
    click(q('[data-kf="preset-B"]'));
    expect(last()).toEqual(PRESET_B);
    expect(q('[data-kf="ruleset-name"]')?.textContent).toContain('方案B');
  });

  it("shows what each preset's colours mean beside its button, before anything is applied", () => {
    const { q, onChange } = setup();
    expect(q('[data-kf="preset-A-meaning"]')?.textContent).toBe('红=可发货 黄=改信息 绿=退换 蓝=合并 紫=延迟 灰=无效');
    expect(q('[data-kf="preset-B-meaning"]')?.textContent).toContain('黄=改价');
    // Announced with the button to a screen reader.
    expect(q('[data-kf="preset-B"]')?.getAttribute('aria-describedby')).toBe(q('[data-kf="preset-B-meaning"]')?.id);
    expect(onChange).not.toHaveBeenCalled();
    setLocale('en');
    cleanup?.();
    const en = setup();
    expect(en.q('[data-kf="preset-B-meaning"]')?.textContent).toContain('yellow = price change');
  });

  it('keeps the shop\'s money limits when a preset is applied', () => {
    const { q, last } = setup();
    type(q('[data-kf="limit-agentDiscountYuan"]'), '50');
    type(q('[data-kf="limit-postageYuan"]'), '12');
    click(q('[data-kf="preset-B"]'));
    expect(last().convention).toBe('B');
    expect(last().flags.yellow.title).toBe(PRESET_B.flags.yellow.title);
    expect(last().limits).toEqual({ agentDiscountYuan: 50, postageYuan: 12 });
    expect((q('[data-kf="limit-agentDiscountYuan"]') as HTMLInputElement).value).toBe('50');
  });

  it('asks before a preset replaces the shop\'s own edits, and keeps them when told not to', () => {
    const { q, last, onChange } = setup();
    type(q('[data-kf="editor-meaning"]'), '缺货，等补货');
    const calls = onChange.mock.calls.length;
    click(q('[data-kf="preset-B"]'));
    expect(onChange.mock.calls.length).toBe(calls);
    expect(q('[data-kf="preset-ask"]')?.textContent).toContain('换成方案B会丢掉你对各旗帜和售后记录的修改（售后限额保留）');
    click(q('[data-kf="preset-ask-keep"]'));
    expect(q('[data-kf="preset-ask"]')).toBeNull();
    expect(last().flags.purple.meaning).toBe('缺货，等补货');
    click(q('[data-kf="preset-B"]'));
    click(q('[data-kf="preset-ask-replace"]'));
    expect(last().convention).toBe('B');
    expect(q('[data-kf="preset-ask"]')).toBeNull();
  });

  it("edits a flag's meaning", () => {
    const { q, last } = setup();
    type(q('[data-kf="editor-meaning"]'), '缺货，等补货');
    expect(last().flags.purple.meaning).toBe('缺货，等补货');
    expect(last().convention).toBe('custom');
  });

  it('edits a field label, type and required', () => {
    const { q, root, last } = setup();
    type(q('[data-kf="editor-target"]'), 'yellow');
    const row = root.querySelector('tr[data-field="recipient"]');
    type(row?.querySelector('[data-kf="field-label"]') ?? null, '收件人');
    check(root.querySelector('tr[data-field="recipient"] [data-kf="field-required"]'), true);
    type(root.querySelector('tr[data-field="phone"] [data-kf="field-type"]'), 'text');
    const f = last().flags.yellow.fields;
    expect(f.find((x) => x.key === 'recipient')).toMatchObject({ label: '收件人', required: true });
    expect(f.find((x) => x.key === 'phone')?.type).toBe('text');
  });

  it('adds and removes fields on an after-sale record', () => {
    const { q, root, last } = setup();
    type(q('[data-kf="editor-target"]'), 'return');
    click(q('[data-kf="field-add"]'));
    expect(last().records.return.fields).toHaveLength(4);
    click(root.querySelector('tr[data-field="style"] [data-kf="field-remove"]'));
    expect(last().records.return.fields.map((f) => f.key)).toEqual(['reason', 'amount', 'field4']);
  });

  it('changes the agent discount limit', () => {
    const { q, last } = setup();
    type(q('[data-kf="limit-agentDiscountYuan"]'), '30');
    expect(last().limits.agentDiscountYuan).toBe(30);
  });

  it('shows the errors of an invalid edit, and clears them when the edit is made valid again', () => {
    const { q, root, last } = setup();
    type(q('[data-kf="editor-title"]'), '无效订单'); // purple would share gray's title
    expect(last().flags.purple.title).toBe('无效订单');
    expect(root.querySelector('[data-kf="editor-errors"]')?.textContent).toContain('无效订单');
    type(q('[data-kf="editor-title"]'), '延迟发货');
    expect(root.querySelector('[data-kf="editor-errors"]')).toBeNull();
  });

  it("names a preset in the interface language", () => {
    setLocale('en');
    const { q } = setup(PRESET_A);
    expect(q('[data-kf="ruleset-name"]')?.textContent).toBe(
      'Current: Convention A (red = ready to ship, yellow = details changed, green = return/exchange, blue = merged, purple = delayed, gray = invalid)',
    );
    // Edited, it keeps its name; a name the shop wrote itself stays as written.
    type(q('[data-kf="editor-meaning"]'), 'Out of stock, waiting');
    expect(q('[data-kf="ruleset-name"]')?.textContent).toContain('Convention A (');
    cleanup?.();
    const own = setup({ ...PRESET_B, name: '本店规则' });
    expect(own.q('[data-kf="ruleset-name"]')?.textContent).toBe('Current: 本店规则');
  });
});
