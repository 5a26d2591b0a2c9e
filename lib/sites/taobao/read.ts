import { SiteElementMissing, type OrderRow, type RemarkEditor } from '../types';
import { FLAG_BY_INDEX, findByText, findLabel, flagAndRemark, flagFromChineseName, labelValue, parseChineseDateTime, parseYuan, required, statusFromText, textOf } from '../dom';
import { isDetailPage } from './detect';
import * as S from './selectors';

const SITE = 'taobao';

/** The order id next to either label the list may use. */
function orderIdIn(root: ParentNode): string | undefined {
  const label = labelValue(root, S.LABEL_ORDER_ID) ?? labelValue(root, S.LABEL_ORDER_ID_SHORT);
  return label?.match(/\d{15,20}/)?.[0];
}

/**
 * One order per body table: the live list is one Fusion list table whose body holds a <table> per
 * parent order (selectors.ts ORDER_BODY_TABLE). Everything is read inside that table only, and the
 * lint mark goes on it: reading per `div.next-table` took the whole list for one order and its
 * first order's labels for all (QA report qaK, 2026-12-04).
 */
export function readOrders(doc: Document): OrderRow[] {
  const rows: OrderRow[] = [];
  for (const table of Array.from(doc.querySelectorAll<HTMLElement>(S.ORDER_BODY_TABLE))) {
    const orderId = orderIdIn(table);
    if (!orderId) continue;
    const items = Array.from(table.querySelectorAll(S.ORDER_ITEM_TITLE)).map(textOf).filter(Boolean);
    // The paid amount is the first bold yuan figure; an unlabelled cell, so take the largest ¥ figure.
    const amounts = (table.textContent ?? '').match(/[¥￥]\s?\d[\d,]*(?:\.\d+)?/g)?.map((a) => parseYuan(a) ?? 0) ?? [];
    rows.push({
      orderId,
      buyer: textOf(table.querySelector(S.ORDER_BUYER)),
      status: statusFromText(table) ?? 'unknown',
      createdAt: parseChineseDateTime(labelValue(table, S.LABEL_CREATED)),
      amountYuan: amounts.length ? Math.max(...amounts) : undefined,
      items: items.join('；') || undefined,
      ...flagAndRemark(table, S.ORDER_FLAG, S.LABEL_REMARK),
      element: table,
    });
  }
  // An order's detail page holds no list table: its one order, from the page's labels. No memo
  // block is not read as no memo: whether the page draws one for an order without a memo is not recorded.
  const body = doc.body;
  const orderId = !rows.length && isDetailPage(doc) && orderIdIn(body);
  if (orderId) {
    const memo = body.querySelector<HTMLElement>(S.DETAIL_MEMO);
    const flag = flagFromChineseName(textOf(body.querySelector(S.DETAIL_FLAG)));
    const status = findLabel(body, S.LABEL_STATUS)?.parentElement;
    rows.push({
      orderId,
      buyer: labelValue(body, S.LABEL_NICK)?.replace(/^旺旺.线\s*/, '') ?? '',
      status: (status && statusFromText(status)) || 'unknown',
      flag: flag ?? 'gray',
      flagUnknown: !flag || undefined,
      remark: textOf(memo),
      unread: flag && memo ? undefined : flag ? ['remark'] : memo ? ['flag'] : ['flag', 'remark'],
      element: memo ?? body,
    });
  }
  return rows;
}

/** The legacy memo page is itself the remark editor. */
export function findRemarkEditor(doc: Document): RemarkEditor | null {
  const textarea = doc.querySelector<HTMLTextAreaElement>(S.MEMO_TEXTAREA);
  if (!textarea) return null;
  const root = (textarea.closest('form') as HTMLElement | null) ?? doc.body;
  let orderId = new URLSearchParams(doc.location?.search).get('biz_order_id');
  orderId ||= doc.querySelector<HTMLInputElement>(S.MEMO_ORDER_ID_FIELD)?.value || orderIdIn(root) || null;
  if (!orderId) throw new SiteElementMissing(SITE, 'order id of the memo page');
  return {
    orderId,
    textarea,
    // The one saying 确定/提交/保存, else the first that is no 取消: the evidence names only "a
    // `.btn`", and the first one would be watched, and clicked, where a 取消 comes before 确定.
    saveButton: required(SITE, 'memo submit button', findByText(root, S.MEMO_SUBMIT, /^(确定|提交|保存)/) ?? findByText(root, S.MEMO_SUBMIT, /^(?!.*取消)/)),
    root,
    readFlag() {
      // The page always checks one radio (#flag0 gray for an unflagged order): none found is a renamed control.
      const checked = Array.from(root.querySelectorAll<HTMLInputElement>(S.MEMO_FLAG_RADIO)).find((r) => r.checked);
      return FLAG_BY_INDEX[Number(checked?.id.replace('flag', ''))] ?? null;
    },
  };
}
