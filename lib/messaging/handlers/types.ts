import type { WholeRun } from '../../storage/whole-run';

export type SenderKind = 'extension-page' | 'content-script';

export interface HandlerContext {
  sender: SenderKind;
  tabId?: number;
  frameId?: number;
  url?: string;
  /** The call's id (Envelope.rid): the same on a resend, so a record made by this call is made once. */
  rid?: string;
}

/** A payload that does not have the shape the verb needs: nothing was written. */
export class InvalidPayload extends Error {
  override name = 'InvalidPayload';
}

/**
 * A large import's parts, held in the worker's memory, are not all there (the worker was stopped
 * and started again while they were sent, or they expired): nothing was written; send them again.
 */
export class UploadLost extends Error {
  override name = 'UploadLost';
}

/** The data changed since the caller read it: nothing was written; re-read and re-apply. */
export class Conflict extends Error {
  override name = 'Conflict';
}

export interface HandlerDef<Req, Res> {
  /** May a content script (inside a seller page) call it? Default: extension pages only. */
  content?: boolean;
  /**
   * Runs alone: after the work already running (verbs, scheduled jobs), before any that comes
   * later; refused (busy) after a minute's wait (turn.ts). Its whole-data mark's verb: the buyer
   * card says which one a note waits for, while it runs and while it waits itself.
   */
  alone?: WholeRun['verb'];
  /** Writes buyer data: refused (`deleted`) when 删除全部数据 ran while it waited (turn.ts). */
  writes?: boolean;
  handle(payload: Req, ctx: HandlerContext): Promise<Res>;
}

export type HandlerSet<P> = { [V in keyof P]: P[V] extends [infer Q, infer R] ? HandlerDef<Q, R> : never };

export function obj(p: unknown, what: string): Record<string, unknown> {
  if (!p || typeof p !== 'object' || Array.isArray(p)) throw new InvalidPayload(`${what}: expected an object`);
  return p as Record<string, unknown>;
}
