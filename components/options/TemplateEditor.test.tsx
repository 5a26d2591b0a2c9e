// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { TemplateEditor } from './TemplateEditor';
import { mountTab } from './testing';
import type { LibraryRecord } from '@/lib/storage/library';
import type { Template } from '@/lib/domain/templates/types';
import { parseLibraryImport } from '@/lib/domain/templates/validate';
import { registerMessages } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';

registerMessages(options);

vi.mock('@/lib/browser', () => ({ browser: {} }));

const tpl = (id: string, title: string) => ({ id, title, body: `${title}内容`, group: '常用', scenarios: ['thanks' as const] });

describe('the template editor when another tab saved first', () => {
  it('re-applies its change to the newer library instead of overwriting it', async () => {
    // The library as this page read it, and as another tab has saved it since.
    let stored: LibraryRecord = { v: 2, groups: ['常用'], templates: [tpl('a', '旧话术')], updatedAt: 1 };
    const saves: unknown[] = [];
    const { q, click, submit } = await mountTab(<TemplateEditor />, {
      getLibrary: () => stored,
      getGuardConfig: () => undefined,
      teamStatus: () => ({ config: null, status: { state: 'off', pending: 0 } }),
      saveLibrary: (payload: any) => {
        saves.push(payload);
        if (payload.baseUpdatedAt !== stored.updatedAt) throw Object.assign(new Error('conflict'), { code: 'conflict' });
        stored = { v: 2, groups: payload.groups, templates: payload.templates, updatedAt: stored.updatedAt + 1 };
        return stored;
      },
    });
    // Another tab adds a template meanwhile.
    stored = { ...stored, templates: [...stored.templates, tpl('b', '别的标签加的')], updatedAt: 2 };

    await click('[data-kf="new-template"]');
    const set = (sel: string, value: string) => {
      const el = q(sel) as HTMLInputElement;
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    };
    // Two edits in one go (as a fast paste-and-tab would): neither may undo the other.
    await act(async () => {
      set('[data-kf="template-form"] input[name="title"]', '本页新话术');
      set('[data-kf="template-form"] textarea[name="body"]', '本页新话术内容');
    });
    await submit('[data-kf="template-form"]');

    expect(saves).toHaveLength(2);
    expect(stored.templates.map((t) => t.title)).toEqual(['旧话术', '别的标签加的', '本页新话术']);
    expect(q('[data-kf="status"]')?.textContent).toContain('本页新话术');
  });
});

describe('proposing a reply to the team library', () => {
  const editor = (role: 'agent' | 'supervisor' | null, propose?: (p: any) => unknown) =>
    mountTab(<TemplateEditor />, {
      getLibrary: (): LibraryRecord => ({ v: 2, groups: ['常用'], templates: [tpl('a', '发货时间')], updatedAt: 1 }),
      getGuardConfig: () => undefined,
      teamStatus: () => ({ config: role ? { role } : null, status: { state: role ? 'synced' : 'off', pending: 0 } }),
      ...(propose ? { teamPropose: propose } : {}),
    });

  it('offers 提议到团队库 to an agent only, and says whether it was sent', async () => {
    for (const role of ['supervisor', null] as const) {
      const { q } = await editor(role);
      // The template is listed, so a missing button is not an empty page.
      expect(q('[data-template-id="a"]')).not.toBeNull();
      expect(q('[data-kf="propose-template"]')).toBeNull();
    }
    const { q, call, click } = await editor('agent', () => ({ ok: true, value: { id: 'proposal:x' }, status: { state: 'offline', pending: 1 } }));
    await click('[data-template-id="a"] [data-kf="propose-template"]');
    expect(call).toHaveBeenCalledWith('teamPropose', { template: tpl('a', '发货时间') });
    expect(q('[data-kf="status"]')!.textContent).toBe('已记下「发货时间」的提议，连上服务器后自动发给主管。');
  });

  it('shows why a proposal was refused', async () => {
    const { q, click } = await editor('agent', () => ({ ok: false, error: 'invalid', message: '标题不能为空' }));
    await click('[data-kf="propose-template"]');
    expect(q('[data-kf="status"]')!.textContent).toBe('这条话术不符合话术库的要求：标题不能为空');
  });
});

describe('the order states a reply fits (适用订单状态)', () => {
  /** The editor over one reply, with a background that validates a save as the real one does. */
  async function editorWith(template: Template) {
    let stored: LibraryRecord = { v: 2, groups: ['常用'], templates: [template], updatedAt: 1 };
    const tab = await mountTab(<TemplateEditor />, {
      getLibrary: () => stored,
      getGuardConfig: () => undefined,
      teamStatus: () => ({ config: null, status: { state: 'off', pending: 0 } }),
      saveLibrary: ({ baseUpdatedAt: _base, ...lib }: any) => {
        const parsed = parseLibraryImport({ format: 'kefu-library', version: 1, ...lib });
        if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
        stored = { v: 2, ...parsed.library, updatedAt: stored.updatedAt + 1 };
        return stored;
      },
    });
    await tab.click(`[data-template-id="${template.id}"] .kf-link`);
    const box = (state: string) => tab.q(`[data-kf="template-orders"] input[value="${state}"]`) as HTMLInputElement;
    return { ...tab, box, stored: () => stored.templates[0]! };
  }
  const shippedOnly: Template = { ...tpl('addr', '已发货改地址'), scenarios: ['address-change'], orders: ['shipped'] };

  it('survives an edit of the text', async () => {
    const { q, submit, box, stored } = await editorWith(shippedOnly);
    expect(q('[data-kf="template-orders"] legend')!.textContent).toBe('适用订单状态');
    expect(box('shipped').checked).toBe(true);
    expect(box('paid').checked).toBe(false);
    await act(async () => {
      const body = q('[data-kf="template-form"] textarea[name="body"]') as HTMLTextAreaElement;
      body.value = '亲，订单已经发出了，我联系快递改派。';
      body.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await submit('[data-kf="template-form"]');
    expect(stored()).toEqual({ ...shippedOnly, body: '亲，订单已经发出了，我联系快递改派。' });
  });

  it('is changed by ticking, and removed when nothing is ticked', async () => {
    const { click, submit, box, stored } = await editorWith(shippedOnly);
    await act(async () => box('refunding').click());
    await submit('[data-kf="template-form"]');
    expect(stored().orders).toEqual(['shipped', 'refunding']);

    await click('[data-template-id="addr"] .kf-link');
    await act(async () => box('shipped').click());
    await act(async () => box('refunding').click());
    await submit('[data-kf="template-form"]');
    expect(stored()).not.toHaveProperty('orders');
  });
});
