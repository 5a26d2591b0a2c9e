/**
 * A machine's stores in memory, with the same semantics as lib/storage (records through the same
 * domain functions, dirty keys on every write), so tests and the benchmark can run many machines
 * in one process. App-like helpers stand in for what the agent does in the panel and popup.
 */
import { maskWhole } from '../../lib/domain/suggest/mask-whole';
import { appendEvent, applyPatch, customerKey, makeEvent, mergeCustomer, newCustomer, type Customer, type CustomerPatch } from '../../lib/domain/customers';
import { addNote as addFollowupNote, complete, type Followup } from '../../lib/domain/followups';
import type { Template, TemplateLibrary } from '../../lib/domain/templates/types';
import { PRESET_A, cloneRuleSet, type RuleSet } from '../../lib/domain/remarks';
import { LEARNED_CAP, makePick, type LearnedPick } from '../../lib/domain/suggest/learned';
import type { ScenarioId } from '../../lib/domain/scenarios';
import type { TaughtPicks, TaughtSite } from '../../lib/sites/taught/record';
import { isAhead } from '../../lib/team/docs';
import { deletionEntry, dirtyCount, emptyDirty, mergeDirty, type Deleted, type Dirty, type LocalLibrary, type LocalStores, type SiteVersion } from '../../lib/team/local-stores';

export class MemoryStores implements LocalStores {
  readonly customerMap = new Map<string, Customer>();
  readonly followupMap = new Map<string, Followup>();
  lib: LocalLibrary = { groups: [], templates: [], updatedAt: 0 };
  ruleRecord: { ruleSet: RuleSet; updatedAt: number } = { ruleSet: cloneRuleSet(PRESET_A), updatedAt: 0 };
  readonly siteMap = new Map<string, TaughtSite>();
  /** Oldest first, like the learned memory; bounded by LEARNED_CAP. */
  readonly pickMap = new Map<string, LearnedPick>();
  private dirty: Dirty = emptyDirty();
  private inflight: Dirty = emptyDirty();
  /**
   * The starter library this "version" ships (the extension's stores load the bundled one). Unset:
   * a machine on a version from before any starter wording was retracted — it takes the shop's as sent.
   */
  starter?: () => Promise<TemplateLibrary>;
  /** Called after every local write (the extension debounces a sync here). */
  onWrite: (() => void) | null = null;

  private touched(d: Partial<Dirty>): void {
    this.dirty = mergeDirty(this.dirty, { ...emptyDirty(), ...d });
    this.onWrite?.();
  }

  async customers(keys: readonly string[]) {
    return new Map(keys.flatMap((k) => (this.customerMap.has(k) ? [[k, structuredClone(this.customerMap.get(k)!)] as const] : [])));
  }
  async customerKeys() {
    return [...this.customerMap.keys()];
  }
  async mergeCustomers(list: readonly Customer[]) {
    const ahead: string[] = [];
    for (const c of list) {
      const old = this.customerMap.get(c.key);
      // As the storage bridge: the merge, then this machine's notices of replaced text kept on it.
      const merged = old ? mergeCustomer(old, c) : c;
      const next = c.replaced ? { ...merged, replaced: { ...old?.replaced, ...c.replaced } } : merged;
      if (!old || JSON.stringify(old) !== JSON.stringify(next)) this.customerMap.set(c.key, structuredClone(next));
      if (old && isAhead(old, c)) ahead.push(c.key);
    }
    if (ahead.length) this.dirty = mergeDirty(this.dirty, { ...emptyDirty(), customers: ahead });
  }
  async dropNotes(list: readonly { key: string; ids: readonly string[] }[]) {
    for (const { key, ids } of list) {
      const c = this.customerMap.get(key);
      if (c) this.customerMap.set(key, { ...c, history: c.history.filter((e) => !ids.includes(e.id)) });
    }
  }
  async dropCustomers(list: readonly Deleted[]) {
    for (const { key, at } of list) if ((this.customerMap.get(key)?.createdAt ?? Infinity) <= at) this.customerMap.delete(key);
  }
  async dropFollowups(list: readonly Deleted[]) {
    for (const { key, at } of list) if ((this.followupMap.get(key)?.createdAt ?? Infinity) <= at) this.followupMap.delete(key);
  }
  async followups(ids: readonly string[]) {
    return new Map(ids.flatMap((k) => (this.followupMap.has(k) ? [[k, structuredClone(this.followupMap.get(k)!)] as const] : [])));
  }
  async followupIds() {
    return [...this.followupMap.keys()];
  }
  async updateFollowups(ids: readonly string[], fn: (id: string, local: Followup | undefined) => Followup | null) {
    for (const id of ids) {
      const next = fn(id, this.followupMap.get(id));
      if (next) this.followupMap.set(id, structuredClone(next));
    }
  }
  async library() {
    return structuredClone(this.lib);
  }
  async saveLibrary(lib: Pick<LocalLibrary, 'groups' | 'templates'>, base: number) {
    if (this.lib.updatedAt !== base) return false;
    this.lib = { ...structuredClone(lib), updatedAt: base + 1 };
    return true;
  }
  async rules() {
    return structuredClone(this.ruleRecord);
  }
  async applyRules(ruleSet: RuleSet, at: number, always: boolean) {
    if (!always && this.ruleRecord.updatedAt > at) return false;
    this.ruleRecord = { ruleSet: structuredClone(ruleSet), updatedAt: at };
    return true;
  }
  async sites() {
    return [...this.siteMap.values()].map((s) => structuredClone(s));
  }
  async applySites(list: readonly SiteVersion[], always: boolean) {
    const changed: string[] = [];
    for (const { origin, site, at } of list) {
      const mine = this.siteMap.get(origin);
      if (!always && mine && mine.updatedAt > at) continue;
      if (site) this.siteMap.set(origin, structuredClone(site));
      else if (!this.siteMap.delete(origin)) continue;
      changed.push(origin);
    }
    return changed;
  }
  async picks(ids: readonly string[]) {
    return new Map(ids.flatMap((id) => (this.pickMap.has(id) ? [[id, structuredClone(this.pickMap.get(id)!)] as const] : [])));
  }
  async pickIds() {
    return [...this.pickMap.keys()];
  }
  async addPicks(picks: readonly LearnedPick[]) {
    for (const p of picks) if (!this.pickMap.has(p.id)) this.pickMap.set(p.id, structuredClone(p));
    const all = [...this.pickMap.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    for (const p of all.slice(0, Math.max(0, all.length - LEARNED_CAP))) this.pickMap.delete(p.id);
  }
  async removePicks(ids: readonly string[]) {
    for (const id of ids) this.pickMap.delete(id);
  }
  async takeDirty(extra = emptyDirty()) {
    this.inflight = mergeDirty(mergeDirty(this.inflight, this.dirty), extra);
    this.dirty = emptyDirty();
    return this.inflight;
  }
  async ackDirty() {
    this.inflight = emptyDirty();
  }
  async countDirty() {
    return dirtyCount(mergeDirty(this.dirty, this.inflight));
  }
  async putBackDirty(d: Dirty) {
    this.dirty = mergeDirty(this.dirty, d);
  }
  async announce() {}

  // ------------------------------------------------ what an agent does (panel, popup, options)

  patchCustomer(nickname: string, patch: CustomerPatch, now: number): Customer {
    const key = customerKey('demo', nickname);
    const next = applyPatch(this.customerMap.get(key) ?? newCustomer('demo', nickname, now), patch, now, { maskPii: true });
    this.customerMap.set(key, next);
    this.touched({ customers: [key] });
    return next;
  }
  addNote(nickname: string, text: string, now: number): Customer {
    const key = customerKey('demo', nickname);
    const next = appendEvent(this.customerMap.get(key) ?? newCustomer('demo', nickname, now), makeEvent('note', now, text), { maskPii: true });
    this.customerMap.set(key, next);
    this.touched({ customers: [key] });
    return next;
  }
  putFollowup(item: Followup): void {
    this.followupMap.set(item.id, structuredClone(item));
    this.touched({ followups: [item.id] });
  }
  changeFollowup(id: string, fn: (f: Followup) => Followup): void {
    this.followupMap.set(id, fn(this.followupMap.get(id)!));
    this.touched({ followups: [id] });
  }
  saveRules(ruleSet: RuleSet, now: number): void {
    this.ruleRecord = { ruleSet: structuredClone(ruleSet), updatedAt: now };
    this.touched({ rules: true });
  }
  teachSite(picks: TaughtPicks, now: number): TaughtSite {
    const site: TaughtSite = { v: 1, ...structuredClone(picks), createdAt: this.siteMap.get(picks.origin)?.createdAt ?? now, updatedAt: now };
    this.siteMap.set(site.origin, site);
    this.touched({ sites: [site.origin] });
    return site;
  }
  forgetSite(origin: string): void {
    if (this.siteMap.delete(origin)) this.touched({ sites: [origin] });
  }
  /** The agent inserted a reply for a buyer's message (the suggestion engine learns it, masked). */
  learn(message: string, buyer: string, scenario: ScenarioId, templateId: string | null, now: number): LearnedPick {
    // As the learnPick handler: the message through maskWhole first.
    const pick = makePick({ message: maskWhole(message), buyer, scenario, templateId, source: 'insert' }, now)!;
    this.pickMap.set(pick.id, pick);
    this.touched({ picks: [pick.id] });
    return pick;
  }
  /** 学习记录 → 忘记 (or the retention period): like lib/storage forgetPicks. */
  forgetPicks(ids: readonly string[]): void {
    for (const id of ids) this.pickMap.delete(id);
    this.touched({ picks: [...ids], forgot: [...ids] });
  }
  /** 客户档案 → 删除, with the buyer's follow-ups (like the customers handlers: deleted for the team too). */
  deleteBuyer(nickname: string, followupIds: readonly string[], now: number): void {
    const key = customerKey('demo', nickname);
    this.customerMap.delete(key);
    for (const id of followupIds) this.followupMap.delete(id);
    this.touched({ deletedCustomers: [deletionEntry(now, key)], deletedFollowups: followupIds.map((id) => deletionEntry(now, id)) });
  }
  /** 删除 of a buyer with no profile here (only follow-ups name them): their items go, for the team too. */
  deleteFollowups(ids: readonly string[], now: number): void {
    for (const id of ids) this.followupMap.delete(id);
    this.touched({ deletedFollowups: ids.map((id) => deletionEntry(now, id)) });
  }
  saveTemplate(t: Template): void {
    const templates = this.lib.templates.filter((x) => x.id !== t.id).concat([t]);
    const groups = this.lib.groups.includes(t.group) ? this.lib.groups : [...this.lib.groups, t.group];
    this.lib = { groups, templates, updatedAt: this.lib.updatedAt + 1 };
    this.touched({ library: true });
  }
}

export { addFollowupNote, complete };
