/**
 * `npm run bench:card`: only the buyer card's conversation-switch figure (the notes bench with a
 * small store), for comparing card designs quickly. The full figure is in `npm run bench`.
 */
import { benchNotes } from './notes';

const r = await benchNotes({ buyers: 2000, lookups: 20, switches: Number(process.env.SWITCHES ?? 60) });
console.log(JSON.stringify({ card_switch_ratio_to_ping: r.card_switch_ratio_to_ping, card_after_switch_ms_p50: r.card_after_switch_ms_p50, card_switch_page_own_ms_p50: r.card_switch_page_own_ms_p50, card_after_switch_ms_p95: r.card_after_switch_ms_p95 }));
