/**
 * Typing in the options page's template form with a library at the import limit (4,999 replies of
 * 1,950 characters, as the QA pass of 2026-12-03 built it) vs with an empty library, in one Chromium
 * (the floor: the same form, nothing else to draw or check). A keystroke is timed in the page, from
 * its keydown to the next animation frame (the frame that shows the character: the form renders in
 * a microtask before it). QA measured about 4 s a key before the form kept its draft to itself.
 *
 * `node --import tsx test/bench/template-editor.ts [extensionDir]` runs it alone (after `wxt build`;
 * another build's directory measures that build).
 */
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../e2e/harness';
import { callFromExtensionPage } from '../e2e/pages';
import { ratio } from './floor';
import { percentile, round } from './stats';

const BODY = '很长的内容'.repeat(390);

function bigLibrary(count: number) {
  const groups = Array.from({ length: 12 }, (_, i) => `分组${i + 1}`);
  const templates = Array.from({ length: count }, (_, i) => ({
    id: `h${i}`,
    title: `大量话术${i}`,
    body: BODY,
    group: groups[i % groups.length]!,
    scenarios: ['greeting'],
  }));
  return { groups, templates };
}

/** Opens 新建话术 on a fresh options page and times `keys` keystrokes in its body. */
async function typeInForm(page: Page, keys: number): Promise<number[]> {
  await page.reload();
  await page.locator('[data-kf="new-template"]').click({ timeout: 120_000 });
  const body = page.locator('[data-kf="template-form"] textarea[name="body"]');
  await body.focus();
  await page.evaluate(() => {
    const w = window as unknown as { __kfKeys: number[] };
    w.__kfKeys = [];
    document.addEventListener(
      'keydown',
      () => {
        const t0 = performance.now();
        requestAnimationFrame(() => w.__kfKeys.push(performance.now() - t0));
      },
      true,
    );
  });
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press('a');
    await page.waitForFunction((n) => (window as unknown as { __kfKeys: number[] }).__kfKeys.length > n, i, { timeout: 120_000 });
  }
  return page.evaluate(() => (window as unknown as { __kfKeys: number[] }).__kfKeys);
}

export async function benchTemplateEditor(opts: { extensionDir?: string; count?: number; keys?: number } = {}): Promise<Record<string, number>> {
  const count = opts.count ?? 4999;
  const keys = opts.keys ?? 20;
  const h = await launchWithExtension(opts.extensionDir ? { extensionDir: opts.extensionDir } : {});
  try {
    const page = await h.openExtensionPage('options.html#templates');
    await callFromExtensionPage(page, 'saveLibrary', { groups: ['常用'], templates: [] });
    const empty = await typeInForm(page, keys);
    await callFromExtensionPage(page, 'saveLibrary', bigLibrary(count));
    const big = await typeInForm(page, keys);
    const r = ratio(big, empty);
    return {
      [`template_keystroke_ms_${count}`]: r.ours,
      [`template_keystroke_ms_${count}_p95`]: round(percentile(big, 95), 1),
      template_keystroke_ms_empty: r.floor,
      [`template_keystroke_ratio_${count}_to_empty`]: r.ratio,
    };
  } finally {
    await h.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  const keys = Number(process.env.KF_BENCH_KEYS) || undefined;
  benchTemplateEditor({ extensionDir: dir, keys }).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
