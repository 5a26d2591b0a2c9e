import { t } from '@/lib/i18n';
import { notDoneText } from '@/lib/messaging/not-done';

/**
 * A failed delete, edit, export, setting or read on this tab, said as what was not done
 * (lib/messaging/not-done.ts) with only what is certain: a setting is one write (unchanged); a
 * delete is several (the buyer, then follow-ups, learned picks, backups), so part may be done; the
 * question before a delete and an export or a read write nothing; an edit's form keeps what was typed.
 */
export function customersNotDone(err: unknown, op: 'delete' | 'ask' | 'edit' | 'export' | 'setting' | 'load'): string {
  const k = (s: string) => t(`customers.options.${s}`);
  switch (op) {
    case 'delete':
      return notDoneText(err, k('notDone.delete'), k('unchanged.delete'), k('deleteAgain'));
    case 'ask':
      return notDoneText(err, k('notDone.delete'), k('unchanged.ask'), k('deleteAgain'));
    case 'edit':
      return notDoneText(err, k('notDone.edit'), k('unchanged.edit'), k('editAgain'));
    case 'export':
      return notDoneText(err, k('notDone.export'), k('unchanged.export'), k('exportAgain'));
    case 'setting':
      return notDoneText(err, k('notDone.setting'), k('unchanged.setting'));
    case 'load':
      return notDoneText(err, k('notDone.load'), k('unchanged.load'), k('loadAgain'));
  }
}
