import { describe, expect, it } from 'vitest';
import { parseLearnedExport } from './learned-import';

const pick = (id: string) => ({ id, at: 1_767_225_600_000, text: '橙色卫衣周五前能寄到杭州吗', scenario: 'shipping-time', templateId: 'tpl-ship', source: 'insert' });

describe('parseLearnedExport (学习记录 import)', () => {
  it('reads an export file back', () => {
    expect(parseLearnedExport({ kind: 'kf-learned', v: 1, exportedAt: 1, picks: [pick('a')] })).toEqual({ ok: true, picks: [pick('a')], duplicates: 0 });
  });

  it('names an id that comes twice with other content, as the library and buyer imports do, and imports nothing', () => {
    const file = { kind: 'kf-learned', v: 1, exportedAt: 1, picks: [pick('a'), pick('b'), { ...pick('a'), text: '能开专票吗' }] };
    expect(parseLearnedExport(file)).toEqual({ ok: false, errors: ['第 3 条记录（id "a"）：id 与第 1 条重复，内容却不同（文件可能被改动过）'] });
    expect(parseLearnedExport(file, 'en')).toEqual({ ok: false, errors: ['pick 3 (id "a"): the same id as pick 1, with other content (the file may have been edited)'] });
  });

  it('skips and counts a second copy of the same pick (two exports pasted together)', () => {
    const file = { kind: 'kf-learned', v: 1, exportedAt: 1, picks: [pick('a'), pick('b'), pick('a'), pick('a')] };
    expect(parseLearnedExport(file)).toEqual({ ok: true, picks: [pick('a'), pick('b')], duplicates: 2 });
  });

  it('names a bad pick by its number counted from 1, in Chinese only in the Chinese interface', () => {
    const file = { kind: 'kf-learned', v: 1, exportedAt: 1, picks: [{ ...pick('a'), scenario: 'nope' }, pick('b')] };
    expect(parseLearnedExport(file)).toEqual({ ok: false, errors: ['第 1 条记录不完整或已损坏（文件可能被改动过）'] });
    expect(parseLearnedExport(file, 'en')).toEqual({ ok: false, errors: ['pick 1 is incomplete or damaged (the file may have been edited)'] });
  });

  it('says in words that another kind of file is not a learned-picks export, which file to choose, and that nothing was imported', () => {
    const r = parseLearnedExport({ format: 'kefu-library' });
    expect(r).toEqual({
      ok: false,
      errors: ['这不是学习记录的导出文件。请选择在“学习记录”页用“导出学习记录”保存的文件（文件名类似 kefu-learned-20261203.json）。'],
    });
    expect(parseLearnedExport({ format: 'kefu-customers', version: 2, customers: [] }, 'en')).toEqual({
      ok: false,
      errors: ['This is not a learned-picks export. Choose a file saved with "Export learned picks" on the Learned tab (named like kefu-learned-20261203.json).'],
    });
    // No field names or format internals in what the agent reads.
    for (const locale of ['zh-CN', 'en'] as const) expect(JSON.stringify(parseLearnedExport(null, locale))).not.toMatch(/kind|kf-learned|\bv 1\b|picks \[\]|picks 列表/);
  });

  it('says a file from a newer version of the extension needs an update, in the words of every import', () => {
    const newer = { kind: 'kf-learned', v: 2, exportedAt: 1, picks: [] };
    expect(parseLearnedExport(newer)).toEqual({ ok: false, errors: ['文件版本 2 来自更新版本的插件（本插件读取版本 1），请先升级插件'] });
    expect(parseLearnedExport(newer, 'en')).toEqual({ ok: false, errors: ['File version 2 comes from a newer version of the extension (this one reads version 1); update the extension first'] });
  });

  it('says a learned-picks file with a version it does not know is damaged, not another kind of file', () => {
    const odd = { kind: 'kf-learned', v: '1', exportedAt: 1, picks: [] };
    expect(parseLearnedExport(odd)).toEqual({ ok: false, errors: ['文件版本 "1" 无法识别（本插件读取版本 1），文件可能被改动过'] });
    expect(parseLearnedExport({ kind: 'kf-learned', picks: [] }, 'en')).toEqual({ ok: false, errors: ['File version is missing (this one reads version 1); the file may have been edited'] });
  });

  it('lists twenty problems and counts the rest', () => {
    const r = parseLearnedExport({ kind: 'kf-learned', v: 1, exportedAt: 1, picks: Array.from({ length: 25 }, () => ({})) });
    expect(!r.ok && r.errors).toHaveLength(21);
    expect(!r.ok && r.errors.at(-1)).toBe('还有 5 处问题未列出');
  });

  it('masks each pick as a pick made here is stored while the shop masks; a pick with no words left is not imported', () => {
    const settings = (maskPii: boolean) => ({ shop: { locale: 'zh-CN' as const }, privacy: { maskPii } });
    const file = {
      kind: 'kf-learned',
      v: 1,
      exportedAt: 1,
      picks: [{ ...pick('a'), text: '换了新号码13812345678 快递到哪了' }, { ...pick('b'), text: '13987654321' }, pick('c')],
    };
    const r = parseLearnedExport(file, settings(true));
    expect(r.ok && r.picks.map((p) => [p.id, p.text])).toEqual([
      ['a', '换了新号码 快递到哪了'],
      ['c', '橙色卫衣周五前能寄到杭州吗'],
    ]);
    // Masking off: as the file has them (the notes are stored as typed then, too).
    expect(parseLearnedExport(file, settings(false))).toEqual({ ok: true, picks: file.picks, duplicates: 0 });
  });
});
