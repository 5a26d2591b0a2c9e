import { describe, expect, it } from 'vitest';
import { changedFields, codeProblem, editClash, matchesFilter } from './template-edit';
import { registerMessages } from '@/lib/i18n';
import { libraryEditor } from '@/lib/i18n/messages/library-editor';
import type { Template } from '@/lib/domain/templates/types';

registerMessages(libraryEditor);

const tpl = (id: string, title: string, extra: Partial<Template> = {}): Template => ({ id, title, body: `${title}的内容`, group: '欢迎问候', scenarios: ['greeting'], ...extra });
const welcome = tpl('welcome-new', '新客欢迎', { code: 'hi' });
const vip = tpl('vip', '老客专享折扣', { group: 'VIP专属' });
const lib = { groups: ['欢迎问候', 'VIP专属'], templates: [welcome, vip, tpl('thanks', '感谢', { code: 'th2' })] };

describe('the library filter', () => {
  const titles = (q: string) => lib.templates.filter((x) => matchesFilter(x, q)).map((x) => x.title);

  it('finds a template by its /code, typed with the slash or without', () => {
    expect(titles('/hi')).toEqual(['新客欢迎']);
    expect(titles('hi')).toEqual(['新客欢迎']);
    expect(titles('、hi')).toEqual(['新客欢迎']);
  });

  it('finds codes by their start, and only codes when the query starts with /', () => {
    expect(titles('/t')).toEqual(['感谢']);
    expect(titles('/折扣')).toEqual([]);
  });

  it('finds a group written with capitals whatever the case typed', () => {
    for (const q of ['VIP', 'vip', 'VIP专属', 'Vip专']) expect(titles(q)).toEqual(['老客专享折扣']);
  });
});

describe('the /code check', () => {
  it('accepts the import’s limit of 16 letters and digits, in any case', () => {
    expect(codeProblem('abcdefghijklmnop', lib, 'x')).toBeNull();
    expect(codeProblem('HI2', lib, 'x')).toBeNull();
  });

  it('says the rule in the interface’s words for other characters or a longer code', () => {
    expect(codeProblem('hi-2', lib, 'x')).toBe('简码只能用英文字母和数字（a–z、0–9），最多 16 个');
    expect(codeProblem('abcdefghijklmnopq', lib, 'x')).toBe('简码只能用英文字母和数字（a–z、0–9），最多 16 个');
  });

  it('names the template already using the code by its title, but not the template itself', () => {
    expect(codeProblem(' Hi ', lib, 'new-one')).toBe('简码 /hi 已被「新客欢迎」使用，请换一个');
    expect(codeProblem('hi', lib, 'welcome-new')).toBeNull();
  });
});

describe('what another page did to the template being edited', () => {
  const draft = { ...welcome, body: '我改过的内容' };

  it('is nothing while the stored template is still the one the form opened', () => {
    expect(editClash(welcome, lib, draft)).toBeNull();
    expect(editClash(null, lib, tpl('t-new', '新建的'))).toBeNull();
  });

  it('is a delete when the template is gone', () => {
    expect(editClash(welcome, { ...lib, templates: lib.templates.slice(1) }, draft)).toEqual({ kind: 'deleted' });
  });

  it('is a change when other content was saved over it, unless that is this draft’s content', () => {
    const theirs = { ...welcome, body: '别的页面改的' };
    const changed = { ...lib, templates: [theirs, ...lib.templates.slice(1)] };
    expect(editClash(welcome, changed, draft)).toEqual({ kind: 'changed', current: theirs });
    expect(editClash(welcome, changed, { ...theirs, body: ' 别的页面改的 ' })).toBeNull();
  });
});

describe('what another page changed in a template', () => {
  it('names the changed fields in the form\'s order, comparing them as stored', () => {
    const theirs = { ...welcome, body: '那边改的内容', code: 'HI ', scenarios: ['greeting' as const, 'thanks' as const] };
    expect(changedFields(theirs, welcome)).toEqual(['options.body', 'options.scenarios']);
    expect(changedFields({ ...welcome, title: ' 新客欢迎 ' }, welcome)).toEqual([]);
    expect(changedFields(welcome, null)).toEqual([]);
  });
});
