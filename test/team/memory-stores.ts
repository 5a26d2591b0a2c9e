/**
 * A machine's stores in memory, with the same semantics as lib/storage (records through the same
 * domain functions, dirty keys on every write), so tests and the benchmark can run many machines
 * in one process. App-like helpers stand in for what the agent does in the panel and popup.
 */
import { appendEvent, applyPatch, customerKey, makeEvent, mergeCustomer, newCustomer, type Customer, type CustomerPatch } from '../../lib/domain/customers';
import { addNote as addFollowupNote, complete, type Followup } from '../../lib/domain/followups';
import type { Template } from '../../lib/domain/templates/types';
import { isAhead } from '../../lib/team/docs';
import { emptyDirty, mergeDirty, type Dirty, type LocalLibrary, type LocalStores } from '../../lib/team/local-stores';

export class MemoryStores implements LocalStores {
  readonly customerMap = new Map<string, Customer>();
  readonly followupMap = new Map<string, Followup>();
  lib: LocalLibrary = { groups: [], templates: [], updatedAt: 0 };
  private dirty: Dirty = emptyDirty();
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
      const next = old ? mergeCustomer(old, c) : c;
      if (!old || JSON.stringify(old) !== JSON.stringify(next)) this.customerMap.set(c.key, structuredClone(next));
      if (old && isAhead(old, c)) ahead.push(c.key);
    }
    if (ahead.length) this.dirty = mergeDirty(this.dirty, { ...emptyDirty(), customers: ahead });
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
  async takeDirty() {
    const d = this.dirty;
    this.dirty = emptyDirty();
    return d;
  }
  async countDirty() {
    return this.dirty.customers.length + this.dirty.followups.length + (this.dirty.library ? 1 : 0);
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
  saveTemplate(t: Template): void {
    const templates = this.lib.templates.filter((x) => x.id !== t.id).concat([t]);
    const groups = this.lib.groups.includes(t.group) ? this.lib.groups : [...this.lib.groups, t.group];
    this.lib = { groups, templates, updatedAt: this.lib.updatedAt + 1 };
    this.touched({ library: true });
  }
}

export { addFollowupNote, complete };
