// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { ImportExport } from './ImportExport';
import { AllData } from './AllData';
import { Customers } from './Customers';
import { LearnedPicks } from './LearnedPicks';
import { mountTab } from './testing';
import { registerMessages } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';
import { encodeLegacy } from '@/test/legacy-encode';

registerMessages(options);
vi.mock('@/lib/browser', () => ({ browser: {} }));

/**
 * Every import on the options page, as the agent reaches it: the tab, its file input, the verb the
 * file goes to and where the outcome is shown. The background is fake: it answers with a refusal
 * (so nothing further is asked) and records what it was sent.
 */
const IMPORTS = [
  { name: '导入 / 导出 → 导入 JSON 文件', tab: () => <ImportExport />, input: 'import-file', verb: 'importLibrary', result: 'import-result', extra: {} },
  { name: '导入全部数据', tab: () => <AllData />, input: 'all-import-file', verb: 'importAllData', result: 'all-result', extra: {} },
  {
    name: '客户档案 → 导入客户 JSON 文件',
    tab: () => <Customers />,
    input: 'customers-import-file',
    verb: 'importCustomers',
    result: 'customers-import-result',
    extra: { listCustomers: () => ({ items: [], next: null, total: 0 }) },
  },
  {
    name: '学习记录 → 导入学习记录',
    tab: () => <LearnedPicks />,
    input: 'learned-import',
    verb: 'importLearned',
    result: 'learned-message',
    extra: { getLearned: () => ({ enabled: true, count: 0, cap: 5000, perScenario: {}, latest: [] }), getLibrary: () => ({ templates: [] }) },
  },
] as const;

const TEXT = '{"title": "欢迎光临", "body": "亲，您好！请问有什么可以帮您的？", "note": "身高体重，偏好宽松"}';

async function importBytes(imp: (typeof IMPORTS)[number], bytes: Uint8Array<ArrayBuffer>) {
  const sent = vi.fn((_p: unknown) => ({ ok: false, errors: ['（测试）到此为止'] }));
  const tab = await mountTab(imp.tab(), { getSettings: () => DEFAULT_APP_SETTINGS, [imp.verb]: sent, ...imp.extra });
  const input = tab.q(`[data-kf="${imp.input}"]`) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([bytes], 'kefu.json')], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 10));
  });
  return { sent, shown: tab.q(`[data-kf="${imp.result}"]`)?.textContent ?? '' };
}

describe.each(IMPORTS)('$name reads the file by its encoding', (imp) => {
  it('sends a file saved as GBK ("ANSI", Excel) as the Chinese it holds', async () => {
    const { sent } = await importBytes(imp, encodeLegacy('gbk', TEXT));
    expect(sent).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(sent.mock.calls[0]![0])).toContain('"title":"欢迎光临","body":"亲，您好！请问有什么可以帮您的？","note":"身高体重，偏好宽松"');
    expect(JSON.stringify(sent.mock.calls[0]![0])).not.toContain('\uFFFD');
  });

  it('refuses a file that holds replacement characters, saying its encoding looks wrong, and sends nothing', async () => {
    // A GBK file opened as UTF-8 and saved again: the Chinese is gone for good.
    const damaged = new TextEncoder().encode(new TextDecoder().decode(encodeLegacy('gbk', TEXT)));
    const { sent, shown } = await importBytes(imp, damaged);
    expect(sent).not.toHaveBeenCalled();
    expect(shown).toMatch(/文件的编码看起来不对：其中有 \d+ 处乱码字符“\uFFFD”/);
    // Said once, by the heading (导入被拒绝，现有…未改动 / 文件未导入，现有数据没有任何改动), not again by the reason.
    // Said once: by the heading where there is one (导入被拒绝…问题如下 / 文件未导入…), else by the reason (学习记录).
    expect(shown).toMatch(/未改动|没有任何改动/);
    expect(/问题如下|文件未导入/.test(shown) && shown.includes('没有导入任何内容')).toBe(false);
  });

  it('refuses bytes in neither UTF-8 nor GBK, naming the encoding problem', async () => {
    const { sent, shown } = await importBytes(imp, Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x20, 0x22, 0x7d]));
    expect(sent).not.toHaveBeenCalled();
    expect(shown).toContain('它既不是 UTF-8 编码，也不是 GBK/GB18030 编码');
  });

  it('refuses a Big5 or Shift-JIS file (which GBK would read into wrong characters), asking for UTF-8, and sends nothing', async () => {
    const big5 = await importBytes(imp, encodeLegacy('big5', '{"title": "歡迎光臨", "body": "親，您好！請問有什麼可以幫您的？這款衣服尺碼偏大。"}'));
    expect(big5.sent).not.toHaveBeenCalled();
    expect(big5.shown).toContain('这个文件看起来是繁体中文 Big5 编码，不是简体中文');
    expect(big5.shown).toContain('另存为”CSV UTF-8');
    const sjis = await importBytes(imp, encodeLegacy('shift_jis', '{"title": "挨拶", "body": "こんにちは、ご注文ありがとうございます。"}'));
    expect(sjis.sent).not.toHaveBeenCalled();
    expect(sjis.shown).toContain('这个文件看起来是日文 Shift-JIS 编码');
  });
});

describe.each(IMPORTS)('$name refuses a file nested thousands of levels deep', (imp) => {
  it('says in words that it is not a file of this kind, and sends nothing (the browser could not send it)', async () => {
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const { sent, shown } = await importBytes(imp, new TextEncoder().encode(deep));
    expect(sent).not.toHaveBeenCalled();
    expect(shown).toContain('这不是本插件导出的文件：其中的内容层层嵌套了太多层，无法导入。');
    expect(shown).not.toMatch(/serialize|Error/);
  });
});
