// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { OptionsContext, type OptionsApi } from './OptionsContext';
import { GuardSettings } from './GuardSettings';
import { TemplateEditor } from './TemplateEditor';
import { registerMessages } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';
import { STARTER_LIBRARY } from '@/lib/domain/templates/starter';
import type { GuardConfig } from '@/lib/domain/guard/types';

registerMessages(options);
vi.mock('@/lib/browser', () => ({ browser: {} }));

function mount(node: preact.ComponentChild, calls: Record<string, (payload: any) => unknown>) {
  const api: OptionsApi = {
    call: (async (verb: string, payload: unknown) => {
      const f = calls[verb];
      if (!f) throw new Error(`unexpected ${verb}`);
      return f(payload);
    }) as OptionsApi['call'],
    onChanged: () => () => {},
  };
  const root = document.createElement('div');
  document.body.append(root);
  render(<OptionsContext.Provider value={api}>{node}</OptionsContext.Provider>, root);
  return root;
}

const input = (el: Element | null, value: string) => {
  const i = el as HTMLInputElement;
  i.value = value;
  i.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('compliance settings in the options page', () => {
  it('adds a shop rule from words separated by commas, and switches a built-in rule off', async () => {
    let config: GuardConfig = { v: 1, disabled: [], rules: [] };
    const saved: GuardConfig[] = [];
    let root!: HTMLElement;
    await act(async () => {
      root = mount(<GuardSettings />, {
        getGuardConfig: () => config,
        getSettings: () => DEFAULT_APP_SETTINGS,
        saveGuardConfig: (c: GuardConfig) => {
          saved.push(c);
          config = c;
          return c;
        },
      });
    });
    await act(async () => {});
    await act(async () => {
      input(root.querySelector('[data-kf="guard-add"] input[name="words"]'), '秒发，当天达');
      input(root.querySelector('[data-kf="guard-add"] input[name="reason"]'), '本店不承诺时效');
    });
    await act(async () => {
      root.querySelector('[data-kf="guard-add"]')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(saved.at(-1)!.rules).toMatchObject([{ words: ['秒发', '当天达'], severity: 'warn', platforms: ['any'], reason: '本店不承诺时效' }]);
    const off = root.querySelector('[data-kf="guard-builtin"] tr[data-rule-id="absolute-first"] input') as HTMLInputElement;
    expect(off.checked).toBe(true);
    await act(async () => off.click());
    expect(saved.at(-1)!.disabled).toEqual(['absolute-first']);
  });

  it('shows the words and why for a reply typed into the try-out box', async () => {
    let root!: HTMLElement;
    await act(async () => {
      root = mount(<GuardSettings />, { getGuardConfig: () => ({ v: 1, disabled: [], rules: [] }), getSettings: () => DEFAULT_APP_SETTINGS });
    });
    await act(async () => {});
    await act(async () => input(root.querySelector('[data-kf="guard-try"]'), '好评返现5元'));
    expect(root.querySelector('[data-kf="guard-try-result"]')!.textContent).toMatch(/好评返现.*反不正当竞争/);
  });
});

describe('the template editor and the guard', () => {
  it('says the starter library breaks no rule', async () => {
    let root!: HTMLElement;
    await act(async () => {
      root = mount(<TemplateEditor />, { getLibrary: () => ({ v: 2, ...STARTER_LIBRARY, updatedAt: 1 }), getGuardConfig: () => ({ v: 1, disabled: [], rules: [] }) });
    });
    await act(async () => {});
    expect(root.querySelector('[data-kf="library-guard"]')!.textContent).toContain('没有违反规则');
  });

  it('lists a template that breaks a rule, and checks the body while it is edited', async () => {
    const bad = { id: 'x', title: '加微信', body: '加我vx发图', group: '常用', scenarios: ['thanks' as const] };
    let root!: HTMLElement;
    await act(async () => {
      root = mount(<TemplateEditor />, { getLibrary: () => ({ v: 2, groups: ['常用'], templates: [bad], updatedAt: 1 }), getGuardConfig: () => ({ v: 1, disabled: [], rules: [] }) });
    });
    await act(async () => {});
    const list = root.querySelector('[data-kf="library-guard"]')!;
    expect(list.querySelector('li[data-template-id="x"]')!.textContent).toContain('vx');
    await act(async () => (root.querySelector('[data-kf="new-template"]') as HTMLButtonElement).click());
    expect(root.querySelector('[data-kf="template-guard"]')).toBeNull();
    await act(async () => input(root.querySelector('[data-kf="template-form"] textarea[name="body"]'), '这款是国家级工艺'));
    expect(root.querySelector('[data-kf="template-guard"]')!.textContent).toContain('国家级');
  });
});
