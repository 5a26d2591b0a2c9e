/**
 * The remark form's fields as the agent left them in the old panel at an extension update, handed to
 * the new panel's remark form: components/panel/LeftTexts.tsx reads them from the old panel's
 * elements (the fit feature script), lib/panel/remarks.ts opens its form for the same order with them
 * (the remarks feature script). The two scripts run in the same content-script world, in either order,
 * so the hand-over is a slot on that world's global: this tab's memory only, as the fields were, never
 * the page's DOM or world, never storage.
 */
export interface LeftRemark {
  /** The order the form was open on (the old panel's data-order-id). */
  orderId: string;
  /** The form's kind as it was: the order's flag or an after-sale record (its data-target). */
  target: string;
  /** The form's fields by key, those with text only. */
  values: Record<string, string>;
}

interface Slot {
  left?: LeftRemark;
  taken?: () => void;
  offered?: () => void;
}
const slot = (): Slot => ((globalThis as { kfLeftRemark?: Slot }).kfLeftRemark ??= {});

/** Offers the old form's fields; `taken` runs once a form has them. */
export function offerLeftRemark(left: LeftRemark, taken: () => void): void {
  const s = slot();
  Object.assign(s, { left, taken });
  s.offered?.();
}

/** The fields left for `orderId`'s form, given once; undefined when none were left for that order. */
export function takeLeftRemark(orderId: string): LeftRemark | undefined {
  const s = slot();
  const { left, taken } = s;
  if (!left || left.orderId !== orderId) return undefined;
  delete s.left;
  delete s.taken;
  taken?.();
  return left;
}

/** `offered` runs when fields are offered after the form opened; returns the way to stop. */
export function onLeftRemark(offered: () => void): () => void {
  slot().offered = offered;
  return () => {
    if (slot().offered === offered) delete slot().offered;
  };
}
