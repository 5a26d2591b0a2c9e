// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
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

  it('round the clock (全天白班) offers no night shift: the day shift, whoever is on next, and the team members', () => {
    expect(choices({ shift: 'day', members: [], allDay: true })).toEqual([['', '不交接'], ['shift:day', '白班（全天白班，交给下一位）']]);
    expect(choices({ shift: 'day', me: '小美', members: ['阿杰'], allDay: true })).toEqual([
      ['', '不交接'],
      ['shift:day', '白班（全天白班，交给下一位）'],
      ['person:阿杰', '阿杰'],
    ]);
  });
});
