/**
 * Which flag an order list's saved remark is checked against, from what the page let the adapter
 * read (lib/sites/types.ts OrderRow): never a claim about a part that was not read.
 */
import { parseRemark } from './format';
import { isFlagColor } from './rules';
import type { FlagColor, RuleSet } from './types';

export interface ListedRemark {
  flag: FlagColor;
  /** The page does not show the flag (JD's list), or it could not be read: `flag` is a placeholder. */
  flagUnknown?: boolean;
  remark: string;
  /** Parts of the row the page should show but that were not read (the console changed). */
  unread?: readonly ('flag' | 'remark')[];
}

/**
 * The flag to check `row.remark` against, and whether it came from the remark's own text; null
 * where nothing can be judged. A remark that was not read is not judged at all (an empty string
 * would read as "this flag needs a remark"). A flag not shown or not read is never taken as gray:
 * the remark is held to the kind (flag or after-sale record) its own text names, and one that
 * names none is not judged.
 */
export function listedRemarkFlag(row: ListedRemark, ruleSet: RuleSet, today: string): { flag: FlagColor; inferred: boolean } | null {
  if (row.unread?.includes('remark')) return null;
  if (!row.flagUnknown) return { flag: row.flag, inferred: false };
  const named = parseRemark(row.remark, ruleSet, { today });
  const flag = named.lines[named.latestIndex]?.target;
  // An after-sale record (退货, 折价补偿…) is held to its own rules under any flag (checkRemark), as
  // on a list that shows the flag: the gray stands in for the flag not shown.
  return flag ? { flag: isFlagColor(flag) ? flag : 'gray', inferred: true } : null;
}
