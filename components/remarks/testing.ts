import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/** Renders into a fresh div attached to the document; returns the div and a cleanup. */
export function mount(node: ComponentChild): { root: HTMLDivElement; unmount(): void } {
  const root = document.createElement('div');
  document.body.appendChild(root);
  act(() => render(node, root));
  return {
    root,
    unmount() {
      act(() => render(null, root));
      root.remove();
    },
  };
}

/** Types into an input/textarea/select the way a user would: sets the value, fires input and change. */
export function type(el: Element | null, value: string): void {
  if (!el) throw new Error('element not found');
  const input = el as HTMLInputElement;
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export function click(el: Element | null): void {
  if (!el) throw new Error('element not found');
  act(() => {
    (el as HTMLElement).click();
  });
}

export function check(el: Element | null, checked: boolean): void {
  if (!el) throw new Error('element not found');
  act(() => {
    (el as HTMLInputElement).checked = checked;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
