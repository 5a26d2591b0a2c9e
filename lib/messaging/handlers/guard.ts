/** Guard rules and the reply clock's daily record. */
import { announceChange } from '../client';
import { InvalidPayload, obj, type HandlerSet } from './types';
import type { GuardProtocol } from '../protocol-guard';
import { GuardConfigInvalid, loadClockLog, loadGuardConfig, patchStoredGuardConfig, recordAnsweredWait, saveGuardConfig } from '../../storage/guard';
import { loadSettings, shopZone } from '../../storage/settings';
import { CLOCK_PLATFORMS, type ClockPlatform } from '../../domain/clock';
import { isoDay } from '../../domain/time';
import { workerExtras } from '../../background/extras';
import type { GuardConfig } from '../../domain/guard/types';

export { GUARD_SECTION } from './import-section';

export async function importGuardSection(config: GuardConfig): Promise<void> {
  await saveGuardConfig(config);
  await announceChange('guard');
}

const MAX_WAIT_MS = 7 * 24 * 3600_000;

/** A write of the guard settings, announced; the problems of a refused one (a word over 40 characters …) in the interface's language. */
async function savedAndAnnounced(write: (locale: 'zh-CN' | 'en') => Promise<GuardConfig>): Promise<GuardConfig> {
  try {
    const saved = await write((await loadSettings()).shop.locale);
    await announceChange('guard');
    return saved;
  } catch (err) {
    if (err instanceof GuardConfigInvalid) throw new InvalidPayload(err.message);
    throw err;
  }
}

export const guardHandlers: HandlerSet<GuardProtocol> = {
  getGuardConfig: { content: true, handle: () => loadGuardConfig() },
  saveGuardConfig: { handle: (payload) => savedAndAnnounced((locale) => saveGuardConfig(payload, locale)) },
  // The patch is checked in the extras (applyGuardPatch), with the settings it changes.
  patchGuardConfig: { handle: (payload) => savedAndAnnounced((locale) => patchStoredGuardConfig(payload, locale)) },
  recordAnsweredWait: {
    writes: true,
    content: true,
    async handle(payload) {
      const p = obj(payload, 'recordAnsweredWait');
      const { platform, conversation, since, at } = p;
      if (!CLOCK_PLATFORMS.includes(platform as ClockPlatform)) throw new InvalidPayload('recordAnsweredWait: platform');
      if (typeof conversation !== 'string' || !/^[0-9a-z]{1,16}$/.test(conversation)) throw new InvalidPayload('recordAnsweredWait: conversation');
      // One check: NaN and ±Infinity fail the comparisons as a time out of range does.
      if (typeof since !== 'number' || typeof at !== 'number' || !(at >= since && at - since <= MAX_WAIT_MS && at <= Date.now() + 60_000)) throw new InvalidPayload('recordAnsweredWait: times');
      const settings = await loadSettings();
      await recordAnsweredWait({ platform: platform as ClockPlatform, conversation, since, at }, settings.replyClock, shopZone(settings));
      await announceChange('clock');
    },
  },
  getClockSummary: {
    async handle(payload) {
      const d = payload && typeof payload === 'object' ? (payload as { day?: unknown }).day : undefined;
      if (d !== undefined && (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d))) throw new InvalidPayload('getClockSummary: day');
      const s = await loadSettings();
      // Today is the shop's day, the day the record is kept by (addAnswered); the share is within the shop's red thresholds.
      const day = d ?? isoDay(Date.now(), shopZone(s));
      return { day, platforms: workerExtras().reports.summariseDay(await loadClockLog(), day, s.replyClock) };
    },
  },
  exportClockCsv: { handle: async () => workerExtras().reports.clockCsv(await loadClockLog(), (await loadSettings()).replyClock) },
};
