/**
 * Remark rules: the shop's rule set, the saved-anyway log, and the one place remark facts come
 * from. Whether a remark was saved through the panel (recordRemark) or merely seen on an order list
 * (reportOrders, see orders.ts), it is parsed here and its facts go to `remarkFactSinks`.
 */
import { announceChange } from '../client';
import { recordRemarkSaved } from './customers';
import { InvalidPayload, obj, type HandlerSet } from './types';
import type { RecordRemarkRequest, RulesProtocol } from '../protocol-rules';
import type { SeenOrder } from '../protocol-orders';
import { addRemarkOverride, listRemarkOverrides, loadRuleSet, saveRuleSet, RuleSetInvalid, type RemarkOverride } from '../../storage/rules';
import { loadSettings, shopZone } from '../../storage/settings';
import type { FlagColor, Platform, RemarkFact, RuleSet } from '../../domain/remarks';
import { isFlagColor } from '../../domain/remarks/rules';
import { isoDate } from '../../domain/remarks/fields';
import type { Zone } from '../../domain/time';
import { workerExtras } from '../../background/extras';
import { BUYER_ID_MAX } from '../../domain/customers/identity';
import { LIMITS } from '../../domain/customers/customer';
import { PLATFORM_IDS } from '../schema';

export interface RemarkFactContext {
  platform: Platform;
  orderId: string;
  buyer: string;
  /** The console's id of the buyer, where the page shows one (see lib/domain/customers/README.md). */
  buyerId?: string;
  flag: FlagColor;
  /** The whole remark box. */
  text: string;
  /** The page it was saved or seen on, as the browser names the sender (not the page's payload). */
  url?: string;
  /** 'saved': the agent saved it with the panel watching; 'seen': read on an order list. */
  origin: 'saved' | 'seen';
  /** The remark broke the rules and was saved with a stated reason. */
  overridden: boolean;
  now: number;
}

/**
 * Where remark facts go (follow-ups: ship-by dates, pending returns; customers: contact changes…).
 * Features push their sink here. A sink is called once per remark, also with no facts, so it can
 * drop what an order's remark no longer says; it must be idempotent (lists are reported often).
 */
export type RemarkFactSink = (facts: RemarkFact[], ctx: RemarkFactContext) => Promise<void>;
export const remarkFactSinks: RemarkFactSink[] = [
  // Buyer notes: a remark saved through the panel goes into the buyer's history.
  recordRemarkSaved,
];

const PLATFORMS = new Set<string>(PLATFORM_IDS);
const ORDER_ID = /^[0-9A-Za-z-]{4,40}$/;

/**
 * The facts of a remark box: its newest line, read with the order's flag breaking ties. A date
 * without a year (11/28) takes the year nearest the shop's today (`zone`, shopZone).
 */
export function factsOfRemark(text: string, ruleSet: RuleSet, order: { orderId: string; buyer: string; flag: FlagColor; flagUnknown?: boolean }, now: number, zone: Zone): RemarkFact[] {
  if (!text.trim()) return [];
  const { parseRemark, remarkFacts } = workerExtras().remarks;
  // A flag not read breaks no tie: the remark's own text decides.
  const today = isoDate(now, zone);
  const parsed = parseRemark(text, ruleSet, { today, ...(order.flagUnknown ? {} : { expect: order.flag }) });
  return remarkFacts(parsed, order.orderId, order.buyer, { ruleSet, today });
}

/**
 * Runs every sink; one feature's failure does not keep the others from their facts. Returns the
 * first failure: a remark the agent saved must not be called recorded when its follow-up was not
 * (recordRemark throws it to the panel); a list's remark is read again with the next report.
 */
async function deliver(facts: RemarkFact[], ctx: RemarkFactContext): Promise<unknown> {
  let failed;
  for (const sink of remarkFactSinks) {
    try {
      await sink(facts, ctx);
    } catch (err) {
      failed ??= err;
    }
  }
  return failed;
}

/** The reportOrders sink: each reported row's remark, parsed against the shop's current rules. */
export async function remarkFactsFromOrders(platform: Platform, orders: SeenOrder[], now: number, pageUrl?: string): Promise<void> {
  if (remarkFactSinks.length === 0) return;
  const [ruleSet, settings] = await Promise.all([loadRuleSet(), loadSettings()]);
  for (const o of orders) {
    // A remark the page no longer shows is not "no remark": what it said before stays.
    if (o.unread?.includes('remark')) continue;
    const facts = factsOfRemark(o.remark, ruleSet, o, now, shopZone(settings));
    await deliver(facts, { platform, orderId: o.orderId, buyer: o.buyer, ...(o.buyerId ? { buyerId: o.buyerId } : {}), flag: o.flag, text: o.remark, ...(pageUrl ? { url: pageUrl } : {}), origin: 'seen', overridden: false, now });
  }
}

function str(v: unknown, what: string, max: number, opts: { nonEmpty?: boolean } = {}): string {
  if (typeof v !== 'string' || v.length > max || (opts.nonEmpty && !v.trim())) throw new InvalidPayload(`recordRemark: ${what}`);
  return v;
}

export function parseRecordRemark(payload: unknown): RecordRemarkRequest {
  const p = obj(payload, 'recordRemark');
  if (typeof p.platform !== 'string' || !PLATFORMS.has(p.platform)) throw new InvalidPayload('recordRemark: platform');
  if (typeof p.orderId !== 'string' || !ORDER_ID.test(p.orderId)) throw new InvalidPayload('recordRemark: orderId');
  if (!isFlagColor(p.flag)) throw new InvalidPayload('recordRemark: flag');
  const req: RecordRemarkRequest = {
    platform: p.platform as Platform,
    orderId: p.orderId,
    buyer: str(p.buyer ?? '', 'buyer', 64),
    ...(p.buyerId === undefined ? {} : { buyerId: str(p.buyerId, 'buyerId', BUYER_ID_MAX, { nonEmpty: true }) }),
    flag: p.flag,
    text: str(p.text, 'text', LIMITS.eventText),
    // The panel's retry repeats the first attempt's time: the buyer's history line (named by it) is not written twice.
    ...(typeof p.at === 'number' && p.at >= 0 ? { at: p.at } : {}),
  };
  if (p.override !== undefined) {
    const o = obj(p.override, 'recordRemark.override');
    const reason = str(o.reason, 'override.reason', 200, { nonEmpty: true }).trim();
    if (!Array.isArray(o.problems) || o.problems.length > 30) throw new InvalidPayload('recordRemark: override.problems');
    const problems = o.problems.map((raw, i) => {
      const q = obj(raw, `recordRemark.override.problems[${i}]`);
      return { code: str(q.code, `override.problems[${i}].code`, 40), message: str(q.message, `override.problems[${i}].message`, 400) };
    });
    req.override = { reason, problems };
  }
  return req;
}

export { RULES_SECTION } from './import-section';

/** Writes an imported (already validated) rule set. */
export async function importRuleSet(ruleSet: RuleSet): Promise<void> {
  await saveRuleSet(ruleSet);
  await announceChange('rules');
}

export const rulesHandlers: HandlerSet<RulesProtocol> = {
  getRuleSet: { content: true, handle: () => loadRuleSet() },
  saveRuleSet: {
    async handle(payload) {
      try {
        const saved = await saveRuleSet(payload);
        await announceChange('rules');
        return saved;
      } catch (err) {
        if (err instanceof RuleSetInvalid) throw new InvalidPayload(err.message);
        throw err;
      }
    },
  },
  recordRemark: {
    writes: true,
    content: true,
    /**
     * Every part is tried (the override log, each sink) and then the first failure is thrown: the
     * panel keeps the request and sends it again, which only adds what is missing.
     */
    async handle(payload, ctx) {
      const req = parseRecordRemark(payload);
      const now = req.at ?? Date.now();
      let overrideRecorded = false;
      let failed;
      const settings = await loadSettings();
      if (req.override) {
        try {
          const entry: RemarkOverride = {
            at: now,
            platform: req.platform,
            orderId: req.orderId,
            buyer: req.buyer,
            flag: req.flag,
            agent: settings.shop.agentName,
            reason: req.override.reason,
            problems: req.override.problems,
            text: req.text,
          };
          // Stored masked as notes are (the log outlives the order's chat; backups copy it). Overrides are
          // rare: maskOverride comes from worker-extras.js, so background.js, parsed at every wake, stays small.
          await addRemarkOverride(workerExtras().privacy.maskOverride(entry, settings.privacy.maskPii));
          overrideRecorded = true;
          await announceChange('rules');
        } catch (err) {
          failed = err;
        }
      }
      const ruleSet = await loadRuleSet();
      const facts = factsOfRemark(req.text, ruleSet, req, now, shopZone(settings));
      failed ??= await deliver(facts, {
        platform: req.platform, orderId: req.orderId, buyer: req.buyer, ...(req.buyerId ? { buyerId: req.buyerId } : {}), flag: req.flag, text: req.text,
        ...(ctx.sender === 'content-script' && ctx.url ? { url: ctx.url } : {}), origin: 'saved', overridden: overrideRecorded, now,
      });
      if (failed) throw failed;
      return { facts: facts.length, overrideRecorded };
    },
  },
  listRemarkOverrides: { handle: () => listRemarkOverrides() },
};
