/**
 * The conversation around each evaluation turn, rebuilt from the sources in ../shared/eval (read at
 * run time, never copied): `jd<N>` is line N of jddc_chat_sample.tsv (its session's earlier lines
 * come before it), `ecdt<L>.<P>` / `ecdv<L>.<P>` is context turn P of line L of ecd_sample_test.tsv /
 * ecd_sample_valid.tsv (buyer turns at even positions), and `jdev.<session>.<k>` is question k of a
 * session of jddc_dev_question.txt (its context pairs, then questions 1…k−1 each followed by the
 * first of its human answers in jddc_dev_answer.txt).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Turn {
  from: 'buyer' | 'agent';
  text: string;
}

/** ECD separates words with spaces; buyer_turns.tsv joined Chinese characters back together. */
const ECD_SPACE = /(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])/g;
/** JDDC dev marks one turn's separate messages with !@@@!. */
const oneLine = (s: string) => s.replace(/!@@@!/g, ' ').replace(/\s+/g, ' ').trim();

export class Dialogues {
  private jd: string[][] | null = null;
  private ecd = new Map<string, string[]>();
  private dev: Map<string, Turn[]> | null = null;

  constructor(private readonly evalDir: string) {}

  private file(name: string): string {
    const p = resolve(this.evalDir, name);
    if (!existsSync(p)) throw new Error(`eval dialogues: ${p} not found`);
    return readFileSync(p, 'utf8');
  }

  /** The turns up to and including `id`'s, oldest first; null for an id of no known source. */
  dialogue(id: string): Turn[] | null {
    let m = /^jd(\d+)$/.exec(id);
    if (m) {
      this.jd ??= this.file('jddc_chat_sample.tsv').split('\n').map((l) => l.split('\t'));
      const n = Number(m[1]) - 1;
      const row = this.jd[n];
      if (!row || row.length < 7) return null;
      let s = n;
      while (s > 0 && this.jd[s - 1]![0] === row[0]) s--;
      return this.jd.slice(s, n + 1).map((r) => ({ from: r[2] === '1' ? 'agent' : 'buyer', text: r.slice(6).join('\t') }));
    }
    m = /^ecd([tv])(\d+)\.(\d+)$/.exec(id);
    if (m) {
      const name = m[1] === 't' ? 'ecd_sample_test.tsv' : 'ecd_sample_valid.tsv';
      if (!this.ecd.has(name)) this.ecd.set(name, this.file(name).split('\n'));
      const cols = this.ecd.get(name)![Number(m[2]) - 1]?.split('\t');
      const pos = Number(m[3]);
      // label, context turns…, response
      if (!cols || pos + 2 >= cols.length) return null;
      return cols.slice(1, pos + 2).map((t, i) => ({ from: i % 2 === 0 ? 'buyer' : 'agent', text: t.replace(ECD_SPACE, '') }));
    }
    if (id.startsWith('jdev.')) return this.devSessions().get(id) ?? null;
    return null;
  }

  /** Every JDDC dev question's id, in file order. */
  devQuestionIds(): string[] {
    return [...this.devSessions().keys()];
  }

  private devSessions(): Map<string, Turn[]> {
    if (this.dev) return this.dev;
    const out = new Map<string, Turn[]>();
    const answers = new Map<string, string[]>();
    for (const m of this.file('jddc_dev_answer.txt').matchAll(/<session ([^>]+)>\n([\s\S]*?)<\/session \1>/g)) {
      answers.set(m[1]!, m[2]!.split('\n').filter((l) => l.trim()).map((l) => oneLine(l.split('<sep>')[0]!)));
    }
    for (const m of this.file('jddc_dev_question.txt').matchAll(/<session ([^>]+)>\n([\s\S]*?)<\/session \1>/g)) {
      const [, sid, body] = m as unknown as [string, string, string];
      const turns: Turn[] = [];
      for (const l of (/<context>\n([\s\S]*?)<\/context>/.exec(body)?.[1] ?? '').split('\n')) {
        const qa = /^([QA]):\t(.*)$/.exec(l);
        if (qa) turns.push({ from: qa[1] === 'Q' ? 'buyer' : 'agent', text: oneLine(qa[1] === 'A' ? qa[2]!.split('<sep>')[0]! : qa[2]!) });
      }
      const said = answers.get(sid) ?? [];
      [...body.matchAll(/<Q(\d+)>([\s\S]*?)<\/Q\1>/g)].forEach((q, k) => {
        turns.push({ from: 'buyer', text: oneLine(q[2]!) });
        out.set(`jdev.${sid}.${k + 1}`, [...turns]);
        if (said[k]) turns.push({ from: 'agent', text: said[k]! });
      });
    }
    return (this.dev = out);
  }
}
