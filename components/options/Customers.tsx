import { BuyerTag } from '@/components/BuyerTag';
import { buyerLabel } from '@/lib/domain/customers/buyer-tag';
import { isMaskedNickname } from '@/lib/domain/customers/identity';
import { PageText, pageSentence } from '@/components/PageText';
import type { ComponentChildren } from 'preact';
import { showDirectionControls } from '@/lib/domain/text';
import { imeKey } from '../ime-key';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApi, useLoaded, type OptionsApi } from './OptionsContext';
import { useShopZone } from './useShopZone';
import { CustomerEditForm } from './CustomerEdit';
import { DAY, isoDay, startOfDay, type Zone } from '@/lib/domain/time';
import { VIP_BACKLOG_PER_DAY } from '@/lib/domain/followups/rules';
import { dateStamp, JsonFileInput, parseImportJson, readImportText, undoLine } from './ImportExport';
import { refused, writeFailed, type ImportOutcome } from './import-outcome';
import { exportCustomers } from '@/lib/domain/customers/import-export';
import { SEGMENTS, type Customer, type Segment, type Sizes } from '@/lib/domain/customers/types';
import { noteEvents } from '@/lib/domain/customers/customer';
import type { CustomerPage, RetentionPreview } from '@/lib/messaging/protocol-customers';
import { customersNotDone } from './customers-not-done';
import { notDoneText } from '@/lib/messaging/not-done';
import type { ImportResult } from '@/lib/messaging/protocol';
import { asItem, getLocale, registerMessages, t } from '@/lib/i18n';
import { buyerExportCsv, buyerExportJson, customersToCsv } from '@/lib/domain/customers/buyer-export';
import { customers as customerMessages } from '@/lib/i18n/messages/customers';
import { customersUi } from '@/lib/i18n/messages/customers-ui';
import { customersOptions } from '@/lib/i18n/messages/customers-options';
import { customersImport } from '@/lib/i18n/messages/customers-import';
import type { ForgetCounts, OpenItems } from '@/lib/domain/customers/forget';
import { countsMoved, ForgetConfirm, forgetResult } from './ForgetConfirm';
import { useCustomersCsv } from './CustomersCsv';
import { useAnchor } from './useAnchor';
import { useTeamShop } from './useTeamShop';
import { Said } from './Said';

registerMessages(customerMessages);
registerMessages(customersUi);
registerMessages(customersOptions);
registerMessages(customersImport);

/** Entries per message when exporting or importing: large files travel in parts. */
export const TRANSFER_CHUNK = 5000;
const LIST_PAGE = 50;

export function downloadText(text: string, filename: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Every buyer, page by page (a shop may keep 100 000: never in one message). */
export async function allCustomers(api: OptionsApi, onProgress: (done: number, total: number) => void = () => {}): Promise<Customer[]> {
  const all: Customer[] = [];
  let after: string | undefined;
  let total = 0;
  do {
    const page: CustomerPage = await api.call('exportCustomers', { after, limit: TRANSFER_CHUNK });
    all.push(...page.items);
    total = page.total ?? total;
    onProgress(all.length, total);
    after = page.next ?? undefined;
  } while (after !== undefined);
  return all;
}

/** Every buyer as the export file's text (the domain's format). */
export async function exportAllCustomers(api: OptionsApi, onProgress?: (done: number, total: number) => void): Promise<{ text: string; count: number }> {
  const all = await allCustomers(api, onProgress);
  return { text: exportCustomers(all, Date.now()), count: all.length };
}

/**
 * Sends a large file's buyers ahead in parts (stageCustomersImport), then `commit`s them under the
 * upload id with their count. The worker holds the parts in memory: one stopped and started again
 * meanwhile (idle, an update) refuses the next part or the commit (`upload-lost`, nothing written),
 * and the whole file is sent once more; a second loss is said to the agent.
 */
export async function withStagedCustomers<T>(api: OptionsApi, list: readonly unknown[], commit: (staged: { upload: string; count: number }) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const upload = `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    try {
      for (let i = 0; i < list.length; i += TRANSFER_CHUNK) {
        await api.call('stageCustomersImport', { upload, customers: list.slice(i, i + TRANSFER_CHUNK), from: i });
      }
      return await commit({ upload, count: list.length });
    } catch (err) {
      if (attempt > 0 || (err as { code?: unknown } | null)?.code !== 'upload-lost') throw err;
    }
  }
}

/**
 * Sends a customers file to the background, in parts when large. The background validates the
 * whole file (parts included) before writing anything.
 */
export async function importCustomersFile(api: OptionsApi, text: string): Promise<ImportResult> {
  // Cut off, or another kind of file: said in words (the parser's own text is English jargon).
  const read = parseImportJson(text.replace(/^\uFEFF/, ''), t('customers.import.json'));
  if (!read.ok) return { ok: false, errors: [read.error] };
  const { json } = read;
  const list = json && typeof json === 'object' && Array.isArray((json as { customers?: unknown }).customers) ? ((json as { customers: unknown[] }).customers) : null;
  if (!list || list.length <= TRANSFER_CHUNK) return api.call('importCustomers', { json });
  return withStagedCustomers(api, list, (staged) => api.call('importCustomers', { json: { ...(json as object), customers: [] }, ...staged }));
}

function sizesText(s: Sizes): string {
  const parts: string[] = [];
  if (s.heightCm) parts.push(`${s.heightCm}cm`);
  if (s.weightKg) parts.push(`${s.weightKg}kg`);
  if (s.usualSize) parts.push(s.usualSize);
  if (s.shoeSize) parts.push(`${s.shoeSize}码`);
  return parts.join(' / ');
}


/** Whole days, 0 (keep forever) to 3650, as typed; null when it is not one. */
function parseRetention(text: string): number | null {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 3650 ? n : null;
}

/** "12 位客户的档案和 30 条学习记录": what a retention period would delete, in words. */
function retentionLoss(p: RetentionPreview): string {
  const parts = [p.customers ? t('customers.options.lossBuyers', { count: p.customers }) : '', p.learned ? t('customers.options.lossLearned', { count: p.learned }) : ''];
  return parts.filter(Boolean).join(t('customers.options.lossAnd'));
}

/**
 * 保留天数: saved with 保存 or Enter, never on leaving the box. The daily job deletes what the
 * period removes, from the backups too, so a period that would delete anything now is said first —
 * how many buyers and learned picks — and saved only when the agent confirms. A settings write
 * elsewhere (another tab, another setting) does not replace what the agent is typing.
 */
function RetentionSetting(props: { stored: number }) {
  const api = useApi();
  const [days, setDays] = useState(String(props.stored));
  const [asking, setAsking] = useState<{ days: number; preview: RetentionPreview } | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // The stored value the box last showed: the box follows a change made elsewhere only while untouched.
  const shown = useRef(props.stored);
  useEffect(() => {
    if (days.trim() === String(shown.current)) setDays(String(props.stored));
    shown.current = props.stored;
  }, [props.stored]);

  const attempt = async (op: () => Promise<void>) => {
    setBusy(true);
    try {
      await op();
    } catch (err) {
      setStatus({ ok: false, text: customersNotDone(err, 'setting') });
    } finally {
      setBusy(false);
    }
  };
  const save = (n: number) =>
    attempt(async () => {
      setAsking(null);
      await api.call('patchSettings', { privacy: { retentionDays: n } });
      setStatus({ ok: true, text: n ? t('customers.options.retentionSaved', { days: n }) : t('customers.options.retentionForever') });
    });
  const submit = (e: Event) => {
    e.preventDefault();
    const n = parseRetention(days);
    setStatus(n === null ? { ok: false, text: t('customers.options.retentionInvalid') } : null);
    if (n === null || n === props.stored) return;
    if (n === 0) return void save(0);
    void attempt(async () => {
      const preview = await api.call('previewRetention', { days: n });
      if (preview.customers || preview.learned) setAsking({ days: n, preview });
      else await save(n);
    });
  };
  const dirty = days.trim() !== String(props.stored);

  return (
    <form data-kf="retention-form" onSubmit={submit}>
      <label class="kf-row">
        <span>{t('customers.options.retention')}</span>
        <input
          type="number"
          min={0}
          max={3650}
          step={1}
          data-kf="retention-days"
          style="max-width: 100px"
          value={days}
          onInput={(e) => {
            setDays(e.currentTarget.value);
            setAsking(null);
          }}
        />
        <button type="submit" data-kf="retention-save" disabled={busy || !dirty}>
          {t('customers.card.save')}
        </button>
        {dirty && <small class="kf-warn-text" data-kf="retention-unsaved">{t('customers.options.unsaved')}</small>}
      </label>
      <p class="kf-help">{t('customers.options.retentionHelp')}</p>
      {asking && (
        <div class="kf-bad" role="alertdialog" data-kf="retention-confirm">
          <p>{t('customers.options.retentionConfirm', { days: asking.days, loss: retentionLoss(asking.preview) })}</p>
          <div class="kf-actions">
            <button type="button" class="kf-danger" data-kf="retention-confirm-yes" disabled={busy} onClick={() => void save(asking.days)}>
              {t('customers.options.retentionConfirmButton')}
            </button>
            <button
              type="button"
              data-kf="retention-confirm-no"
              onClick={() => {
                setAsking(null);
                setDays(String(props.stored));
              }}
            >
              {t('customers.options.cancel')}
            </button>
          </div>
        </div>
      )}
      {status && (
        <Said of={status} class={status.ok ? 'kf-ok' : 'kf-bad'} kf="retention-status">
          {status.text}
        </Said>
      )}
    </form>
  );
}

function PrivacySettings() {
  const shop = useTeamShop();
  const api = useApi();
  const { value: settings } = useLoaded('getSettings', ['settings']);
  const [status, setStatus] = useState<string | null>(null);
  // The CSV import's note leads here (#customers:mask-pii).
  const maskRef = useAnchor<HTMLInputElement>('mask-pii');
  if (!settings) return <p class="kf-help">{t('options.loading')}</p>;
  const setMasking = async (maskPii: boolean) => {
    try {
      await api.call('patchSettings', { privacy: { maskPii } });
      setStatus(t('customers.options.saved'));
    } catch (err) {
      setStatus(customersNotDone(err, 'setting'));
    }
  };
  return (
    <section class="kf-card" data-kf="customers-privacy">
      <h2>{t('customers.options.privacy')}</h2>
      <p class="kf-help" data-kf="customers-privacy-note">{shop ? t('customers.options.privacyNoteTeam', { shop }) : t('customers.options.privacyNote')}</p>
      <label class="kf-row">
        <input type="checkbox" ref={maskRef} data-kf="mask-pii" checked={settings.privacy.maskPii} onChange={(e) => void setMasking(e.currentTarget.checked)} />
        {t('customers.options.maskPii')}
      </label>
      {status && <p class="kf-help" role="status">{status}</p>}
      <RetentionSetting stored={settings.privacy.retentionDays} />
    </section>
  );
}

/** Dated notes shown in the list, newest first (the card and the export have them all). */
const NOTES_SHOWN = 2;
const cut = (text: string, n: number) => (text.length > n ? `${text.slice(0, n)}…` : text);

/**
 * 备注 / 偏好: the note field, the latest notes saved from the buyer card (Alt+N, kept in the
 * history with their date), then preferences and the address note. Buyer text: rendered as text.
 */
function NotesCell(props: { c: Customer; zone: Zone }) {
  const { c } = props;
  const notes = noteEvents(c);
  const lines = [c.note, ...notes.slice(0, NOTES_SHOWN).map((e) => `${isoDay(e.at, props.zone)} ${e.text}`), c.preferences, c.addressNote].filter(Boolean);
  return (
    <td style="white-space: pre-wrap" data-kf="customer-notes">
      {lines.map((l) => cut(l, 100)).join('\n')}
      {notes.length > NOTES_SHOWN && <small class="kf-help">{'\n'}{t('customers.options.moreNotes', { n: notes.length - NOTES_SHOWN })}</small>}
    </td>
  );
}

/** Columns of the buyer list (the edit form spans them all). */
const COLUMNS = 7;

function CustomerRow(props: {
  c: Customer;
  zone: Zone;
  shop: string | null;
  /** Deleted elsewhere while its form was open: the row stays, with the form, until the agent chooses. */
  gone?: boolean;
  onEditing(key: string, open: boolean): void;
  onMessage(text: ComponentChildren): void;
}) {
  const shop = props.shop;
  const api = useApi();
  const { c } = props;
  // What deleting would take with the buyer (counted first), while the agent is asked.
  // `changed`: counted again on 删除 and found moved (countsMoved): shown anew, nothing deleted.
  const [confirming, setConfirming] = useState<(ForgetCounts & { buyers?: number; changed?: boolean }) | null>(null);
  const [editing, setEditing] = useState(false);
  // The record's own identity: with its console id, so one of two buyers behind a masked name is meant.
  const ref = { platform: c.platform, nickname: c.nickname, buyerId: c.buyerId ?? null };
  // Everything kept about the buyer (the same set 删除 takes), for a request to see their data.
  const exportOne = async (as: 'json' | 'csv') => {
    try {
      const data = await api.call('exportCustomer', ref);
      const now = Date.now();
      const name = `kefu-customer-${c.nickname}-${dateStamp()}`;
      if (as === 'json') downloadText(buyerExportJson(data, now, props.zone), `${name}.json`);
      else downloadText(buyerExportCsv(data, ref, now, props.zone, getLocale()), `${name}.csv`, 'text/csv;charset=utf-8');
    } catch (err) {
      props.onMessage(customersNotDone(err, 'export'));
    }
  };
  return (
    <>
      <tr data-key={c.key}>
        <td>
          {/* Nicknames and notes come from buyers: rendered as text. */}
          <strong data-kf="customer-nick"><PageText text={c.nickname} /></strong>
          <BuyerTag nickname={c.nickname} buyerId={c.buyerId} />
          <br />
          <small class="kf-help">{t(`customers.platform.${c.platform}`)}</small>
          {c.buyerId ? (
            <small class="kf-help" data-kf="customer-id">
              {' · '}
              {t('customers.options.buyerId', { id: c.buyerId })}
            </small>
          ) : (
            c.platform !== 'taobao' && c.platform !== 'taught' && (
              <small class="kf-help" data-kf="customer-id">
                {' · '}
                {t('customers.options.nicknameOnly')}
              </small>
            )
          )}
          {/* Kept by a masked name alone: what it holds may be several buyers' (the card says the same). */}
          {!c.buyerId && isMaskedNickname(c.nickname) && (
            <small class="kf-help" data-kf="customer-shared-name">
              <br />
              {t('customers.options.sharedName')}
            </small>
          )}
        </td>
        <td>{t(`customers.segment.${c.segment}`)}</td>
        <td>{c.tags.join('，')}</td>
        <td>{sizesText(c.sizes)}</td>
        <NotesCell c={c} zone={props.zone} />
        <td data-kf="customer-last-seen">{isoDay(c.lastSeenAt, props.zone)}</td>
        <td>
          {confirming ? (
            <ForgetConfirm
              kf="customer-delete-ask"
              question={
                shop
                  ? pageSentence('customers.options.confirmDeleteTeam', { nick: buyerLabel(c.nickname, c.buyerId) }, { shop })
                  : pageSentence('customers.options.confirmDelete', { nick: buyerLabel(c.nickname, c.buyerId) })
              }
              team={!!shop}
              counts={confirming}
              changed={confirming.changed}
              yesKf="customer-delete-confirm"
              yesLabel={t('customers.options.delete')}
              onCancel={() => setConfirming(null)}
              onDelete={async (openFollowups) => {
                try {
                  const now = await api.call('previewBuyerDeletion', { buyer: ref });
                  if (countsMoved(confirming, now)) return setConfirming({ ...now, changed: true });
                  const r = await api.call('deleteCustomer', { ...ref, openFollowups });
                  const more = forgetResult(openFollowups, r);
                  props.onMessage(<>{pageSentence('customers.options.deleted', { nick: buyerLabel(c.nickname, c.buyerId) })}{more && ` ${more}`}</>);
                } catch (err) {
                  props.onMessage(customersNotDone(err, 'delete'));
                }
              }}
            />
          ) : (
            <span class="kf-actions">
              <button
                data-kf="customer-edit"
                aria-expanded={editing}
                aria-label={t('customers.options.editTitle', { nick: showDirectionControls(buyerLabel(c.nickname, c.buyerId)) })}
                onClick={() => {
                  props.onEditing(c.key, !editing);
                  setEditing(!editing);
                }}
              >
                {t('customers.options.edit')}
              </button>
              <button data-kf="customer-export" title={t('customers.options.exportOneTitle')} onClick={() => void exportOne('json')}>
                {t('customers.options.exportOne')}
              </button>
              <button data-kf="customer-export-csv" title={t('customers.options.exportOneTitle')} onClick={() => void exportOne('csv')}>
                {t('customers.options.exportOneCsv')}
              </button>
              <button
                class="kf-danger"
                data-kf="customer-delete"
                onClick={async () => {
                  try {
                    setConfirming(await api.call('previewBuyerDeletion', { buyer: ref }));
                  } catch (err) {
                    props.onMessage(customersNotDone(err, 'ask'));
                  }
                }}
              >
                {t('customers.options.delete')}
              </button>
            </span>
          )}
        </td>
      </tr>
      {editing && (
        <tr data-edit-key={c.key}>
          <td colSpan={COLUMNS}>
            <CustomerEditForm
              c={c}
              gone={props.gone}
              onDone={(message) => {
                setEditing(false);
                props.onEditing(c.key, false);
                if (message) props.onMessage(message);
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}

/** Search (nickname, tag, note text), segment lists (VIP…), paged: never the whole store at once. */
function CustomerList() {
  const shop = useTeamShop();
  const api = useApi();
  const [query, setQuery] = useState('');
  const [segment, setSegment] = useState<Segment | ''>('');
  const [items, setItems] = useState<Customer[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [message, setMessage] = useState<ComponentChildren>(null);
  const seq = useRef(0);
  const zone = useShopZone();
  // Rows whose edit form is open, and those of them a reload no longer found (deleted elsewhere):
  // such a row is kept, so what the agent typed is not lost, until its form is closed.
  const editing = useRef(new Set<string>());
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const shownItems = useRef<Customer[]>([]);
  shownItems.current = items;
  /**
   * A reload after a change elsewhere: a row being edited that the list no longer has stays where it
   * was — with the stored record if it only stopped matching, marked gone if it was deleted.
   */
  const keepEdited = async (found: Customer[]): Promise<{ items: Customer[]; gone: Set<string> }> => {
    const keys = new Set(found.map((c) => c.key));
    const out = [...found];
    const lost = new Set<string>();
    const missing = shownItems.current.map((c, i) => [c, i] as const).filter(([c]) => editing.current.has(c.key) && !keys.has(c.key));
    for (const [c, i] of missing) {
      const [now] = await api.call('getCustomers', { platform: c.platform, buyers: [{ nickname: c.nickname, buyerId: c.buyerId ?? null }] });
      if (!now) lost.add(c.key);
      out.splice(Math.min(i, out.length), 0, now ?? c);
    }
    return { items: out, gone: lost };
  };
  const onEditing = (key: string, open: boolean) => {
    if (open) return void editing.current.add(key);
    editing.current.delete(key);
    if (!gone.has(key)) return;
    setGone((g) => new Set([...g].filter((k) => k !== key)));
    setItems((old) => old.filter((c) => c.key !== key));
  };

  /** Fetches until `atLeast` matches are found (a page) or the store is read to the end. */
  const load = async (after: string | null, reset: boolean, atLeast = LIST_PAGE, keep = false) => {
    const mine = ++seq.current;
    setLoading(true);
    const found: Customer[] = [];
    let cursor: string | null = after;
    try {
      do {
        const q = { ...(segment ? { segment } : {}), ...(cursor ? { after: cursor } : {}), limit: LIST_PAGE };
        const page = query.trim() ? await api.call('searchCustomers', { ...q, query }) : await api.call('listCustomers', q);
        if (mine !== seq.current) return;
        found.push(...page.items);
        cursor = page.next;
        if (page.total !== undefined) setTotal(page.total);
      } while (found.length < atLeast && cursor !== null);
      if (keep) {
        const kept = await keepEdited(found);
        if (mine !== seq.current) return;
        setItems(kept.items);
        setGone(kept.gone);
      } else {
        setItems((old) => (reset ? found : [...old, ...found]));
        if (reset) setGone(new Set());
      }
      setNext(cursor);
    } catch (err) {
      if (mine === seq.current) setMessage(customersNotDone(err, 'load'));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  };

  useEffect(() => {
    const timer = setTimeout(() => void load(null, true), 200);
    return () => clearTimeout(timer);
  }, [query, segment]);
  // A change elsewhere (the panel saving a note) reloads as many rows as are shown: a buyer opened
  // with 编辑 below the first page stays, with what is typed in its form.
  const shown = useRef(0);
  shown.current = items.length;
  useEffect(() => api.onChanged(['customers'], () => void load(null, true, Math.max(LIST_PAGE, shown.current), true)), [query, segment]);

  return (
    <section class="kf-card" data-kf="customers-list">
      <h2>{t('customers.tab')}</h2>
      <div class="kf-actions">
        <input
          type="search"
          style="flex: 1; min-width: 240px; padding: 4px 8px"
          data-kf="customers-search"
          onKeyDown={imeKey}
          placeholder={t('customers.options.search')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <button class={segment === '' ? 'kf-primary' : ''} data-segment="" onClick={() => setSegment('')}>
          {t('customers.options.all')}
        </button>
        {(['vip', ...SEGMENTS.filter((s) => s !== 'vip')] as Segment[]).map((s) => (
          <button class={segment === s ? 'kf-primary' : ''} data-segment={s} onClick={() => setSegment(s)}>
            {t(`customers.segment.${s}`)}
          </button>
        ))}
      </div>
      {total !== null && <p class="kf-help" data-kf="customers-total">{t('customers.options.total', { total })}</p>}
      {message && <Said of={message} kf="customers-message">{message}</Said>}
      <table class="kf-table">
        <thead>
          <tr>
            <th>{t('customers.options.col.buyer')}</th>
            <th>{t('customers.options.col.segment')}</th>
            <th>{t('customers.options.col.tags')}</th>
            <th>{t('customers.options.col.sizes')}</th>
            <th>{t('customers.options.col.note')}</th>
            <th>{t('customers.options.col.lastSeen')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <CustomerRow key={c.key} c={c} zone={zone} shop={shop} gone={gone.has(c.key)} onEditing={onEditing} onMessage={setMessage} />
          ))}
        </tbody>
      </table>
      {!loading && items.length === 0 && <p class="kf-help">{t('customers.options.none')}</p>}
      {loading && <p class="kf-help">{t('customers.options.searching')}</p>}
      {!loading && next !== null && (
        <button data-kf="customers-more" onClick={() => void load(next, false)}>
          {t('customers.options.more')}
        </button>
      )}
    </section>
  );
}

/**
 * What a buyer import scheduled for the follow-up list: its VIP revisits (due times), how many and
 * over how many shop days — the backlog of VIPs last seen long ago is spread, VIP_BACKLOG_PER_DAY
 * a day, so a big file's revisits reach weeks ahead. None when it scheduled none.
 */
/** What a buyer file import did, counted as the library import counts: new, updated, left as they were. */
function importedLine(r: { count: number; added?: number; updated?: number; unchanged?: number }): string {
  const { added = r.count, updated = 0, unchanged = 0 } = r;
  if (added + updated === 0) return t('customers.options.importNothing', { count: r.count });
  return updated + unchanged === 0 ? t('customers.options.imported', { count: added }) : t('customers.options.importCounts', { added, updated, unchanged });
}

/**
 * The buyers an import took whole over a limit (as a join of two records keeps them: README.md of
 * lib/domain/customers, importProblems), each named, so the agent knows whom to shorten. None: no lines.
 */
/**
 * A buyer file's import that threw (JSON or CSV): said as what was not done. A full disk refuses it at
 * its safety copy, before any buyer is written (a failure after that comes back as a WriteFailed,
 * import-outcome.ts), so the buyers here are as they were and the same file can be imported again.
 */
export function importNotDone(err: unknown): string {
  return notDoneText(err, t('customers.options.notDone.import'), t('customers.options.unchanged.import'), t('customers.options.importAgain'));
}

export function overLines(over: readonly string[] | undefined): string[] {
  return over?.length ? [t('customers.options.importOver', { count: over.length }), ...over] : [];
}

export function revisitsLine(revisits: readonly number[] | undefined, zone: Zone): string[] {
  if (!revisits?.length) return [];
  const first = Math.min(...revisits);
  const last = Math.max(...revisits);
  const from = isoDay(first, zone).slice(5);
  const to = isoDay(last, zone).slice(5);
  const days = Math.round((startOfDay(last, zone) - startOfDay(first, zone)) / DAY) + 1;
  const n = { count: revisits.length, perDay: VIP_BACKLOG_PER_DAY, days, from, to };
  return [t(days > 1 ? 'customers.options.revisits' : 'customers.options.revisitsOneDay', n)];
}

/** Export all / import (validated whole, merged) / delete all (after a local snapshot). */
function CustomerTransfer() {
  const shop = useTeamShop();
  const api = useApi();
  const zone = useShopZone();
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<ImportOutcome | null>(null);
  const [confirmAll, setConfirmAll] = useState<(ForgetCounts & { buyers: number; changed?: boolean }) | null>(null);
  // The spreadsheet import beside the JSON one: its button in the row, its dry run under it.
  const csv = useCustomersCsv({ disabled: busy !== null, onBusy: setBusy, onResult: setResult });

  const exportAll = async () => {
    setResult(null);
    try {
      const { text, count } = await exportAllCustomers(api, (done, total) => setBusy(t('customers.options.exporting', { done, total })));
      downloadText(text, `kefu-customers-${dateStamp()}.json`);
      setResult({ ok: true, lines: [t('customers.options.exported', { count })] });
    } catch (err) {
      setResult({ ok: false, lines: [customersNotDone(err, 'export')] });
    } finally {
      setBusy(null);
    }
  };

  const exportAllCsv = async () => {
    setResult(null);
    try {
      const all = await allCustomers(api, (done, total) => setBusy(t('customers.options.exporting', { done, total })));
      downloadText(customersToCsv(all, zone, getLocale()), `kefu-customers-${dateStamp()}.csv`, 'text/csv;charset=utf-8');
      setResult({ ok: true, lines: [t('customers.options.exported', { count: all.length })] });
    } catch (err) {
      setResult({ ok: false, lines: [customersNotDone(err, 'export')] });
    } finally {
      setBusy(null);
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setResult(null);
    setBusy(t('customers.options.importing'));
    try {
      const read = await readImportText(file);
      const r = read.ok ? await importCustomersFile(api, read.text) : { ok: false as const, errors: [read.error] };
      setResult(r.ok ? { ok: true, lines: [importedLine(r), ...overLines(r.over), ...revisitsLine(r.revisits, zone), ...undoLine(r)] } : 'problem' in r ? writeFailed('customers', r) : refused('customers', r.errors));
    } catch (err) {
      setResult({ ok: false, lines: [importNotDone(err)] });
    } finally {
      setBusy(null);
    }
  };

  const askDeleteAll = async () => {
    setResult(null);
    try {
      setConfirmAll(await api.call('previewBuyerDeletion', {}));
    } catch (err) {
      setResult({ ok: false, lines: [customersNotDone(err, 'ask')] });
    }
  };

  const deleteAll = async (openFollowups: OpenItems) => {
    const shown = confirmAll;
    setConfirmAll(null);
    // Busy like an import: a file chosen meanwhile would have its answer overwritten by the deletion's.
    setBusy(t('customers.options.deleting'));
    try {
      // Counted again: a buyer saved since the question was shown is asked about, not deleted unseen.
      const now = await api.call('previewBuyerDeletion', {});
      if (shown && countsMoved(shown, now)) return setConfirmAll({ ...now, changed: true });
      const r = await api.call('deleteAllCustomers', { confirm: true, openFollowups });
      setResult({ ok: true, lines: [t('customers.options.deletedAll', { count: r.deleted }), forgetResult(openFollowups, r)].filter((l): l is string => !!l) });
    } catch (err) {
      setResult({ ok: false, lines: [customersNotDone(err, 'delete')] });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="kf-card" data-kf="customers-transfer">
      <h2>{t('customers.options.transfer')}</h2>
      <p class="kf-help">
        {t('customers.options.importHelp')} {t('library.import.backupNote', { tab: t('backups.tab') })}
      </p>
      <p class="kf-help" data-kf="customers-export-help">
        {t('customers.options.exportHelp')}
      </p>
      <div class="kf-actions">
        <button data-kf="customers-export" disabled={busy !== null} onClick={() => void exportAll()}>
          {t('customers.options.exportAll')}
        </button>
        <button data-kf="customers-export-csv" disabled={busy !== null} onClick={() => void exportAllCsv()}>
          {t('customers.options.exportAllCsv')}
        </button>
        <JsonFileInput label={t('customers.options.import')} kf="customers-import-file" disabled={busy !== null} onFile={onFile} />
        {csv.input}
        <button class="kf-danger" data-kf="customers-delete-all" disabled={busy !== null} onClick={() => void askDeleteAll()}>
          {t('customers.options.deleteAll')}
        </button>
      </div>
      {csv.panel}
      {confirmAll !== null && (
        <ForgetConfirm
          kf="customers-delete-all-confirm"
          question={shop ? t('customers.options.confirmDeleteAllTeam', { total: confirmAll.buyers, shop }) : t('customers.options.confirmDeleteAll', { total: confirmAll.buyers })}
          team={!!shop}
          counts={confirmAll}
          changed={confirmAll.changed}
          yesKf="customers-delete-all-yes"
          yesLabel={t('customers.options.confirmDeleteAllButton')}
          onDelete={(open) => void deleteAll(open)}
          onCancel={() => setConfirmAll(null)}
        />
      )}
      {busy && <p class="kf-help" role="status">{busy}</p>}
      {result && (
        <Said of={result} tag="div" class={result.ok ? 'kf-ok' : 'kf-bad'} kf="customers-import-result">
          {/* A refusal's heading says the buyer notes are unchanged: its ending is not said again. */}
          {!result.ok && (result.heading || result.ending) && <p>{result.heading ?? t('customers.options.importRejected')}</p>}
          <ul>
            {[...result.lines, ...((result.ok || result.heading) && result.ending ? [result.ending] : [])].map((l) => (
              <li>{asItem(l)}</li>
            ))}
          </ul>
        </Said>
      )}
    </section>
  );
}

/** The 客户档案 tab. */
export function Customers() {
  return (
    <>
      <CustomerList />
      <CustomerTransfer />
      <PrivacySettings />
    </>
  );
}
