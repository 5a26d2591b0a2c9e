// @vitest-environment happy-dom
/**
 * The panel in team mode with a chosen shift (options → 团队 → 我的班次): the worker says 'team' changed
 * for every sync status (正在同步… → 已同步, twice a round, rounds every few minutes and after each
 * write), and for the configuration. The panel asks the worker for the member's shift
 * (handoverTargets) only when what that answer rests on changed — the chosen shift in `kf:team`, the
 * shop's day-shift hours — not at each status flip (measured 2026-12-06: one handoverTargets per
 * flip, from every open console tab).
 */
import { afterEach, expect, it, vi } from 'vitest';

const bg = vi.hoisted(() => ({
  /** Every verb the panel sent, in order. */
  sent: [] as string[],
  /** The extension's storage.local as the content script reads it, and how often `kf:team` was read. */
  local: {} as Record<string, unknown>,
  reads: 0,
  dayShift: { start: '08:00', end: '20:00' },
  /** handoverTargets fails this many more times (the worker stopping under it). */
  failures: 0,
  /** The panel's listeners for data changes (onDataChanged). */
  changed: [] as ((area: string) => void)[],
}));
vi.mock('../browser', () => ({
  browser: { storage: { local: { get: async (k: string) => (bg.reads++, k in bg.local ? { [k]: bg.local[k] } : {}) } } },
}));
vi.mock('../messaging/client', async () => {
  const { DEFAULT_APP_SETTINGS } = await import('../storage/settings');
  const replies: Record<string, () => unknown> = {
    getSettings: () => ({ ...DEFAULT_APP_SETTINGS, followups: { ...DEFAULT_APP_SETTINGS.followups, dayShift: bg.dayShift } }),
    getUsage: () => ({ v: 1, templates: {} }),
    handoverTargets: () => {
      if (bg.failures > 0 && bg.failures--) return Promise.reject(new Error('no reply'));
      const shift = (bg.local['kf:team'] as { shift?: 'day' | 'night' } | undefined)?.shift;
      return { shift: shift ?? 'day', members: [], ...(shift ? { chosen: true } : {}) };
    },
  };
  return {
    call: async (verb: string) => (bg.sent.push(verb), replies[verb] ? replies[verb]() : new Promise(() => {})),
    onDataChanged: (_areas: string[], listener: (area: string) => void) => (bg.changed.push(listener), () => {}),
  };
});
vi.mock('./features', () => ({ loadFeature: () => new Promise(() => {}) }));

import { bootDemo } from '../sites/testing';
import { demoAdapter } from '../sites/demo';
import type { CardFrameHost } from './card-frame';
import { PanelController } from './controller';

const MEMBER = { server: 'http://127.0.0.1:5984', shop: 'shop1', user: '小王', role: 'agent' };
let abort: AbortController;

afterEach(() => {
  abort.abort();
  bg.sent = [];
  bg.local = {};
  bg.reads = 0;
  bg.changed = [];
  bg.failures = 0;
  bg.dayShift = { start: '08:00', end: '20:00' };
});

const asked = () => bg.sent.filter((v) => v === 'handoverTargets').length;

/** Another context changed `area`; resolves once the panel has read `kf:team` for it and acted on what it read. */
async function changed(area: string, reads = 1): Promise<void> {
  const before = bg.reads;
  for (const l of bg.changed) l(area);
  await vi.waitFor(() => expect(bg.reads).toBe(before + reads));
  // What the read leads to (a message, or none) is decided in the tasks right after it.
  await new Promise((r) => setTimeout(r, 0));
}

async function teamPanel(): Promise<PanelController> {
  bootDemo('/chat/u-1008?auto=0');
  abort = new AbortController();
  const panel = new PanelController(demoAdapter, document, abort.signal);
  await panel.start({ card: {} as CardFrameHost, features: [] });
  return panel;
}

it('asks nothing at a sync status flip (正在同步… → 已同步): only a new chosen shift is asked for again', async () => {
  bg.local['kf:team'] = { ...MEMBER, shift: 'night' };
  await teamPanel();
  await vi.waitFor(() => expect(asked()).toBe(1));

  // Three rounds' status ticks: the configuration is unchanged.
  for (const state of ['syncing', 'synced', 'syncing', 'synced', 'syncing', 'offline']) {
    bg.local['kf:team:status'] = { state, pending: 0 };
    await changed('team');
  }
  expect(asked()).toBe(1);

  // The member picks 白班 (options → 团队): asked once, and again nothing at the next flips.
  bg.local['kf:team'] = { ...MEMBER, shift: 'day' };
  await changed('team');
  expect(asked()).toBe(2);
  await changed('team');
  expect(asked()).toBe(2);

  // Team mode left: nothing to ask; joined again with 夜班: asked.
  delete bg.local['kf:team'];
  await changed('team');
  expect(asked()).toBe(2);
  bg.local['kf:team'] = { ...MEMBER, shift: 'night' };
  await changed('team');
  expect(asked()).toBe(3);
});

it('asks again after a settings change only when the shop’s day-shift hours changed (全天白班 turns 夜班 into 白班)', async () => {
  bg.local['kf:team'] = { ...MEMBER, shift: 'night' };
  await teamPanel();
  await vi.waitFor(() => expect(asked()).toBe(1));

  // Another tab folded its panel (收起 is a setting): the settings are read again, the shift is not asked.
  const settingsReads = () => bg.sent.filter((v) => v === 'getSettings').length;
  const before = settingsReads();
  await changed('settings');
  expect(settingsReads()).toBe(before + 1);
  expect(asked()).toBe(1);

  // Round the clock: the worker's answer changes, so it is asked.
  bg.dayShift = { start: '00:00', end: '00:00' };
  await changed('settings');
  expect(asked()).toBe(2);
});

it('outside team mode, and for a member with no chosen shift, no flip or settings change asks anything', async () => {
  await teamPanel();
  await changed('team');
  await changed('settings');
  bg.local['kf:team'] = MEMBER;
  await changed('team');
  expect(asked()).toBe(0);
});

it('asks again at the next change when the ask failed (the worker stopping): the shift is not left unknown until the member changes it', async () => {
  bg.local['kf:team'] = { ...MEMBER, shift: 'night' };
  bg.failures = 1;
  await teamPanel();
  await vi.waitFor(() => expect(asked()).toBe(1));
  await changed('team');
  expect(asked()).toBe(2);
  // Answered this time: the flips after it ask nothing.
  await changed('team');
  expect(asked()).toBe(2);
});
