import { describe, expect, it } from 'vitest';
import { PRESET_A } from './presets';
import { listedRemarkFlag } from './listed';

const today = '2026-12-03';

describe('which flag a listed remark is checked against', () => {
  it('the flag the page shows, when it was read', () => {
    expect(listedRemarkFlag({ flag: 'gray', remark: '' }, PRESET_A, today)).toEqual({ flag: 'gray', inferred: false });
  });

  it('a flag not shown or not read is never taken as gray: the kind the remark names, else no verdict', () => {
    expect(listedRemarkFlag({ flag: 'gray', flagUnknown: true, unread: ['flag'], remark: '缺货' }, PRESET_A, today)).toEqual({ flag: 'purple', inferred: true });
    expect(listedRemarkFlag({ flag: 'gray', flagUnknown: true, unread: ['flag'], remark: '发顺丰 到付不要' }, PRESET_A, today)).toBeNull();
  });

  it('a remark not read is not judged at all (empty would read as "this flag needs a remark")', () => {
    expect(listedRemarkFlag({ flag: 'yellow', remark: '', unread: ['remark'] }, PRESET_A, today)).toBeNull();
  });

  it('an after-sale record on a list that shows no flag is judged by its own rules (JD)', () => {
    expect(listedRemarkFlag({ flag: 'gray', flagUnknown: true, remark: '【退货】原因:不想要了｜款式:白色S｜李四 2026-12-03' }, PRESET_A, today)).toEqual({ flag: 'gray', inferred: true });
  });
});
