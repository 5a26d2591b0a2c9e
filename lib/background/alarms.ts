import { browser } from '../browser';
import { customersDailyJob } from '../messaging/handlers/customers';
import { learnedDailyJob } from '../messaging/handlers/learned';
import { scheduledBackup } from '../messaging/handlers/backup';
import { FOLLOWUP_ALARM, FOLLOWUP_TICK_MINUTES } from './badge';
import { followupTick, vipRevisits } from './followup-jobs';
import { shared } from '../messaging/turn';

/** A periodic job: its period in minutes, and what it does. Named by its alarm (`kf-` prefixed). */
export type Job = [periodInMinutes: number, run: (now: number) => Promise<unknown>];

/** Every periodic job of the extension, by alarm name (a table, not objects: the worker has a byte budget). A feature adds its job here. */
export const JOBS: Record<string, Job> = {
  // Hourly check; the daily snapshot is taken when the newest daily one is older than 20 hours.
  'kf-backup': [60, scheduledBackup],
  // Buyer notes: old record shapes upgraded; buyers untouched for settings.privacy.retentionDays purged.
  'kf-customers-daily': [24 * 60, customersDailyJob],
  // Learned picks hold buyers' words: the same retention period, and no more than the bound.
  'kf-learned-daily': [24 * 60, learnedDailyJob],
  // Follow-ups: badge and cut-off notifications. refreshBadge re-arms it for the next item to turn due.
  [FOLLOWUP_ALARM]: [FOLLOWUP_TICK_MINUTES, followupTick],
  // VIP monthly revisits from the customer notes; done items older than 30 days forgotten.
  'kf-followups-vip': [60, vipRevisits],
};

export async function runJob(name: string, now = Date.now()): Promise<void> {
  // Own names only: an alarm named like an Object.prototype key runs nothing.
  const job = Object.hasOwn(JOBS, name) && JOBS[name];
  if (!job) return;
  try {
    // Under the whole-data lock: a backup or a purge never runs in the middle of 删除全部数据 or an
    // import (a backup taken then kept everything the deletion said was gone); it runs after.
    await shared(() => job[1](now));
  } catch (err) {
    console.warn(`[kf] job ${name} failed`, err);
  }
}

export async function registerAlarms(): Promise<void> {
  browser.alarms.onAlarm.addListener((alarm) => void runJob(alarm.name));
  const existing = new Set((await browser.alarms.getAll()).map((a) => a.name));
  for (const [name, [periodInMinutes]] of Object.entries(JOBS)) {
    if (!existing.has(name)) browser.alarms.create(name, { periodInMinutes, delayInMinutes: 1 });
  }
}
