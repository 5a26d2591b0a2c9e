// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { OptionsContext, type OptionsApi } from './OptionsContext';
import { TemplateEditor } from './TemplateEditor';
import type { LibraryRecord } from '@/lib/storage/library';
import { registerMessages } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';

registerMessages(options);

vi.mock('@/lib/browser', () => ({ browser: {} }));

/** The editor on a page of its own, after its first loads. */
async function renderEditor(api: OptionsApi): Promise<HTMLDivElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(
      <OptionsContext.Provider value={api}>
        <TemplateEditor />
      </OptionsContext.Provider>,
      root,
    );
  });
  await act(async () => {});
  return root;
}

const tpl = (id: string, title: string) => ({ id, title, body: `${title}内容`, group: '常用', scenarios: ['thanks' as const] });

describe('the template editor when another tab saved first', () => {
  it('re-applies its change to the newer library instead of overwriting it', async () => {
    // The library as this page read it, and as another tab has saved it since.
    let stored: LibraryRecord = { v: 2, groups: ['常用'], templates: [tpl('a', '旧话术')], updatedAt: 1 };
    const saves: unknown[] = [];
    const api: OptionsApi = {
      call: (async (verb: string, payload: any) => {
        if (verb === 'getLibrary') return stored;
        if (verb === 'saveLibrary') {
          saves.push(payload);
          if (payload.baseUpdatedAt !== stored.updatedAt) throw Object.assign(new Error('conflict'), { code: 'conflict' });
          stored = { v: 2, groups: payload.groups, templates: payload.templates, updatedAt: stored.updatedAt + 1 };
          return stored;
        }
        throw new Error(verb);
      }) as OptionsApi['call'],
      onChanged: () => () => {},
    };
    const root = await renderEditor(api);
    // Another tab adds a template meanwhile.
    stored = { ...stored, templates: [...stored.templates, tpl('b', '别的标签加的')], updatedAt: 2 };

    const q = (sel: string) => root.querySelector(sel) as HTMLInputElement;
    await act(async () => q('[data-kf="new-template"]').click());
    const set = (sel: string, value: string) => {
      const el = q(sel);
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    };
    // Two edits in one go (as a fast paste-and-tab would): neither may undo the other.
    await act(async () => {
      set('[data-kf="template-form"] input[name="title"]', '本页新话术');
      set('[data-kf="template-form"] textarea[name="body"]', '本页新话术内容');
    });
    await act(async () => {
      (root.querySelector('[data-kf="template-form"]') as HTMLFormElement).dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await act(async () => {});

    expect(saves).toHaveLength(2);
    expect(stored.templates.map((t) => t.title)).toEqual(['旧话术', '别的标签加的', '本页新话术']);
    expect(root.querySelector('[data-kf="status"]')?.textContent).toContain('本页新话术');
  });
});

describe('proposing a reply to the team library', () => {
  async function editor(role: 'agent' | 'supervisor' | null, propose?: (p: any) => unknown) {
    const stored: LibraryRecord = { v: 2, groups: ['常用'], templates: [tpl('a', '发货时间')], updatedAt: 1 };
    const calls: [string, unknown][] = [];
    const api: OptionsApi = {
      call: (async (verb: string, payload: any) => {
        calls.push([verb, payload]);
        if (verb === 'getLibrary') return stored;
        if (verb === 'getGuardConfig') return undefined;
        if (verb === 'teamStatus') return { config: role ? { role } : null, status: { state: role ? 'synced' : 'off', pending: 0 } };
        if (verb === 'teamPropose' && propose) return propose(payload);
        throw new Error(verb);
      }) as OptionsApi['call'],
      onChanged: () => () => {},
    };
    const root = await renderEditor(api);
    return { root, calls };
  }

  it('offers 提议到团队库 to an agent only, and says whether it was sent', async () => {
    for (const role of ['supervisor', null] as const) {
      const { root } = await editor(role);
      expect(root.querySelector('[data-kf="propose-template"]')).toBeNull();
      root.remove();
    }
    const { root, calls } = await editor('agent', () => ({ ok: true, value: { id: 'proposal:x' }, status: { state: 'offline', pending: 1 } }));
    await act(async () => (root.querySelector('[data-template-id="a"] [data-kf="propose-template"]') as HTMLElement).click());
    await act(async () => {});
    expect(calls).toContainEqual(['teamPropose', { template: tpl('a', '发货时间') }]);
    expect(root.querySelector('[data-kf="status"]')!.textContent).toBe('已记下「发货时间」的提议，连上服务器后自动发给主管。');
    root.remove();
  });

  it('shows why a proposal was refused', async () => {
    const { root } = await editor('agent', () => ({ ok: false, error: 'invalid', message: '标题不能为空' }));
    await act(async () => (root.querySelector('[data-kf="propose-template"]') as HTMLElement).click());
    await act(async () => {});
    expect(root.querySelector('[data-kf="status"]')!.textContent).toBe('这条话术不符合话术库的要求：标题不能为空');
    root.remove();
  });
});
