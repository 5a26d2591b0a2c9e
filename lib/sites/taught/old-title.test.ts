import { describe, expect, it } from 'vitest';
import { isStrippableName, titleWithoutNames } from './old-title';

const HOST = 'im.example.com';

describe('an old taught title without the stored buyers’ nicknames', () => {
  it('loses a stored nickname that stands as a part of the title', () => {
    expect(titleWithoutNames('阳光明媚的日子 - 接待中心', ['阳光明媚的日子'], HOST)).toBe('- 接待中心');
    expect(titleWithoutNames('与 小暖阳 的会话 | 客服台', ['小暖阳'], HOST)).toBe('与 的会话 | 客服台');
    expect(titleWithoutNames('【tb_summer88】接待台', ['tb_summer88'], HOST)).toBe('【 】接待台');
  });

  it('keeps the shop’s words: a short name, a masked one, or one inside a longer word stays', () => {
    // Two Chinese characters, four Latin letters: too common to take out of a shop's title.
    expect(titleWithoutNames('客服 - 小王 工作台', ['客服', '小王'], HOST)).toBe('客服 - 小王 工作台');
    expect(titleWithoutNames('Chat - 接待中心', ['Chat'], HOST)).toBe('Chat - 接待中心');
    expect(titleWithoutNames('S*******n - 接待中心', ['S*******n'], HOST)).toBe('S*******n - 接待中心');
    // A buyer called like a word of the shop's name: not a whole part, kept.
    expect(titleWithoutNames('某某旗舰店 - 千牛工作台', ['旗舰店', '工作台'], HOST)).toBe('某某旗舰店 - 千牛工作台');
  });

  it('takes a name holding a shorter one whole, every time it stands, and is idempotent', () => {
    const once = titleWithoutNames('小暖阳阳 / 小暖阳阳 - 小暖阳 客服台', ['小暖阳', '小暖阳阳'], HOST);
    expect(once).toBe('/ - 客服台');
    expect(titleWithoutNames(once, ['小暖阳', '小暖阳阳'], HOST)).toBe(once);
  });

  it('falls back to the host when the title was the name alone, and treats a name as text, not a pattern', () => {
    expect(titleWithoutNames('阳光明媚的日子', ['阳光明媚的日子'], HOST)).toBe(HOST);
    expect(titleWithoutNames('a.b+c?d (x) - 客服台', ['a.b+c?d'], HOST)).toBe('(x) - 客服台');
    expect(titleWithoutNames('aXbYcZd - 客服台', ['a.b.c.d'], HOST)).toBe('aXbYcZd - 客服台');
  });

  it('needs three Chinese characters or six Latin ones', () => {
    expect(['张小明', 'tb_123', '王*明', '小王', 'abcde', ''].map(isStrippableName)).toEqual([true, true, false, false, false, false]);
  });
});
