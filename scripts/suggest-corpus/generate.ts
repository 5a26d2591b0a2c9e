/**
 * The training corpus: thousands of buyer messages per run, written by expanding the scenario
 * patterns with phrase pieces, then dressing them the way real chats look — greetings and
 * particles around the need, platform words, typos and slang, exported-chat placeholders, pasted
 * order cards, two needs in one message, and negated needs that are not the need.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isScenarioId, SCENARIO_IDS, type ScenarioId } from '../../lib/domain/scenarios';
import { expand, pick, seeded, type Rng } from './expand';
import { PIECES } from './pieces';
import { MORE } from './more';
import { LINES, PATTERNS } from './scenarios';

export interface CorpusExample {
  text: string;
  /** Target distribution over scenarios (one id, or two sharing the weight). */
  target: Partial<Record<ScenarioId, number>>;
}

/** Same-sound or same-key slips buyers make while typing fast. */
const TYPOS: [string, string][] = [
  ['的', '得'], ['的', '地'], ['在', '再'], ['哪', '那'], ['吗', '嘛'], ['吗', '么'], ['吗', '马'], ['已经', '以经'], ['什么', '神马'], ['什么', '啥'],
  ['怎么', '咋'], ['怎么', '怎摸'], ['没有', '木有'], ['没有', '没'], ['快递', '快滴'], ['发货', '发或'], ['退货', '退或'], ['物流', '物留'], ['优惠券', '优惠卷'],
  ['这个', '介个'], ['知道', '造'], ['喜欢', '稀饭'], ['谢谢', '3q'], ['可以', '可'], ['一下', '下'], ['你们', '你门'], ['收到', '收倒'], ['还', '海'], ['能', '嫩'],
];

const LEAD_INS = ['', '', '', '', '{hi} ', '{hi}，', '{pol}', '{pol} ', '亲 ', '你好 ', '那', '还有 ', '另外 ', '对了 ', '我想问下 ', '就是', '嗯 ', '哦 '];
const TAILS = ['', '', '', '{end}', '{end}', ' 谢谢', ' 急', ' 在线等', '？？', '!!', ' [微笑]', ' 😂', '～', ' 好吗', ' 麻烦尽快', ' 快点'];
const CARDS = ['咨询订单号:30217890123 商品ID:100045678912 ', '订单编号:[订单x] 订单金额:¥[金额x] ', '[订单x] ', '[链接x] ', '商品ID:[数字x] '];
const PLATFORM_FRAMES: Record<string, string[]> = {
  taobao: ['亲 ', '掌柜的 ', '宝贝', '旺旺上', '天猫'],
  jd: ['京东', '自营的', '京东快递', 'plus会员', '白条'],
  pdd: ['拼多多', '拼单的', '百亿补贴', '多多', '砍价'],
  douyin: ['直播间', '主播说', '小黄车', '抖音上', '福袋'],
};

/** Negated needs: the words of one need, declined, while the message asks for another or nothing. */
const NEGATIONS: [ScenarioId, string][] = [
  ['exchange', '不(退|退了)(，|了 |)换个(大|小)(一码|的)'], ['return', '不(换|换了) (直接|)退(了吧|掉吧|货)'], ['thanks', '(不用|不需要)(开|)发票(了|)(谢谢|)'],
  ['thanks', '不用改地址了'], ['thanks', '(不用|不要)(退|退了) (算了|就这样吧)'], ['other', '(没|没有)(质量问题|坏) 就是(问问|问一下)'], ['product-info', '不是要退货 (是|就是)问(一下|下)怎么(用|安装)'],
  ['tracking', '不是催发货 (就|)是(问|看)(物流|快递)到哪了'], ['refund-status', '不是要退货 是问(退款|钱)(什么时候|多久)到'], ['thanks', '(不用|不要)(取消|撤销)了 (我等等|等着吧)'],
  ['shipping-time', '(不急|不着急) 就问问(什么时候|几天)(发|到)'], ['other', '不是(投诉|差评) 我(就|)是(说说|反映一下)'],
];

function dress(rng: Rng, core: string): string {
  let s = core;
  const r = rng();
  if (r < 0.22) s = expand(pick(rng, LEAD_INS), rng, PIECES) + s;
  if (rng() < 0.3) s = s + expand(pick(rng, TAILS), rng, PIECES);
  if (rng() < 0.08) s = pick(rng, CARDS) + s;
  if (rng() < 0.07) {
    const frames = PLATFORM_FRAMES[pick(rng, Object.keys(PLATFORM_FRAMES))]!;
    s = pick(rng, frames) + ' ' + s;
  }
  if (rng() < 0.25) s = typo(rng, s);
  if (rng() < 0.15) s = s.replace(/ /g, '');
  if (rng() < 0.1) s = s.replace(/(?<=[\u4e00-\u9fa5])(?=[\u4e00-\u9fa5])/, ' ');
  return s.trim();
}

function typo(rng: Rng, s: string): string {
  const options = TYPOS.filter(([a]) => s.includes(a));
  if (options.length && rng() < 0.7) {
    const [a, b] = pick(rng, options);
    return s.replace(a, b);
  }
  // Drop or double one character.
  const chars = [...s];
  if (chars.length < 5) return s;
  const i = Math.floor(rng() * chars.length);
  if (rng() < 0.5) chars.splice(i, 1);
  else chars.splice(i, 0, chars[i]!);
  return chars.join('');
}

const WRITTEN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'written');

/**
 * The messages written out whole (`written/*.tsv`, one `scenario<TAB>message` per line): buyers'
 * own phrasings that patterns do not reach — long stories, questions about one feature of one
 * product, no keyword at all. Files in name order, lines in file order; a malformed line throws
 * with its place, so a bad edit cannot silently drop data from the training.
 */
export function readWritten(dir = WRITTEN_DIR): [ScenarioId, string][] {
  const out: [ScenarioId, string][] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.tsv')).sort()) {
    readFileSync(resolve(dir, name), 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const [id, text, ...rest] = line.split('\t');
      if (!id || !isScenarioId(id) || !text?.trim() || rest.length) throw new Error(`written/${name}:${i + 1}: expected scenario<TAB>message`);
      out.push([id, text.trim()]);
    });
  }
  return out;
}

/** Every pattern of a scenario: the first set and the later additions (more.ts). */
const ALL_PATTERNS = Object.fromEntries(
  Object.entries(PATTERNS).map(([id, list]) => [id, [...list, ...(MORE[id as ScenarioId] ?? [])]]),
) as Record<ScenarioId, string[]>;

function one(rng: Rng, id: ScenarioId): string {
  return expand(pick(rng, ALL_PATTERNS[id]), rng, PIECES);
}

/**
 * `perScenario` pattern expansions for each scenario, plus the hand-written lines, two-need
 * messages and negations, then each `written` message `writtenCopies` times (as written, the rest
 * dressed). Deterministic for a seed.
 */
export function generateCorpus(seed = 20261201, perScenario = 420, written: readonly [ScenarioId, string][] = [], writtenCopies = 0): CorpusExample[] {
  const rng = seeded(seed);
  const out: CorpusExample[] = [];
  const needs = SCENARIO_IDS.filter((id) => id !== 'other' && id !== 'greeting' && id !== 'thanks');
  for (const id of SCENARIO_IDS) {
    const count = id === 'other' ? perScenario * 3 : id === 'thanks' ? perScenario * 2 : perScenario;
    for (let i = 0; i < count; i++) out.push({ text: dress(rng, one(rng, id)), target: { [id]: 1 } });
  }
  // Two needs in one message, in either order, sometimes joined by a long complaint.
  for (let i = 0; i < perScenario * 4; i++) {
    const a = pick(rng, needs);
    let b = pick(rng, needs);
    if (b === a) b = pick(rng, needs);
    const joiner = pick(rng, [' ', '，', '。', ' 还有 ', ' 另外 ', ' 然后 ', ' 顺便问下 ', '  ']);
    const text = dress(rng, one(rng, a) + joiner + one(rng, b));
    out.push({ text, target: a === b ? { [a]: 1 } : { [a]: 0.5, [b]: 0.5 } });
  }
  // A greeting or thanks wrapped around a need: the need is what the reply must answer.
  for (let i = 0; i < perScenario * 2; i++) {
    const need = pick(rng, needs);
    const frame = rng() < 0.6 ? one(rng, 'greeting') + ' ' + one(rng, need) : one(rng, need) + ' ' + one(rng, 'thanks');
    out.push({ text: dress(rng, frame), target: { [need]: 1 } });
  }
  // A complaint tone around a concrete need keeps the need first.
  for (let i = 0; i < perScenario; i++) {
    const need = pick(rng, ['delay', 'tracking', 'quality', 'refund-status', 'wrong-item', 'damaged'] as const);
    const text = dress(rng, one(rng, need) + ' ' + expand('{angry}', rng, PIECES));
    out.push({ text, target: { [need]: 0.7, complaint: 0.3 } });
  }
  for (let i = 0; i < perScenario; i++) {
    const [id, pattern] = pick(rng, NEGATIONS);
    out.push({ text: dress(rng, expand(pattern, rng, PIECES)), target: { [id]: 1 } });
  }
  for (const [labels, text] of LINES) {
    const ids = labels.split('+') as ScenarioId[];
    const target = ids.length === 1 ? { [ids[0]!]: 1 } : { [ids[0]!]: 0.6, [ids[1]!]: 0.4 };
    // Hand-written lines are few: repeat them with light noise so they weigh like a pattern.
    for (let k = 0; k < 4; k++) out.push({ text: k === 0 ? text : dress(rng, text), target });
  }
  for (const [id, text] of written) {
    for (let k = 0; k < writtenCopies; k++) out.push({ text: k === 0 ? text : dress(rng, text), target: { [id]: 1 } });
  }
  return out;
}
