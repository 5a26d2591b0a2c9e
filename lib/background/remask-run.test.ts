import { describe, expect, it } from 'vitest';
import { storedNicknames, strippedSites } from './remask-run';

const ORIGIN = 'https://im.example.com';
const site = (name: string) => ({ v: 1, origin: ORIGIN, name, url: `${ORIGIN}/chat`, fields: { chatInput: [{ css: '#input' }] }, createdAt: 1, updatedAt: 1 });

describe('stored taught sites after the update', () => {
  it('lose the nickname of a stored buyer from the title an older version kept, and nothing else', () => {
    const names = storedNicknames([{ nickname: '阳光明媚的日子' }, { nickname: '小王' }, null], ['demo:tb_summer88', 'demo:客服']);
    expect([...names].sort()).toEqual(['tb_summer88', '客服', '小王', '阳光明媚的日子'].sort());
    const raw = { v: 1, sites: { [ORIGIN]: site('阳光明媚的日子 - 客服 - 小王的店 接待台') } };
    const out = strippedSites(raw, names) as typeof raw;
    expect(out.sites[ORIGIN]).toEqual({ ...site('- 客服 - 小王的店 接待台') });
    // Done once: the same value again.
    expect(strippedSites(out, names)).toBe(out);
  });

  it('are the same value when no stored nickname is in a title', () => {
    const raw = { v: 1, sites: { [ORIGIN]: site('接待中心') } };
    expect(strippedSites(raw, ['阳光明媚的日子'])).toBe(raw);
  });
});
