// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { PageText, pageSentence } from './PageText';
import { registerMessages, setLocale } from '@/lib/i18n';

describe('PageText', () => {
  it('isolates a buyer’s text and shows a right-to-left override instead of obeying it', () => {
    const root = document.createElement('div');
    render(<PageText text={'\u202Egnp.exe'} />, root);
    const bdi = root.querySelector('bdi')!;
    expect(bdi.getAttribute('dir')).toBe('auto');
    expect(bdi.textContent).toBe('⟨RLO⟩gnp.exe');
    expect(root.innerHTML).not.toContain('\u202E');
  });

  it('renders markup-looking text as text', () => {
    const root = document.createElement('div');
    render(<PageText text="<img src=x onerror=alert(1)>" />, root);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('puts page text into a sentence isolated, in both languages', () => {
    registerMessages({ zh: { 'test.sentence': '给{buyer}的草稿（{n} 条）' }, en: { 'test.sentence': 'A draft for {buyer} ({n})' } });
    for (const [locale, want] of [['zh-CN', '给⟨RLO⟩gnp.exe的草稿（{n} 条）'], ['en', 'A draft for ⟨RLO⟩gnp.exe ({n})']] as const) {
      setLocale(locale);
      const root = document.createElement('div');
      render(<p>{pageSentence('test.sentence', { buyer: '\u202Egnp.exe' })}</p>, root);
      expect(root.textContent).toBe(want);
      expect(root.querySelector('bdi')!.textContent).toBe('⟨RLO⟩gnp.exe');
    }
    const root = document.createElement('div');
    render(<p>{pageSentence('test.sentence', { buyer: '\u202Egnp.exe' }, { n: 2 })}</p>, root);
    expect(root.textContent).toBe('A draft for ⟨RLO⟩gnp.exe (2)');
    setLocale('zh-CN');
  });
});
