// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { PageText } from './PageText';

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
});
