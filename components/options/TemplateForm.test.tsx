// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { TemplateForm } from './TemplateForm';
import { mount, type } from '../remarks/testing';
import { registerMessages, setLocale } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';
import type { Template, TemplateLibrary } from '@/lib/domain/templates/types';

registerMessages(options);
vi.mock('@/lib/browser', () => ({ browser: {} }));

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  setLocale('zh-CN');
});

const reply: Template = { id: 't1', title: '退货运费', body: '质量问题运费我们出', group: '售后', scenarios: [] };
const lib: TemplateLibrary = { groups: ['售后'], templates: [reply] };

function setup(extra: { cutoff?: string } = {}) {
  const save = vi.fn(async () => 'saved' as const);
  const m = mount(
    <TemplateForm
      initial={reply}
      origin={reply}
      lib={lib}
      guardCheck={() => []}
      agent={false}
      dirty={{ current: false }}
      save={save}
      remove={vi.fn(async () => 'cancelled' as const)}
      propose={vi.fn()}
      close={vi.fn()}
      {...extra}
    />,
  );
  cleanup = m.unmount;
  const q = (sel: string) => m.root.querySelector(sel);
  const submit = () => act(async () => void q('[data-kf="template-form"]')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
  return { q, save, submit };
}

describe('TemplateForm', () => {
  it('keeps a body pasted longer than 2000 characters whole, says by how much it is over and saves nothing until it is shortened', async () => {
    const { q, save, submit } = setup();
    const body = () => q('textarea[name="body"]') as HTMLTextAreaElement;
    const long = '亲，质量问题的退货运费由我们承担，请放心寄回。'.repeat(100); // 2300 characters
    expect(['title', 'code'].map((n) => q(`input[name="${n}"]`)!.hasAttribute('maxlength'))).toEqual([false, false]);
    expect(body().hasAttribute('maxlength')).toBe(false);
    type(body(), long);
    await submit();
    expect(save).not.toHaveBeenCalled();
    expect(body().value).toBe(long);
    expect(body().getAttribute('aria-invalid')).toBe('true');
    expect(q('[data-kf="body-too-long"]')?.textContent).toBe('最多 2000 字，现在 2300 字（多 300 字）。文字都还在，缩短后才能保存。');
    type(body(), long.slice(0, 2000));
    expect(q('[data-kf="body-too-long"]')).toBeNull();
    await submit();
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ body: long.slice(0, 2000) }), reply);
  });

  it('says a title over 60 characters in English too, and a code pasted too long is said, not cut to another code', async () => {
    setLocale('en');
    const { q, save, submit } = setup();
    const title = 'Return shipping for a faulty item is on us, just send it back please';
    type(q('input[name="title"]'), title);
    type(q('input[name="code"]'), 'returnshippingfree');
    await submit();
    expect(save).not.toHaveBeenCalled();
    expect(q('[data-kf="title-too-long"]')?.textContent).toBe(
      `Takes at most 60 characters; this has ${title.length} (${title.length - 60} over). All your text is still here: shorten it to save it.`,
    );
    expect((q('input[name="code"]') as HTMLInputElement).value).toBe('returnshippingfree');
    expect(q('[data-kf="code-error"]')?.textContent).toContain('at most 16');
  });

  it('takes a code typed as the list shows it (/By, or 、by from a Chinese input method): the slash is dropped, not refused', async () => {
    const { q, save, submit } = setup();
    const code = () => q('input[name="code"]') as HTMLInputElement;
    type(code(), '/By');
    expect(code().value).toBe('by');
    expect(q('[data-kf="code-error"]')).toBeNull();
    type(code(), '、fh');
    expect(code().value).toBe('fh');
    await submit();
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ code: 'fh' }), reply);
  });

  it('calls the shortcut 简码 in its label, help and errors alike', () => {
    const { q } = setup();
    type(q('input[name="code"]'), 'hao!');
    const label = q('input[name="code"]')!.closest('label')!;
    expect(label.querySelector('span')?.textContent).toBe('简码');
    expect(label.querySelector('small')?.textContent).toContain('前面的 / 不用输入');
    expect(q('[data-kf="code-error"]')?.textContent).toBe('简码只能用英文字母和数字（a–z、0–9），最多 16 个');
  });

  it("tells what {付款发货} says with the shop's own cut-off time, not the default 16:00", () => {
    const { q } = setup({ cutoff: '17:30' });
    const help = [...q('[data-kf="template-form"]')!.querySelectorAll('.kf-help')].map((p) => p.textContent!).find((x) => x.includes('{付款发货}')) ?? '';
    expect(help).toContain('{付款发货}');
    expect(help).toContain('今天17:30前付款');
    expect(help).not.toContain('16:00');
  });
});
