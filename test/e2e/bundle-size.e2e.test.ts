/**
 * Size budgets of the built extension (a size check on .output/chrome-mv3, not a timing test).
 * The worker is parsed at every wake (MV3 stops it after ~30 s idle); the content script is parsed
 * on every seller-page load. If your change fails here, do not raise the budget: load the code on
 * demand instead (see the message below).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';
import { followupsMadeZh } from '../../lib/i18n/messages/followups';
import { FOLLOWUP_KINDS } from '../../lib/domain/followups/types';

/**
 * Issue #15 asks for ≤ 150 KB. 674 KB → 148 KB on 2026-12-01 (pinyin table, data files fetched on
 * demand, URL-only site code, UTF-8 output, no polyfill); features landed the same evening brought
 * it back to 187 KB; 2026-12-02 186 → 135 KB (guard settings checked by rule id, page-only strings
 * out of the worker, pure code for some verbs in worker-extras.js: lib/background/extras.ts).
 * Later that day team live mode (the UI ports, the page's live updates) and the supervisor's choice
 * between two versions of the remark rules or a taught page brought it to 141.0 KB; joining an old
 * same-name record moved to worker-extras.js (−0.5 KB) and this budget went from 137 to 138 KB, once,
 * for those features — the 150 KB stays 10 KB away.
 * This budget is a ratchet: lower it as the worker shrinks; raise it only for a feature that needs
 * worker code, saying so here. 2026-12-02 (sixth session): 138 → 138.5 KB for the maker's shift in
 * team mode (markHandover's `by`: a day agent's late to-do is no longer handed to the day shift,
 * i.e. to themselves), +0.13 KB over the old budget; it decides when an item is made, in the worker.
 * 2026-12-03 (eighth session): 141,820 → 140,403 bytes (the customers import's messages moved to
 * worker-extras.js, shop-time helpers shared), so the ratchet goes 138.5 → 137.5 KB.
 * 2026-12-03 (ninth session): 140,380 → 140,045 bytes (the buyer-record problem messages and the
 * follow-up CSV's words left the worker), with follow-up reasons in the interface's language, the
 * retention preview and the options page's buyer edit paid for inside it; 137.5 → 137 KB. The
 * library import that asks, merges or replaces and takes a backup first (+0.43 KB) was trimmed to
 * fit it (140,206 B).
 * 2026-12-03 (tenth session): 140,206 → 139,049 bytes (the follow-up items' English words, the
 * backups' listing and retention, and what deleting a buyer takes from the other stores live in
 * worker-extras.js), with per-kind backups, masked follow-up notes and the all-data export, import
 * and delete paid for inside it; 137 → 136 KB.
 * 2026-12-03 (eleventh session): 136 → 136.5 KB, once, for team deletions (a deleted buyer or
 * follow-up is queued and replicated as a signed deletion record, and older copies are refused on
 * every pull: sync code, which runs in the worker). The same session's handover migration, snooze
 * choices, retention cascade, VIP backlog and guard patch were paid for by moving checks to
 * worker-extras.js; together 139,049 → 139,446 bytes.
 * 2026-12-03 (twelfth session): 136.5 → 137.5 KB, once, for worker code that fixes what the agent
 * was shown or lost: order-list reports from JD (every one was refused) and rows whose flag could
 * not be read are accepted and kept as "not read" (+307 B); the library kept in memory between
 * reads, with its write counter (+159 B after the pinyin initials moved to worker-extras.js); the
 * corrected starter 催付 wording applied at an update (+273 B); a team deletion scrubbing this
 * machine's backups (+182 B); the CSV import's hook and the buyer import's revisit count (+234 B);
 * 导入全部数据 → 替换 no longer deleting the follow-ups it wrote (+47 B). 139,446 → 140,648 bytes.
 * 2026-12-03 (twelfth session, the pay-back): 140,648 → 138,721 bytes (−1,927 B): 全部数据's
 * export, import and delete run from worker-extras.js (lib/background/all-data-run.ts, lent the
 * worker's stores; the payload checks stay in the worker), so the ratchet goes 137.5 → 135.5 KB.
 * 2026-12-03 (thirteenth session): the page verb for the pinyin initials sent after the panel is
 * ready, the feature scripts for the follow-up actions and the panel's fit, and 导入全部数据's VIP
 * revisits (138,721 → 138,773 bytes) were paid for by moving 学习记录's summary to worker-extras.js
 * (lib/background/learned-summary.ts) and sharing the imports' revisit run: 138,563 bytes, within
 * the 135.5 KB budget.
 * 2026-12-04 (fourteenth session): recordRemark failing when a sink fails and its retry adding only
 * what is missing (a remark saved on a full disk is said and retried) took it 138,563 → 138,727
 * bytes; paid back by the 客户档案 search's matching running from worker-extras.js beside its query
 * check: 138,290 bytes (−437 B), within the 135.5 KB budget (50 B over 135 KB, so it stays).
 * 2026-12-05 (sixteenth session): the snapshot jobs (list, take, scrub, rewrite), the follow-up
 * list's sorting and the prototype record upgrade moved to worker-extras.js, and the build targets
 * the manifest's minimum browsers (regex lookbehinds kept as literals): 137,886 → 135,875 bytes;
 * the ratchet goes 135.5 → 133.5 KB.
 * 2026-12-05 (eighteenth session): the worker is at 133,530 bytes; the budget, 136,704 (133.5 KB),
 * had 3.2 KB of slack, which let worker code in unnoticed. It goes to that figure plus 1,470 B,
 * room for one small fix that must run in the worker; anything larger pays for itself by moving
 * pure code to worker-extras.js.
 * 2026-12-06 (twenty-sixth session, the pay-back): at 133,487 bytes the worker was 1.5 KB from its
 * budget. Making a new follow-up (a to-do, a handover, the chat panel's kinds, with the rules' helpers
 * only they use) moved to worker-extras.js, which addFollowup already loaded for the item's shown
 * title (−3,759 B), and so did the field-by-field merge of an imported buyer record, which only the
 * imports run and each of them loads the extras first (−1,594 B): 128,134 bytes (worker-extras.js
 * +2,784 B). The budget is that figure plus 1,000 B.
 * 2026-12-06 (twenty-seventh session): the Chinese of the follow-up reasons, the rules' title and the
 * close reasons that only the makers in worker-extras.js store (lib/i18n/messages/followups.ts
 * followupsMadeZh) left background.js, which keeps the words it says or stores itself (the kinds'
 * names, the badge and notification titles, a refused handover, an unpaid reminder's reasons):
 * 128,475 → 125,872 bytes (−2,603 B; worker-extras.js 194,422 → 194,544). The budget is that
 * figure plus 1,000 B.
 * Same day, after the merges: a team notice dropped with its deleted follow-up (+539 B) and the
 * buyer card's unsaved notes kept on disk through an update (+616 B: only the listener, the start
 * step and the runs' order stay here, the bodies run from worker-extras.js): 127,027 bytes. The
 * budget is that figure plus 1,000 B (still 1,107 B under where the day started).
 * 2026-12-07 (thirtieth session): a 催付
 * reply inserted into a buyer's chat marking their 拍下未付 reminded (verb remindedUnpaid): 127,906 →
 * 128,238 bytes (+332 B; worker-extras.js +1,846 B). What stays here is
 * what must: the page payload's schema (the dispatcher checks a page's message before any verb runs,
 * about 100 B) and the verb's entry handing the worker's follow-up store and library reader to the
 * run in worker-extras.js (about 200 B); the rule, the library check and the undo run from there.
 * Same day: a large import's parts checked against a worker stopped between
 * them (the UploadLost refusal in the dispatcher, the part's place and the commit's count checked in
 * the handler; a short file used to be imported without the parts the stopped worker held): +313 B
 * (127,913 → 128,226 alone). Both merged: 128,558 bytes. The budget is raised by what these measured.
 * 2026-12-07 (thirty-first session): an undone 催付 reminder's note line kept as taken back
 * (Followup.noteUndone), so a team merge with a colleague's older copy does not bring it back (CI
 * failed on team-unpaid-reminded when it did): 128,667 → 128,823 bytes (+156 B), all of it the
 * record reader (finishFollowup), which must stay here — the worker's store reads every item through
 * it, and a field it does not know is dropped at the next read. The merge itself runs in the team
 * page. The budget is raised by that figure.
 * 2026-12-07 (thirty-second session): a payment reminder snoozed to a time between 15:30 and the
 * cut-off is due at the snooze's end, not at the cut-off (unpaidSnoozeSlot in followups/rules.ts,
 * read by the popup's 推迟 in updateFollowup, which runs here): 128,789 → 128,884 bytes (+95 B,
 * dd92a94b against 54209416). The budget is raised by that figure.
 */
export const BACKGROUND_BUDGET_BYTES = 128_923;

/**
 * The content script, gzipped: what every seller page downloads and parses on every load. Issue #15
 * asks for ≤ 45 KB; 61 → 58.6 KB on 2026-12-02 (no polyfill), then 58.6 → 39.8 KB the same day
 * (the suggestion engine and the taught-site adapter as feature scripts, the panel's shadow host
 * without WXT's mount helpers). A ratchet too:
 * new in-page features go into on-demand feature scripts (lib/panel/features.ts, injected by the
 * background when a page needs them), not into content.js. 2026-12-02: 41 → 41.5 KB, once, for the
 * card drawn from the agent's click on a conversation row (issue #15's card_switch_ratio_to_ping:
 * the rows' reads per console and the controller's click path, +0.45 KB; it must run on the page
 * before the page's own click handler, so it cannot wait for a feature script).
 * 2026-12-03 (eighth session): 42,496 → 42,104 bytes (the buyer card's CSS left the panel's shadow
 * root, a duplicate date parser and unused strings went), with the fill-in form's focus, the /code
 * boundary and per-buyer panel drafts paid for inside it; the ratchet goes 41.5 → 41.25 KB.
 * 2026-12-03 (ninth session): 42,214 → 41,756 bytes (the reply renderer moved to the suggest feature
 * script, −805 B), with the search cleared at a buyer switch, the search box's keys, Enter expanding a
 * /code and the chips sent with a follow-up paid for inside it; the ratchet goes 41.25 → 41 KB.
 * 2026-12-03 (tenth session): 41,756 → 40,618 bytes (the page check became a feature script loaded
 * on the agent's click, −1,367 B; page-check selectors as plain objects), with a collapsed panel that
 * opens before Alt+n inserts, the shared-input draft warning and English console names paid for
 * inside it; the ratchet goes 41 → 40.75 KB.
 * 2026-12-03 (twelfth session): 40.75 → 41.25 KB, once, for fixes that must act on the page
 * before any feature script loads: a renamed shop side or buyer line said as "could not read"
 * (+181 B); a console that cannot narrow starts the panel folded with its reason (+182 B); cards
 * showing the reply as it will go in and the passed-cut-off flag (+170 B); Escape on the situation
 * list, one wait format, accessible names (+148 B); the panel reloading only the area that changed
 * (+147 B). 41,257 → 42,074 bytes, within issue #15's 45 KB.
 * 2026-12-03 (twelfth session, the pay-back): 42,074 → 41,426 bytes (−648 B): the guard's
 * held-reply prompt (components/panel/GuardPrompt.tsx) and its words moved to the guard feature
 * script, which the panel already loads before the guard has anything to show; the ratchet goes
 * 41.25 → 40.5 KB.
 * 2026-12-03 (thirteenth session, the pay-back): 41,431 → 40,556 bytes (−875 B): what the 跟进
 * buttons do and the 交给… picker came out into followups-feature.js (the buttons stay), and the
 * start-up "page cannot narrow" check into fit-feature.js; with a typed /code's cut-off warning,
 * cards redrawn at the cut-off, the situation list as a labelled group, page dialogs kept clear of
 * the panel and the page's library message without initials paid for inside it; the ratchet goes
 * 40.5 → 39.75 KB.
 * 2026-12-04 (fourteenth session): the situation list's keys, the earlier buyer messages passed to
 * the ranking, the basis line when the shop spoke last and "no fitting reply for the chosen
 * situation" (40,645 → 40,769 bytes, +124 B) were paid for by moving the suggestion part's words
 * (a card's why line, a chip's cue words, no fitting reply) into the suggest feature script, which
 * ranks and classifies before any of them is shown: 40,405 bytes (−364 B); the budget stays (39.5 KB
 * would leave 43 B).
 * 2026-12-05 (sixteenth session): the guard's words and badge moved into the guard feature script
 * (−440 B) and the Taobao URL test shrank: 39,956 → 39,481 bytes; the ratchet goes 39.75 → 39 KB.
 * 2026-12-05 (eighteenth session, the pay-back): the "extension updated, refresh the page" notice
 * and its listeners (+232 B) took it to 39,724 bytes; the fill-in form (components/FillPrompt.tsx)
 * and its words moved to the suggest feature script, which holds the renderer and so is in before
 * any reply has a fill-in to ask for: 38,996 bytes (−726 B). The budget is that figure plus 304 B,
 * room for one small fix that must act before any feature script loads; the ratchet goes
 * 39,936 → 39,300 bytes.
 * 2026-12-05 (twentieth session): console-adapter fixes read from the 2026 evidence (layout-change
 * notices, Kuaishou names and 等待中, Douyin 等待中 and unmarked shop bubbles, JD pins: +763 B) took
 * it to 39,832 bytes; the reply clock and 等待中 list (lib/panel/clock-run.tsx) moved to the page-fit
 * feature script, which every panel requests as it starts: 38,000 bytes (−1,832 B), a slot with the
 * "could not load" words staying in the panel. The ratchet goes 39,300 → 38,400 bytes.
 * 2026-12-05 (twenty-first session): the consoles' 等待中 readers moved beside the clock in that
 * feature script (lib/sites/waiting.ts, looked up by adapter id), Douyin's list reads joined the
 * shared chat adapter: 37,257 bytes (−773 B). The ratchet goes 38,400 → 37,700 bytes.
 * 2026-12-06 (twenty-second session): a live-console audit's fixes in the chat readers every console
 * page runs (full-redesign checks on four consoles, Douyin product cards / robot line / needReply,
 * Kuaishou promotions and send box, PDD robot rows, JD's 正在咨询 cross-check), the order pages'
 * page-changed notice, the buyer card's Alt+1…9 and the panel's 中差评 / 咨询未拍 forms: 38,198 bytes
 * (+941 B). The budget goes back to 38,400 bytes; paying it back (the panel's follow-up forms are
 * the next candidate for a feature script) is an open end.
 * 2026-12-06 (twenty-third session, the pay-back): the follow-up forms were already in their
 * feature script (only the three buttons are drawn from here); the chat-box writers (lib/insert's
 * insertText, replaceBeforeCaret, replaceRange) moved to the suggest feature script, whose renderer
 * every insertion already waits for, the caret memory shared through the content-script world's
 * global: 37,315 bytes (−883 B). Merged with the same session's console and panel work (Kuaishou
 * buyer id from the message rows, PDD robot-answered buyers kept waiting, JD's narrower cross-check,
 * Taobao's order detail page read, the card's Alt+digit double tap, the chosen-shift lookup only in
 * team mode): 37,807 bytes. The ratchet goes 38,400 → 37,960 bytes.
 * 2026-12-06 (twenty-fourth session, headroom): the compliance guard's page part (the insert check,
 * the chat box checked as typed, the badge, the held-reply prompt: lib/panel/guard-run.tsx) moved to
 * the guard feature script, which a chat page asks for as it starts; content.js keeps a stub that
 * holds a reply coming before it and hands it over: 37,167 bytes (−640 B). Then the reply rows
 * (TemplateRow and its words: components/TemplateRows.tsx) moved to the suggest feature script, whose
 * renderer fills in what each row shows and what a click puts in; the panel's lists keep their
 * place and ask for that script: 36,776 bytes (−391 B). The ratchet goes 37,960 → 36,930 bytes.
 * 2026-12-06 (twenty-fifth session): 36,930 → 36,970 bytes, once, for the panel's page read telling
 * a new buyer message by the console's own message id (Douyin's data-id) and a namesake's
 * conversation by its absence (+105 B: 36,856 → 36,961); it decides what the agent's pick of the
 * situation does at each read, before any feature script is in.
 * 2026-12-06 (twenty-sixth session): 36,970 → 37,050 bytes for a Douyin buyer who recalls (撤回) a
 * message: the page read compares every message id of the last read, not only the last buyer
 * message's, and the Douyin reader leaves the recall notice out (+86 B: 36,961 → 37,047). A
 * smaller order-status table was tried as a pay-back and came out larger under gzip.
 * Then, the same session, for what the agent typed in the panel surviving an update under an open
 * tab (+59 B measured alone; both merged: content.js 37,109 B, ratchet 37,050 → 37,115 bytes): the
 * new copy must take the old panel's fields at its first line, before WXT's context makes the old
 * copy take them off the page — no feature script can be in by then. Giving them back is the fit
 * feature script's.
 * 2026-12-06 (twenty-sixth session, the pay-back): the notice of a reply the panel left in a chat box
 * every buyer shares (its watch at each insertion and switch, its 清空 / 知道了 and words:
 * lib/panel/draft-left-run.tsx) moved to the suggest feature script, whose writer makes the insertion
 * it is about, started at the panel's first insertion; content.js keeps its place in the panel:
 * 37,111 → 36,642 bytes (−469 B). The ratchet goes 37,115 → 36,647 bytes.
 * 2026-12-06 (twenty-seventh session): 36,647 → 36,720 bytes for a Douyin buyer who recalls the only
 * message a conversation showed and writes again, no longer taken for a namesake: the Douyin reader
 * names the recall notices' ids (readRecalled) and the page read keeps them with the ids it compares
 * (+73 B: 36,642 → 36,715). It decides at each read, before any feature script is in.
 * 2026-12-06 (twenty-eighth session): 36,720 → 36,760 bytes for a Douyin namesake whose conversation
 * shows only a recall notice, no longer taken for the open buyer's: the page read tells them apart by
 * a notice of ours gone, more of our messages gone than notices came, or the agent's click on a list
 * row of that name (+43 B: 36,715 → 36,758). It decides at each read, before any feature script is in.
 * 2026-12-06 (twenty-eighth session): 36,760 → 36,780 bytes for the panel header that shows the
 * console's name whole, under the product's name when both do not fit (in English it was cut to
 * "D..", and Kuaishou's 未经实测 with it): a wrapper and three CSS rules in place of the ellipsis
 * (+18 B: 36,760 → 36,778). The header is drawn before any feature script is in.
 * 2026-12-06 (twenty-eighth session): 36,780 → 36,814 bytes for the same header at the narrowest
 * panel (260 px, beside a wide remark dialog): its three buttons, grouped, go under the names, which
 * had stood one word a line beside them, six lines tall in English (+34 B: 36,778 → 36,812).
 * 2026-12-07 (twenty-ninth session): 36,814 → 36,938 bytes for a buyer's picture read as their turn
 * on Pinduoduo and Douyin ([图片]; a photo after the shop's reply read as nothing, so the panel said
 * the shop spoke last and the card's clock stopped) and the text holder's check that the picture
 * cannot hide (+124 B: 36,812 → 36,936, both measured on this branch). The page read needs it before
 * any feature script is in.
 * 2026-12-07 (twenty-ninth session): 36,938 → 36,987 bytes for JD 咚咚's buyer row without text (a
 * picture or card, whose markup no source captured) read as the buyer's turn, [非文字消息], instead of
 * skipped (the same false 已回复 after a buyer's photo) (+49 B: 36,936 → 36,985).
 * 2026-12-07 (twenty-ninth session): 36,987 → 37,018 bytes for the chat a follow-up's 打开 opens with
 * the keys in its chat box (they were on the new tab's page: what the agent typed to the buyer went
 * nowhere); it runs where the popup's pending situation is taken, in the panel's controller
 * (+31 B on its branch: 36,812 → 36,843; 37,016 measured on the merge with the readers above).
 * 2026-12-07 (thirtieth session): 37,018 → 37,028 bytes for the same 打开 on an item with no situation
 * to show (a call-back made after the buyer's 谢谢, a handover): the chat left the keys on the page;
 * the controller now takes an opened item without a situation too (+11 B: 37,017 → 37,028, measured
 * on this branch).
 * Same day: 37,028 → 37,030 bytes for the controller handing the inserted reply to its listeners (a
 * 催付 reply marks the buyer's 拍下未付 reminded, in the follow-ups feature script): +1 B on its branch,
 * 37,030 measured on the merge.
 * 2026-12-07 (thirtieth session, after-sales walk): 37,018 → 37,166 bytes for a buyer's picture that
 * no longer empties the situation of the complaint it came with (the page read classifies the worded
 * turns: lib/sites/dom.ts isWordless) and the picture named in the interface's language in the basis
 * list ([Picture] / [Not text] in English; the words are drawn before any feature script is in; the
 * picture-only notice's words went to the suggest feature script) (+148 B: 37,016 → 37,164).
 * Then 37,166 → 37,183 bytes for the agent's situation pick kept when the buyer's next turn is a
 * picture (it was dropped as for a new message with words; the page read decides it) (+17 B: 37,164 → 37,181).
 * The three of this session merged: 37,189 bytes (the budget).
 * 2026-12-07 (thirty-second session): 37,189 → 37,229 bytes for a 催付 reply the panel copies instead
 * of inserting (the 复制 button, a chat box it cannot find) marking the buyer's 拍下未付 reminded as an
 * insertion does: the controller tells its copy listeners (onCopied) after a copy that succeeded
 * (+40 B: 37,189 → 37,229, both measured on this branch).
 * 2026-12-07 (thirty-fourth session, remind3): 37,229 → 37,257 bytes for a 催付 reply copied (or
 * inserted) from the browser's side panel marking the buyer the served chat shows now: the tab
 * message handler `remindedHere`, one line that hands it to the follow-ups feature script, where the
 * rest lives (+28 B: 37,229 → 37,257, both measured on this branch; background.js unchanged, 128,915).
 * 2026-12-07 (thirty-fourth session, sideguard): 37,257 → 37,304 bytes for a reply inserted from the
 * browser's side panel going the chat panel's own way (the guard's hold, the repeat count, {买家} for
 * the buyer shown now): the controller's useTemplate and insertion tell a side-panel caller what became
 * of the reply (asked, held, inserted); the tab's old direct writer left content.js, and the message
 * handling lives in the suggest feature script (lib/teach/tab-messages-reply.ts) (+47 B: 37,257 →
 * 37,304, both measured on this branch; background.js unchanged, 128,892).
 * 2026-12-07 (thirty-fourth session, panel8): 37,257 → 37,291 bytes for a fill-in form (推荐尺码's)
 * that no longer stays at the top of the panel once done with: the controller drops it when another
 * reply goes in, or when the buyer writes again while the agent is not at it (nothing typed in it,
 * her focus outside the panel) (+34 B: 37,257 → 37,291, both measured on this branch; background.js
 * unchanged, 128,892 before and after here).
 * Both merged (thirty-fourth session, 17:52 UTC): 37,336 measured on the merge (37,257 + 47 + 34 − 2).
 * 2026-12-07 (thirty-fifth session, panel9): 37,336 → 37,391 bytes for two in-page panel keys: the
 * search's marked hit is scrolled into sight at each new query too (+4 B: 37,336 → 37,340), and Alt+R
 * with no remark form opens a folded panel and, on a chat page, says why (+51 B: 37,340 → 37,391); the
 * line's words come with the suggest feature script (both measured on this branch; background.js
 * unchanged, 128,892 before and after).
 * Merged with guard2 (the side panel's hold told by the guard itself, InsertRequest.drop optional:
 * −4 B, 37,336 → 37,332 on its branch): 37,388 measured on the merge (thirty-fifth session, 20:27 UTC).
 * 2026-12-07 (thirty-fifth session, burst1): 37,336 → 37,470 bytes (+134 B) for a buyer's round of several
 * questions: the panel names each need and, after the shop's reply to one, the others as 还没答 with their
 * replies. The per-turn reading, the line and what an insertion answered live in the suggest feature
 * script (context-round.ts, components/panel/RoundNeeds.tsx, +4.6 KB there); content.js holds the line's
 * slot (page-features/round-needs.tsx), the state's reset at the buyer's next round and the ranking's
 * use of what is still open (both measured on this branch; background.js unchanged, 128,892).
 * All three merged (thirty-fifth session, 21:06 UTC): 37,520 measured on the merge (37,336 + 55 − 4 + 134 − 1).
 * 2026-12-07 (thirty-fifth session, order8, 21:08 UTC): 37,520 → 37,610 bytes (+90 B) for the buyer card and
 * {买家} on an order's detail page: the controller reads the one buyer that page's order names
 * (PanelState.orderBuyer), hands her to the card frame (openBuyer) and to the reply renderer, and the
 * card's section is drawn there too. The card itself is its own frame (card.html), unchanged; the
 * renderer is in the suggest feature script. Measured on this branch with `npx wxt build` before
 * (37,520) and after; background.js unchanged, 128,910.
 * Then (lead, 21:25 UTC): 37,610 → 37,636 (+26 B) for the panel's 买家 line naming whose card it is on that
 * page (components/Panel.tsx), measured on main after (37,636; before it, 37,610 as order8 measured).
 * 2026-12-07 (thirty-fifth session, keys3): 37,520 → 37,579 bytes (+59 B). The reply search keeps the last
 * committed query's hits while a pinyin composition is open and searches on compositionend (+53 B:
 * 37,520 → 37,573; no 没有找到匹配的话术 on each letter of 退h, 退hu…), and a notice's buttons keep
 * their width (.kf-notice>button{flex:none}, +6 B: 37,573 → 37,579; 知道了 no longer breaks into
 * 知道 / 了 on Kuaishou at 1366×768). The order list's marks and Alt+R's line on an order page live in
 * remarks-feature.js (0 B here). Measured on this branch; background.js unchanged, 128,910.
 * Merged with order8 and the lead's 买家 line (thirty-fifth session, 21:29 UTC): 37,691 measured on the merge (37,636 + 59 − 4).
 * After the review (22:55 UTC): 37,675 (−16 B), the 买家 line's buyer read once (Panel.tsx \`who\`).
 */
export const CONTENT_GZIP_BUDGET_BYTES = 37_675;
export const CONTENT_GZIP_TARGET_BYTES = 45 * 1024;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

it(`keeps the content script every seller page loads within ${kb(CONTENT_GZIP_BUDGET_BYTES)} gzipped (target ${kb(CONTENT_GZIP_TARGET_BYTES)})`, () => {
  const size = gzipSync(readFileSync(join(EXTENSION_DIR, 'content-scripts', 'content.js')), { level: 9 }).length;
  expect(
    size,
    `content-scripts/content.js is ${kb(size)} gzipped, over its ${kb(CONTENT_GZIP_BUDGET_BYTES)} budget (issue #15 target ${kb(CONTENT_GZIP_TARGET_BYTES)}): ` +
      'every seller page pays for it on every load. Run `npm run size -- content` to see what is in it; put what a page does not need ' +
      'at first paint into an on-demand feature script (lib/panel/features.ts: entrypoints/<name>-feature.ts, injected by the background ' +
      'when the page needs it), and import URL-only site knowledge from lib/sites/urls.ts.',
  ).toBeLessThanOrEqual(CONTENT_GZIP_BUDGET_BYTES);
});

it(`keeps the service worker (background.js) within ${kb(BACKGROUND_BUDGET_BYTES)}`, () => {
  const size = readFileSync(join(EXTENSION_DIR, 'background.js')).length;
  expect(
    size,
    `background.js is ${kb(size)}, over its ${kb(BACKGROUND_BUDGET_BYTES)} budget: every worker wake parses all of it. ` +
      'Run `npm run size -- background` to see what is in it; keep large read-only data out of the bundle ' +
      '(lib/storage/bundled.ts fetches it from the extension on first use), put pure code that only some verbs need into ' +
      'worker-extras.js (lib/background/extras-modules.ts, asked for with workerExtras()), and import URL-only site knowledge from lib/sites/urls.ts.',
  ).toBeLessThanOrEqual(BACKGROUND_BUDGET_BYTES);
});

/**
 * The follow-up messages a built script names (a quoted `followups.…` key, or the kinds' prefix in
 * a template) that the same script does not define in Chinese (`"key":"…中文…"`, the language every
 * lookup falls back to): it would show the key itself.
 */
function followupKeysNotDefined(code: string): string[] {
  const chinese = /^["'`](?!followups\.)[^"'`]*[\u3000-\u9fff\uff00-\uffef]/;
  const defined = new Set([...code.matchAll(/["'](followups\.[\w.-]+)["']:\s*(["'`][^"'`]*)/g)].filter((m) => chinese.test(m[2]!)).map((m) => m[1]!));
  const named = new Set([...code.matchAll(/["'`](followups\.[\w.-]+)(?=["'`]|\$\{)/g)].map((m) => m[1]!));
  const missing = [...named].filter((key) => (key.endsWith('.') ? ![...defined].some((d) => d.startsWith(key)) : !defined.has(key)));
  // A kind's name is looked up by its kind (`followups.kind.${kind}`): every kind, then.
  if (named.has('followups.kind.')) missing.push(...FOLLOWUP_KINDS.map((k) => `followups.kind.${k}`).filter((key) => !defined.has(key)));
  return missing;
}

it('leaves the follow-up words only worker-extras.js makes out of background.js, and each worker script defines every follow-up message it names', () => {
  const background = readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8');
  const extras = readFileSync(join(EXTENSION_DIR, 'worker-extras.js'), 'utf8');
  const made = Object.keys(followupsMadeZh);
  expect(made.filter((key) => background.includes(`"${key}"`) || background.includes(`'${key}'`)), 'in background.js').toEqual([]);
  expect(made.filter((key) => !new RegExp(`["']${key.replace(/\./g, '\\.')}["']:`).test(extras)), 'missing from worker-extras.js').toEqual([]);
  expect(followupKeysNotDefined(background), 'background.js').toEqual([]);
  expect(followupKeysNotDefined(extras), 'worker-extras.js').toEqual([]);
});
