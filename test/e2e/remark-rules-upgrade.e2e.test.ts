/**
 * A shop that picked convention B before the yellow flag's amount became optional has the old rule
 * stored (改价金额 required). The real service worker, started again after the update, gives the
 * stored set the corrected default, so on an order page the panel's remark form writes and the
 * check accepts a price change signed by the agent without an amount (domain: 一般修正价格：客服名).
 */
import { describe, expect, it } from 'vitest';
import { callFromExtensionPage, clearOfMidnight, inPanel, MIDNIGHT_WAIT_MS } from './pages';
import { extensionSuite } from './suite';
import { putRaw } from './stores';
import { CONSOLES, openConsole } from './consoles';
import { PRESET_B, isoDate, type RuleSet } from '../../lib/domain/remarks';

const today = () => isoDate(Date.now(), 480);

/** Convention B as the version before 2026-12-05 stored it for a shop that picked it: the yellow flag's amount required. */
function storedOldB() {
  const ruleSet = JSON.parse(JSON.stringify(PRESET_B)) as RuleSet;
  ruleSet.flags.yellow.fields = [
    { key: 'discount', label: '改价金额', type: 'money', required: true, aliases: ['优惠', '优惠金额', '改价'], limit: 'agent-discount', help: '超过客服权限须主管同意' },
    { key: 'supervisor', label: '主管同意', type: 'agent', required: false, aliases: ['主管', '主管批准', '主管审批'], help: '超出客服权限时填写同意的主管姓名' },
  ];
  return { v: 1, ruleSet, updatedAt: Date.now() - 7 * 86_400_000 };
}

const s = extensionSuite({ shop: 'close', quietPage: true });

describe('convention B stored before the yellow flag’s amount became optional', () => {
  it('after the worker starts again, the memo page’s form and check take a price change signed without an amount', async () => {
    // The form signs with the shop's date when it writes, the test with its own today(): not across the shop's midnight.
    await clearOfMidnight();
    await putRaw(s.quiet, 'meta', 'remarkRules', storedOldB());
    await putRaw(s.quiet, 'meta', 'remarkRules:defaults', undefined);
    // A fresh worker with none of the old one's memory, started by the memo page: it reads the stored set anew.
    const worker = await s.stopWorker(s.quiet);
    await openConsole(s.page, CONSOLES.taobaoMemo);
    await expect.poll(() => worker.status()).toBe('running');
    await s.page.click('#flag2');
    await inPanel(s.page, '[data-kf="remark-form"][data-target="yellow"]').waitFor();
    const line = `【改价】小美 ${today()}`;
    await expect.poll(() => inPanel(s.page, '[data-kf="remark-preview"]').textContent()).toBe(line);
    expect(await inPanel(s.page, '[data-kf="remark-form"] [data-kf="remark-problems"]').count()).toBe(0);
    const use = inPanel(s.page, '[data-kf="remark-use"]');
    expect(await use.isDisabled()).toBe(false);
    await use.click();
    await expect.poll(() => s.page.evaluate(() => (document.getElementById('memo') as HTMLTextAreaElement).value)).toMatch(new RegExp(`${line}$`));
    await inPanel(s.page, '[data-kf="remark-ok"]').waitFor();

    // Stored so: the amount is optional, when the shop picked B is kept (no edit of the shop's).
    const stored = await callFromExtensionPage<RuleSet>(s.quiet, 'getRuleSet');
    expect(stored.flags.yellow.fields[0]).toMatchObject({ key: 'discount', required: false });
  }, 60_000 + MIDNIGHT_WAIT_MS);
});
