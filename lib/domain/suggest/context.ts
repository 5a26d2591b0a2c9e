/**
 * How much of the conversation the buyer's situation is read from. The panel reads the last
 * `CONTEXT_MESSAGES` messages of the open chat and classifies the buyer's latest
 * `CONTEXT_BUYER_TURNS` turns among them (the last one is the message being answered; the earlier
 * ones resolve short follow-ups such as 那要多久). `npm run eval:suggest -- --context` rebuilds the
 * same window from the evaluation dialogues, so what is measured is what the panel classifies.
 */
export const CONTEXT_MESSAGES = 12;
export const CONTEXT_BUYER_TURNS = 4;

/** The buyer's turns to classify, oldest first, from the last messages of a chat (oldest first). */
export function buyerTurns(messages: readonly { from: 'buyer' | 'agent'; text: string }[]): string[] {
  const out: string[] = [];
  for (const m of messages.slice(-CONTEXT_MESSAGES)) if (m.from === 'buyer') out.push(m.text);
  return out.slice(-CONTEXT_BUYER_TURNS);
}
