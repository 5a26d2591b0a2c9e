/**
 * How much of the conversation the buyer's situation is read from. The panel reads the last
 * `CONTEXT_MESSAGES` messages of the open chat and classifies the buyer's messages since the shop's
 * last one, at most `CONTEXT_BUYER_TURNS` (the last one is the message being answered; the earlier
 * ones resolve short follow-ups such as 那要多久 written in the same breath). `npm run eval:suggest --
 * --context` rebuilds the same window from the evaluation dialogues, so what is measured is what the
 * panel classifies.
 */
export const CONTEXT_MESSAGES = 12;
export const CONTEXT_BUYER_TURNS = 4;

/**
 * The buyer's turns to classify, oldest first, from the last messages of a chat (oldest first): the
 * buyer's messages after the shop's last message. A question the shop has answered is no part of
 * it: with it, 那我先拍了 after an answered 可以开发票吗 got the 开发票 chip back, and the panel's
 * "依据买家最近 N 条消息" counted up to four messages of earlier rounds (QA). When the shop spoke last,
 * the buyer has written nothing new: the suggestions stay those for the messages its reply answered
 * (the round before it), as before, and the panel says so.
 */
export function buyerTurns(messages: readonly { from: 'buyer' | 'agent'; text: string }[]): string[] {
  const out: string[] = [];
  let replied = false;
  for (const m of messages.slice(-CONTEXT_MESSAGES)) {
    if (m.from === 'agent') replied = true;
    else {
      // The buyer writes again after the shop's reply: a new round.
      if (replied) out.length = 0;
      replied = false;
      out.push(m.text);
    }
  }
  return out.slice(-CONTEXT_BUYER_TURNS);
}
