/**
 * The background's half of suggesting: the trained model and the learned memory, behind the two
 * calls the extension makes — `signals` for a buyer message, `learn` on an insertion or a chip
 * correction. The evaluation script runs this same class (`--learn-from` replays picks through
 * `learn`), so what is measured is what ships.
 */
import type { ScenarioId } from '../scenarios';
import type { Signals } from './combine';
import { LearnedMemory, makePick, memoryText, type LearnedPick } from './learned';
import { predict, type SuggestModel } from './model';

export interface LearnInput {
  message: string;
  buyer?: string | null;
  scenario: ScenarioId;
  templateId?: string | null;
  source: LearnedPick['source'];
}

/** Readings kept for recently seen messages (the panel asks again for the same message on re-render). */
const CACHE = 32;

export class SuggestEngine {
  private cache = new Map<string, Signals>();

  constructor(
    public model: SuggestModel | null,
    readonly memory: LearnedMemory = new LearnedMemory(),
  ) {}

  /** Model probabilities and the nearest learned picks for the message being answered. */
  signals(message: string, opts: { buyer?: string | null; learning?: boolean } = {}): Signals {
    const key = `${opts.learning === false ? 0 : 1}\u0000${opts.buyer ?? ''}\u0000${message}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const out: Signals = {
      model: this.model ? predict(this.model, message) : null,
      learned: opts.learning === false ? null : this.memory.recall(memoryText(message, opts.buyer)),
      chars: [...message].length,
    };
    if (this.cache.size >= CACHE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, out);
    return out;
  }

  /** Drops cached readings: the model or the memory changed. */
  invalidate(): void {
    this.cache.clear();
  }

  forget(ids: string[] | 'all'): void {
    this.invalidate();
    if (ids === 'all') this.memory.clear();
    else for (const id of ids) this.memory.remove(id);
  }

  /** Records one confirmed pick; returns it (null when there is nothing to learn) and what the bound evicted. */
  learn(input: LearnInput, now: number, rand?: () => number): { pick: LearnedPick | null; evicted: string[] } {
    const pick = makePick(input, now, rand);
    // The same pick again within a minute (a reply inserted twice, or a call sent again after the
    // worker stopped having stored it) is nothing new: learned twice, it would weigh double in recall.
    const last = this.memory.latest();
    const same = (p: LearnedPick) => `${p.text}\n${p.scenario}\n${p.templateId}`;
    if (!pick || (last && pick.at - last.at < 6e4 && same(last) === same(pick))) return { pick: null, evicted: [] };
    this.invalidate();
    return { pick, evicted: this.memory.add(pick) };
  }
}
