/**
 * `npm run bench:card`: only the buyer card's conversation-switch figure (the notes bench with a
 * small store), for comparing card designs quickly: the ratio of the p50s (ours ÷ the page's own
 * switch without the extension) first, p50 and p95 of both, where ours goes (the page's own click
 * handler in our browser, the card frame's DOM), the number of samples and the 1-minute load
 * average at the start and the end (the machine is shared). SWITCHES=n for another sample count.
 * The full figure is in `npm run bench`.
 */
import { loadavg } from 'node:os';
import { benchNotes, SWITCHES } from './notes';
import { round } from './stats';

const loadBefore = loadavg()[0]!;
const r = await benchNotes({ buyers: 2000, lookups: 20, switches: Number(process.env.SWITCHES ?? SWITCHES) });
console.log(
  JSON.stringify({
    card_switch_ratio_to_ping: r.card_switch_ratio_to_ping,
    card_after_switch_ms_p50: r.card_after_switch_ms_p50,
    card_switch_page_own_ms_p50: r.card_switch_page_own_ms_p50,
    card_after_switch_ms_p95: r.card_after_switch_ms_p95,
    card_switch_page_own_ms_p95: r.card_switch_page_own_ms_p95,
    card_switch_page_handler_ms_p50: r.card_switch_page_handler_ms_p50,
    card_dom_after_switch_ms_p50: r.card_dom_after_switch_ms_p50,
    card_switch_page_in_ours_ms_p50: r.card_switch_page_in_ours_ms_p50,
    card_switch_both_ms_p50: r.card_switch_both_ms_p50,
    card_switch_both_ratio_to_page: r.card_switch_both_ratio_to_page,
    card_switch_samples: r.card_switch_samples,
    loadavg_1m: [round(loadBefore, 1), round(loadavg()[0]!, 1)],
  }),
);
