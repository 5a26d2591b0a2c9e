/**
 * `npm run bench:card`: only the buyer card's conversation-switch figure (the notes bench with a
 * small store), for comparing card designs quickly: the ratio to the page's own switch first, both
 * p50s, and the 1-minute load average at the start and the end (the machine is shared). The full
 * figure is in `npm run bench`.
 */
import { loadavg } from 'node:os';
import { benchNotes } from './notes';

const loadBefore = loadavg()[0]!;
const r = await benchNotes({ buyers: 2000, lookups: 20, switches: Number(process.env.SWITCHES ?? 60) });
console.log(
  JSON.stringify({
    card_switch_ratio_to_ping: r.card_switch_ratio_to_ping,
    card_after_switch_ms_p50: r.card_after_switch_ms_p50,
    card_switch_page_own_ms_p50: r.card_switch_page_own_ms_p50,
    card_after_switch_ms_p95: r.card_after_switch_ms_p95,
    loadavg_1m: [Math.round(loadBefore * 10) / 10, Math.round(loadavg()[0]! * 10) / 10],
  }),
);
