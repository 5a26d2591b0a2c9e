// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { Backups } from './Backups';
import { mountTab } from './testing';
import { CallError } from '@/lib/messaging/client';
import { setLocale } from '@/lib/i18n';

vi.mock('@/lib/browser', () => ({ browser: {} }));

describe('the 备份 tab', () => {
  it('says in Chinese first why a restore failed (the background’s English detail only in brackets after it)', async () => {
    setLocale('zh-CN');
    const tab = await mountTab(<Backups />, {
      listBackups: () => [{ id: 'snap-1', takenAt: Date.UTC(2026, 0, 1), reason: 'daily', counts: { customers: 3 } }],
      restoreBackup: () => {
        throw new CallError('unknown', 'snapshot snap-1 is damaged (customers)');
      },
    });
    await tab.click('[data-kf="backup-restore"]');
    await tab.click('[data-kf="backup-restore-confirm"]');
    const text = tab.q('[data-kf="backup-message"]')!.textContent!;
    expect(text).toMatch(/^操作失败：出现意外错误（snapshot snap-1 is damaged \(customers\)）$/);
  });
});
