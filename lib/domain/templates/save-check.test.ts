import { describe, expect, it } from 'vitest';
import { parseLibrarySave } from './save-check';

const lib = { format: 'kefu-library', version: 1, groups: ['售后'], templates: [{ id: 'a', title: '到货', body: '亲，两三天就到', group: '售后', scenarios: [] }] };

describe('a library save as the worker checks it', () => {
  it('is refused for an agent in team mode, with the reason in the shop’s language and where the change goes instead', () => {
    const zh = parseLibrarySave(lib, 'zh-CN', 'agent');
    expect(zh).toEqual({ ok: false, errors: [expect.stringContaining('团队模式下客服不能直接保存话术库')] });
    expect((zh as { errors: string[] }).errors[0]).toContain('提议到团队库');
    const en = parseLibrarySave(lib, 'en', 'agent');
    expect((en as { errors: string[] }).errors[0]).toContain('send the change as a proposal');
    expect((en as { errors: string[] }).errors[0]).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('is checked as before for a supervisor or outside team mode', () => {
    expect(parseLibrarySave(lib, 'zh-CN', 'supervisor')).toMatchObject({ ok: true });
    expect(parseLibrarySave(lib, 'zh-CN', undefined)).toMatchObject({ ok: true });
  });
});
