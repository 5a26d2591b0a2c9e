import { useEffect, useState } from 'preact/hooks';
import { usePopupApi } from './PopupContext';
import type { PlatformSummary } from '@/lib/domain/clock/types';
import { registerMessages, t } from '@/lib/i18n';
import { guardMessages } from '@/lib/i18n/messages/guard';
import { reasonText } from '@/lib/messaging/reason';

registerMessages(guardMessages);

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
/** A threshold as the column says it: 3分钟, 90秒, 2分30秒. */
const span = (sec: number) =>
  sec < 60 ? t('popup.clock.sec', { n: sec }) : sec % 60 ? t('popup.clock.minSec', { m: Math.floor(sec / 60), n: sec % 60 }) : t('popup.clock.min', { n: sec / 60 });
const secs = (x: number | null) => (x === null ? '—' : x < 60 ? `${x}s` : `${Math.floor(x / 60)}m${String(x % 60).padStart(2, '0')}s`);

/** Today's first-response figures per platform (the reply clock's local record), with a CSV export. */
export function ClockSummary() {
  const api = usePopupApi();
  const [rows, setRows] = useState<PlatformSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      api.call('getClockSummary', {}).then(
        (r) => live && setRows(r.platforms),
        (e: unknown) => live && setError(reasonText(e)),
      );
    void load();
    const off = api.onChanged(['clock'], () => void load());
    return () => {
      live = false;
      off();
    };
  }, [api]);
  const exportCsv = async () => {
    try {
      const csv = await api.call('exportClockCsv');
      api.download('reply-clock.csv', csv, 'text/csv;charset=utf-8');
    } catch (e) {
      setError(reasonText(e));
    }
  };
  // The share is within each platform's red threshold (the shop's, options → 回复计时): one figure
  // names the column (3分钟内); platforms set apart name theirs in the cell.
  const reds = new Set(rows?.map((r) => r.redSec));
  const oneRed = reds.size === 1 ? [...reds][0]! : null;
  return (
    <section class="kf-clock-summary" data-kf="clock-summary">
      <h2>{t('popup.clock.title')}</h2>
      {error && <p class="kf-status">{error}</p>}
      {rows && rows.length === 0 && <p class="kf-muted">{t('popup.clock.none')}</p>}
      {rows && rows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th />
              <th>{t('popup.clock.answered')}</th>
              <th>{t('popup.clock.median')}</th>
              <th>{t('popup.clock.p90')}</th>
              <th data-kf="clock-within-head">{oneRed === null ? t('popup.clock.withinRed') : t('popup.clock.within', { time: span(oneRed) })}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr data-platform={r.platform}>
                <th>{t(`platform.${r.platform}`)}</th>
                <td data-kf="clock-answered">{r.answered}</td>
                <td>{secs(r.medianSec)}</td>
                <td>{secs(r.p90Sec)}</td>
                <td data-kf="clock-within">{oneRed === null ? `${pct(r.withinRed)} · ${span(r.redSec)}` : pct(r.withinRed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows && rows.length > 0 && (
        <button class="kf-link" data-kf="clock-export" onClick={() => void exportCsv()}>
          {t('popup.clock.export')}
        </button>
      )}
    </section>
  );
}
