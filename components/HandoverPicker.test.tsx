// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { HandoverPicker } from './HandoverPicker';
import { mount } from './remarks/testing';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const choices = (targets: Parameters<typeof HandoverPicker>[0]['targets']) => {
  const m = mount(<HandoverPicker targets={targets} value="" onChange={() => {}} />);
  unmount = m.unmount;
  return Array.from(m.root.querySelectorAll('option')).map((o) => [o.value, o.textContent]);
};

describe('HandoverPicker (交给…)', () => {
  it('offers the night shift as the next shift by day', () => {
    expect(choices({ shift: 'day', members: [] })).toEqual([['', '不交接'], ['shift:night', '夜班（下一班）']]);
  });

  it('reads as a sentence in English: "Hand to" no one, or the night shift', async () => {
    const { setLocale } = await import('@/lib/i18n/lookup');
    setLocale('en');
    try {
      // Capitalised like No one beside it; the label apart from the box (it read "Hand toNo one").
      expect(choices({ shift: 'day', members: [] })).toEqual([['', 'No one'], ['shift:night', 'Night shift (next)']]);
      unmount?.();
      const m = mount(<HandoverPicker targets={{ shift: 'day', members: [] }} value="" onChange={() => {}} />);
      unmount = m.unmount;
      expect(m.root.querySelector('label.kf-handover')!.textContent).toMatch(/^Hand to No one/);
      unmount();
      expect(choices({ shift: 'night', me: 'Mia', members: ['Leo'] }).map(([, text]) => text)).toEqual(['No one', 'Day shift (next)', 'Night shift', 'Leo']);
      unmount();
      expect(choices({ shift: 'day', members: [], allDay: true })[1]![1]).toBe('Day shift (all day: whoever is on next)');
    } finally {
      setLocale('zh-CN');
    }
  });

  it('round the clock (全天白班) offers no night shift: the day shift, whoever is on next, and the team members', () => {
    expect(choices({ shift: 'day', members: [], allDay: true })).toEqual([['', '不交接'], ['shift:day', '白班（全天白班，交给下一位）']]);
    expect(choices({ shift: 'day', me: '小美', members: ['阿杰'], allDay: true })).toEqual([
      ['', '不交接'],
      ['shift:day', '白班（全天白班，交给下一位）'],
      ['person:阿杰', '阿杰'],
    ]);
  });

  describe('↓ on the last choice, ↑ on the first (a closed select does not move)', () => {
    /** `value` chosen among 收回/不交接 and the next shift; at night the next shift is the day shift. */
    const picker = (shift: 'day' | 'night', value: string) => {
      const picked: string[] = [];
      const m = mount(<HandoverPicker targets={{ shift, members: [] }} value={value} keepLabel={value ? '收回' : undefined} onChange={(v) => picked.push(v)} />);
      unmount = m.unmount;
      const select = m.root.querySelector('[data-kf="handover-to"]') as HTMLSelectElement;
      const press = (key: string) => act(() => void select.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
      const line = () => m.root.querySelector('[data-kf="handover-to-edge"]');
      return { select, press, said: () => line()?.textContent ?? null, line, picked };
    };

    it('at night, on an item made for the day shift already (交给白班, the last choice), ↓ says so and which key changes it; nothing is picked', () => {
      const { select, press, said, line, picked } = picker('night', 'shift:day');
      expect([...select.options].map((o) => o.textContent)).toEqual(['收回', '白班（下一班）']);
      expect(select.selectedIndex).toBe(1);
      expect(said()).toBeNull();
      press('ArrowDown');
      expect(said()).toBe('已是最后一项：按 ↑ 换一项');
      expect(line()!.getAttribute('role')).toBe('status');
      expect(picked).toEqual([]);
      // Leaving the choice, the line goes with it.
      act(() => void select.dispatchEvent(new FocusEvent('blur')));
      expect(said()).toBeNull();
    });

    it('↑ on the first choice (不交接) says so too; a key that can move the choice says nothing', () => {
      const { select, press, said } = picker('day', '');
      expect(select.selectedIndex).toBe(0);
      press('ArrowUp');
      expect(said()).toBe('已是第一项：按 ↓ 换一项');
      press('ArrowDown');
      expect(said()).toBeNull();
    });
  });
});
