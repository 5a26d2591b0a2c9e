// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PRESET_A, checkRemark, emptyRemarkNote } from '../../lib/domain/remarks';
import { RemarkCheck } from './RemarkCheck';
import { setLocale } from '../../lib/i18n';
import { click, mount, type } from './testing';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  setLocale('zh-CN');
});

const problemsOf = (text: string) => checkRemark(text, { ruleSet: PRESET_A, flag: 'purple', today: '2026-11-23' });

describe('RemarkCheck', () => {
  it('says the remark is fine when there are no problems', () => {
    const m = mount(<RemarkCheck problems={[]} onOverride={vi.fn()} />);
    cleanup = m.unmount;
    expect(m.root.querySelector('[data-kf="remark-ok"]')?.textContent).toBe('备注符合规则');
  });

  it('says there is nothing to check, not that the remark is fine, for an empty box on gray', () => {
    const m = mount(<RemarkCheck problems={[]} empty={emptyRemarkNote('', PRESET_A, 'gray')} onOverride={vi.fn()} />);
    cleanup = m.unmount;
    expect(m.root.querySelector('[data-kf="remark-ok"]')).toBeNull();
    expect(m.root.querySelector('[data-kf="remark-empty"]')?.textContent).toMatch(/^没有备注需要检查/);
  });

  it('lists each problem of a hand-typed remark as a sentence', () => {
    const m = mount(<RemarkCheck problems={problemsOf('缺货了')} onOverride={vi.fn()} />);
    cleanup = m.unmount;
    const items = [...m.root.querySelectorAll('[data-kf="remark-problems"] li')].map((li) => li.getAttribute('data-code'));
    expect(items).toEqual(['missing-field', 'missing-agent', 'missing-date']);
  });

  // walk8: the English check said "1 problem(s) in the remark:" on the Taobao memo page.
  it('counts the problems in plain English, one or several', () => {
    setLocale('en');
    const one = mount(<RemarkCheck problems={problemsOf('缺货 张三 2026-11-23')} onOverride={vi.fn()} />);
    expect(one.root.querySelector('h4')?.textContent).toBe('1 problem in the remark:');
    one.unmount();
    const m = mount(<RemarkCheck problems={problemsOf('缺货了')} onOverride={vi.fn()} />);
    cleanup = m.unmount;
    expect(m.root.querySelector('h4')?.textContent).toBe('3 problems in the remark:');
  });

  it('lets the agent save anyway only with a reason', () => {
    const onOverride = vi.fn();
    const m = mount(<RemarkCheck problems={problemsOf('缺货了')} onOverride={onOverride} />);
    cleanup = m.unmount;
    const q = (s: string) => m.root.querySelector(s);
    click(q('[data-kf="remark-override-open"]'));
    const confirm = q('[data-kf="remark-override-confirm"]') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(q('[data-kf="remark-override-missing"]')).not.toBeNull();
    type(q('[data-kf="remark-override-reason"]'), '   ');
    expect((q('[data-kf="remark-override-confirm"]') as HTMLButtonElement).disabled).toBe(true);
    type(q('[data-kf="remark-override-reason"]'), ' 主管口头同意，稍后补备注 ');
    click(q('[data-kf="remark-override-confirm"]'));
    expect(onOverride).toHaveBeenCalledWith('主管口头同意，稍后补备注');
  });

  it('keeps a reason longer than 200 characters whole, says by how much it is over and saves nothing until it is shortened', () => {
    const onOverride = vi.fn();
    const m = mount(<RemarkCheck problems={problemsOf('缺货了')} onOverride={onOverride} />);
    cleanup = m.unmount;
    const q = (s: string) => m.root.querySelector(s);
    click(q('[data-kf="remark-override-open"]'));
    const long = '店长在群里同意先这样写，明天补齐'.repeat(15); // 240 characters
    expect(q('[data-kf="remark-override-reason"]')?.hasAttribute('maxlength')).toBe(false);
    type(q('[data-kf="remark-override-reason"]'), long);
    expect((q('[data-kf="remark-override-reason"]') as HTMLTextAreaElement).value).toBe(long);
    expect(q('[data-kf="remark-override-too-long"]')?.textContent).toBe('最多 200 字，现在 240 字（多 40 字）。文字都还在，缩短后才能保存。');
    expect((q('[data-kf="remark-override-confirm"]') as HTMLButtonElement).disabled).toBe(true);
    click(q('[data-kf="remark-override-confirm"]'));
    expect(onOverride).not.toHaveBeenCalled();
    type(q('[data-kf="remark-override-reason"]'), long.slice(0, 200));
    expect(q('[data-kf="remark-override-too-long"]')).toBeNull();
    click(q('[data-kf="remark-override-confirm"]'));
    expect(onOverride).toHaveBeenCalledWith(long.slice(0, 200));
  });

  it('renders problem text as text, never as HTML', () => {
    const m = mount(<RemarkCheck problems={[{ code: 'invalid-field', message: '<b>x</b>', messageEn: 'x' }]} onOverride={vi.fn()} />);
    cleanup = m.unmount;
    expect(m.root.querySelector('b')).toBeNull();
    expect(m.root.textContent).toContain('<b>x</b>');
  });
});
