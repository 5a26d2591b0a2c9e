/**
 * One Chromium per test file for the reply library's options pages: an extension page kept open
 * for calls, the starter library read once, and after each test its pages closed and the starter
 * library written back (so each test starts from it).
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import { callFromExtensionPage } from './pages';

export type Tpl = { id: string; title: string; body: string; group: string; scenarios: string[]; code?: string };
export type Lib = { groups: string[]; templates: Tpl[]; updatedAt: number };

export function libraryPages() {
  const s = {} as { h: Harness; ext: Page; starter: Lib };
  const pages: Page[] = [];
  beforeAll(async () => {
    s.h = await launchWithExtension();
    s.ext = await s.h.openExtensionPage('options.html#import');
    s.starter = await callFromExtensionPage<Lib>(s.ext, 'getLibrary');
  });
  afterAll(async () => s.h?.close());
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((p) => p.close()));
    await callFromExtensionPage(s.ext, 'saveLibrary', { groups: s.starter.groups, templates: s.starter.templates });
  });
  return {
    s,
    /** An options page on `tab`, closed after the test. */
    async options(tab: string): Promise<Page> {
      const page = await s.h.openExtensionPage(`options.html#${tab}`);
      pages.push(page);
      return page;
    },
    library: (page?: Page) => callFromExtensionPage<Lib>(page ?? s.ext, 'getLibrary'),
  };
}
