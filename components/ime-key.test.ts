import { describe, expect, it } from 'vitest';
import { isAltKey } from './ime-key';

/** A keydown as Chrome reports the agent pressing Alt+R (a constructed event is never trusted). */
const press = (over: Partial<KeyboardEvent> = {}) =>
  ({ isTrusted: true, altKey: true, ctrlKey: false, metaKey: false, shiftKey: false, isComposing: false, keyCode: 82, key: '®', code: 'KeyR', ...over }) as KeyboardEvent;

describe('isAltKey: the Alt+K / Alt+N / Alt+R shortcuts', () => {
  it('takes the key by its place, whatever character Alt makes of it, with Shift or without', () => {
    expect(isAltKey(press(), 'KeyR')).toBe(true);
    expect(isAltKey(press({ shiftKey: true }), 'KeyR')).toBe(true);
    expect(isAltKey(press(), 'KeyN')).toBe(false);
  });

  it('leaves Ctrl+Alt and ⌘+Alt to the browser, keys of a pinyin composition to the input method, and a page’s own events alone', () => {
    expect(isAltKey(press({ ctrlKey: true }), 'KeyR')).toBe(false);
    expect(isAltKey(press({ metaKey: true }), 'KeyR')).toBe(false);
    expect(isAltKey(press({ altKey: false }), 'KeyR')).toBe(false);
    expect(isAltKey(press({ isComposing: true }), 'KeyR')).toBe(false);
    expect(isAltKey(press({ keyCode: 229 }), 'KeyR')).toBe(false);
    expect(isAltKey(press({ isTrusted: false }), 'KeyR')).toBe(false);
  });
});
