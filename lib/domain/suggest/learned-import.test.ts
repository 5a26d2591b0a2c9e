import { describe, expect, it } from 'vitest';
import { parseLearnedExport } from './learned-import';

const pick = (id: string) => ({ id, at: 1_767_225_600_000, text: '橙色卫衣周五前能寄到杭州吗', scenario: 'shipping-time', templateId: 'tpl-ship', source: 'insert' });

describe('parseLearnedExport (学习记录 import)', () => {
  it('reads an export file back', () => {
    expect(parseLearnedExport({ kind: 'kf-learned', v: 1, exportedAt: 1, picks: [pick('a')] })).toEqual({ ok: true, picks: [pick('a')] });
  });

  it('names a bad pick by its number counted from 1, in Chinese only in the Chinese interface', () => {
    const file = { kind: 'kf-learned', v: 1, exportedAt: 1, picks: [{ ...pick('a'), scenario: 'nope' }, pick('b')] };
    expect(parseLearnedExport(file)).toEqual({ ok: false, errors: ['第 1 条记录无效（应含 id、at、text、scenario、templateId、source）'] });
    expect(parseLearnedExport(file, 'en')).toEqual({ ok: false, errors: ['pick 1 is invalid (expected id, at, text, scenario, templateId, source)'] });
  });

  it('says what the file should be when it is another kind of file, and that nothing was imported', () => {
    const r = parseLearnedExport({ format: 'kefu-library' });
    expect(r).toEqual({ ok: false, errors: [expect.stringMatching(/^不是本插件导出的学习记录文件.*没有导入任何内容。$/)] });
  });

  it('lists twenty problems and counts the rest', () => {
    const r = parseLearnedExport({ kind: 'kf-learned', v: 1, exportedAt: 1, picks: Array.from({ length: 25 }, () => ({})) });
    expect(!r.ok && r.errors).toHaveLength(21);
    expect(!r.ok && r.errors.at(-1)).toBe('还有 5 处问题未列出');
  });
});
