/**
 * The contract of an in-page feature (the shape refined-github uses): one file per feature under
 * page-features/, each with an `init(ctx, signal)` that registers what it needs — listeners on the
 * page, hooks on the controller, sections of the panel — and lets go of all of it when `signal`
 * aborts (navigation to another console, extension reload). The controller only composes them;
 * page-features/index.ts lists them and a meta-test checks every file there is listed.
 */
import type { ComponentType } from 'preact';
import type { SiteAdapter } from '../sites/types';
import type { PanelController, PanelState } from './controller';
import type { CardFrameHost } from './card-frame';

/**
 * A part of the panel a feature renders. Slots: 'chat' (chat pages), 'orders' (order pages, and a chat
 * page with a remark box beside it), 'top' (every page).
 */
export interface PanelSection {
  /** Unique; also the section's `data-kf` hook. */
  name: string;
  slot: 'top' | 'chat' | 'orders';
  /** Lower first. */
  order: number;
  component: ComponentType;
  /** Rendered only while this holds. */
  when?: (s: PanelState) => boolean;
}

export interface PanelFeatureContext {
  controller: PanelController;
  adapter: SiteAdapter;
  doc: Document;
  /** The buyer card's side in the page (the buyer-card feature starts it; the card is a frame). */
  card: CardFrameHost;
  addSection(section: PanelSection): void;
}

export interface PanelFeature {
  /** Matches the file name in page-features/. */
  name: string;
  init(ctx: PanelFeatureContext, signal: AbortSignal): void;
}

/** What a feature may do before a reply goes into the chat box (see PanelController.addInsertCheck). */
export interface InsertRequest {
  text: string;
  /** The template it came from; null for text that is not a template (a rewrite). */
  templateId: string | null;
  via: 'panel' | 'code' | 'copy';
  /** Goes on with `text` (possibly changed): inserts or copies it. */
  proceed(text: string): void;
  /**
   * The reply will not go in (the agent cancelled a hold): a typed `/code` is taken out of the box.
   * Absent where there is nothing to take back (a copy).
   */
  drop?(): void;
  /**
   * The reply now waits for the agent's decision (the guard shows it with its words and why): called
   * by a check that holds it for her, as it does — at once, or once its rules are in. A hold without
   * it only waits for the check's rules (the guard on a page's first reply), which then decide.
   * Absent where nobody waits to hear it (a copy, a reply of the panel's own: the hold shows there).
   */
  held?(): void;
}

/**
 * 'hold': the feature took over and will call `proceed` (or not) itself, and `held` if it waits for
 * the agent; 'go': nothing to say.
 */
export type InsertCheck = (req: InsertRequest) => 'hold' | 'go';
