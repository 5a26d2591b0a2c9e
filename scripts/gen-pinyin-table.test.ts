import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { TABLE_PATH, renderTable } from './gen-pinyin-table';

it('the committed pinyin table is what pinyin-pro gives (re-run scripts/gen-pinyin-table.ts after an upgrade)', () => {
  expect(readFileSync(TABLE_PATH, 'utf8') === renderTable()).toBe(true);
}, 30_000);
