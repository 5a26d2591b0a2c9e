import { browser } from '../browser';
import { customersDailyJob } from '../messaging/handlers/customers';
import { learnedDailyJob } from '../messaging/handlers/learned';
import { scheduledBackup } from '../messaging/handlers/backup';
import { FOLLOWUP_ALARM, FOLLOWUP_TICK_MINUTES } from './badge';
import { followupTick, vipRevisits } from './followup-jobs';
import { shared } from '../messaging/turn';

export interface Job {
  /** Alarm name; `kf-` prefixed. */
  name: string;
  periodInMinutes: number;
  run(now: number): Promise<unknown>;
}

/** Every periodic job of the extension. A feature adds its job here. */
export const JOBS: Job[] = [
  // Hourly check; the daily snapshot is taken when the newest daily one is older than 20 hours.
  { name: 'kf-backup', periodInMinutes: 60, run: (now) => scheduledBackup(now) },
  // Buyer notes: old record shapes upgraded; buyers untouched for settings.privacy.retentionDays purged.
  { name: 'kf-customers-daily', periodInMinutes: 24 * 60, run: (now) => customersDailyJob(now) },
  // Learned picks hold buyers' words: the same retention period, and no more than the bound.
  { name: 'kf-learned-daily', periodInMinutes: 24 * 60, run: (now) => learnedDailyJob(now) },
  // Follow-ups: badge and cut-off notifications. refreshBadge re-arms it for the next item to turn due.
  { name: FOLLOWUP_ALARM, periodInMinutes: FOLLOWUP_TICK_MINUTES, run: (now) => followupTick(now) },
  // VIP monthly revisits from the customer notes; done items older than 30 days forgotten.
  { name: 'kf-followups-vip', periodInMinutes: 60, run: (now) => vipRevisits(now) },
];

export async function runJob(name: string, now = Date.now()): Promise<void> {
  const job = JOBS.find((j) => j.name === name);
  if (!job) return;
  try {
    // Under the whole-data lock: a backup or a purge never runs in the middle of 删除全部数据 or an
    // import (a backup taken then kept everything the deletion said was gone); it runs after.
    await shared(() => job.run(now));
  } catch (err) {
    console.warn(`[kf] job ${name} failed`, err);
  }
}

export async function registerAlarms(): Promise<void> {
  browser.alarms.onAlarm.addListener((alarm) => void runJob(alarm.name));
  const existing = new Set((await browser.alarms.getAll()).map((a) => a.name));
  for (const job of JOBS) {
    if (!existing.has(job.name)) browser.alarms.create(job.name, { periodInMinutes: job.periodInMinutes, delayInMinutes: 1 });
  }
}
