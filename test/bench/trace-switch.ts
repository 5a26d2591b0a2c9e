/**
 * `node --import tsx test/bench/trace-switch.ts [switches]`: a Chromium trace of conversation
 * switches on the demo console (the agent's click: trusted input, floor.ts agentClick), with the
 * built extension and with the bare fixture extension, and
 * where the time between the click and the card (or the page's own header) being drawn goes: per
 * switch window, the self time of every trace event on each thread, the page's JavaScript split by
 * script (the page's app.js, our content.js, the card frame), and how many forced layouts ran
 * inside script. Not part of `npm run bench` (a diagnosis tool: the traces are written to
 * .output/trace-switch-*.json for chrome://tracing or the DevTools performance panel).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension, type Harness } from '../e2e/harness';
import { cardFrame } from '../e2e/pages';
import { agentClick, launchBare } from './floor';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) duration. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, any>;
}

const CPU = process.argv.includes('--cpu');

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'toplevel',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink',
  'ipc',
  'mojom',
];

async function trace(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
  await run();
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.end');
  await done;
  return events;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function demoPage(h: Harness): Promise<{ page: Page; convs: { id: string; nick: string }[] }> {
  const page = await h.context.newPage();
  await page.goto(`${h.demoUrl}/chat`);
  await page.evaluate(() => (window as any).__demo.setAutoMessages(false));
  const convs = await page.evaluate(() => (window as any).__demo.conversations().map((c: { id: string; nick: string }) => ({ id: c.id, nick: c.nick })));
  return { page, convs };
}

/** One switch with the extension: marks kf-click-<i> (content world) and kf-shown-<i> (card frame). */
async function ourSwitch(page: Page, conv: { id: string; nick: string }, i: number): Promise<number> {
  const frame = cardFrame(page)!;
  await frame.evaluate(
    ({ nick, id, i }) => {
      const w = window as any;
      w.__shown = new Promise<number>((resolve) => {
        const ok = () => {
          const c = document.querySelector('[data-kf="customer-card"]');
          return c?.getAttribute('data-buyer') === nick && c.getAttribute('data-buyer-id') === id && c.getAttribute('data-state') === 'ready';
        };
        const obs = new MutationObserver(() => {
          if (!ok()) return;
          obs.disconnect();
          requestAnimationFrame(() => {
            performance.mark(`kf-shown-${i}`);
            resolve(performance.timeOrigin + performance.now());
          });
        });
        obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    },
    { ...conv, i },
  );
  const { t0 } = await agentClick(page, conv.id, `kf-click-${i}`);
  const t1 = await frame.evaluate(() => (window as any).__shown as Promise<number>);
  return t1 - t0;
}

/** The page's own switch (bare extension): kf-click-<i> and kf-shown-<i> in the page. */
async function ownSwitch(page: Page, conv: { id: string; nick: string }, i: number): Promise<number> {
  await page.evaluate(
    ({ nick, id, i }) => {
      const shown = () => document.querySelector('.chat-buyer-nick')?.textContent === nick && document.querySelector('.chat-header')?.getAttribute('data-buyer-id') === id;
      (window as any).__own = new Promise<number>((resolve) => {
        const obs = new MutationObserver(() => {
          if (!shown()) return;
          obs.disconnect();
          requestAnimationFrame(() => {
            performance.mark(`kf-shown-${i}`);
            resolve(performance.timeOrigin + performance.now());
          });
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    },
    { ...conv, i },
  );
  const { t0 } = await agentClick(page, conv.id, `kf-click-${i}`);
  return (await page.evaluate(() => (window as any).__own as Promise<number>)) - t0;
}

/** Self time per event name (and per script for script events) on each thread, inside [from, to]. */
function analyse(events: TraceEvent[], label: string, n: number): void {
  const threadName = new Map<string, string>();
  const procName = new Map<number, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name);
    if (e.ph === 'M' && e.name === 'process_labels') procName.set(e.pid, e.args?.labels);
  }
  // Renderer processes named by the frames they host.
  for (const e of events) {
    const frames = e.args?.data?.frames as { processId?: number; url?: string }[] | undefined;
    if (e.name === 'TracingStartedInBrowser' && frames) for (const f of frames) if (f.processId && f.url) procName.set(f.processId, (procName.get(f.processId) ?? '') + ' ' + f.url.replace(/^chrome-extension:\/\/[a-z]+/, 'ext:'));
    if ((e.name === 'FrameCommittedInBrowser' || e.name === 'CommitLoad') && e.args?.data?.url && e.args.data.processId)
      procName.set(e.args.data.processId, (procName.get(e.args.data.processId) ?? '') + ' ' + String(e.args.data.url).replace(/^chrome-extension:\/\/[a-z]+/, 'ext:'));
  }
  const marks = new Map<string, number>();
  for (const e of events) if (e.cat.includes('blink.user_timing') && /^kf-(click|shown)-\d+$/.test(e.name)) marks.set(e.name, e.ts);
  const windows: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = marks.get(`kf-click-${i}`);
    const b = marks.get(`kf-shown-${i}`);
    if (a !== undefined && b !== undefined) windows.push([a, b]);
  }
  const inAny = (ts: number) => windows.some(([a, b]) => ts >= a && ts <= b);
  const total = windows.reduce((s, [a, b]) => s + (b - a), 0);
  console.log(`\n===== ${label}: ${windows.length} switches, mean window ${(total / windows.length / 1000).toFixed(2)} ms; self times below are ${CPU ? 'CPU (thread) time' : 'wall time'} =====`);
  console.log('windows (ms):', windows.map(([a, b]) => ((b - a) / 1000).toFixed(1)).join(' '));

  // Complete events per thread, nested by time: self time = dur - children.
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const k = `${e.pid}:${e.tid}`;
    (byThread.get(k) ?? byThread.set(k, []).get(k)!).push(e);
  }
  const keyOf = (e: TraceEvent): string => {
    const d = e.args?.data ?? e.args?.beginData;
    if (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.compile') {
      const url = String(d?.url ?? '').replace(/^chrome-extension:\/\/[a-z]+/, 'ext:').replace(/^http:\/\/127\.0\.0\.1:\d+/, '');
      return `${e.name} ${url} ${d?.functionName ?? ''}`.trim();
    }
    if (e.name === 'EventDispatch') return `EventDispatch ${d?.type ?? ''}`;
    if (e.name === 'TimerFire' || e.name === 'FireAnimationFrame') return e.name;
    return e.name;
  };
  for (const [k, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const self = new Map<string, number>();
    const count = new Map<string, number>();
    // Self time: wall time, or with --cpu the thread's own CPU time (tdur; wall time on a loaded
    // machine is mostly waiting for a core).
    const stack: { e: TraceEvent; child: number; childCpu: number; self(): number }[] = [];
    const flush = (upTo: number) => {
      while (stack.length && stack.at(-1)!.e.ts + stack.at(-1)!.e.dur! <= upTo) {
        const top = stack.pop()!;
        if (stack.length) {
          stack.at(-1)!.child += top.e.dur!;
          stack.at(-1)!.childCpu += top.e.tdur ?? 0;
        }
        if (inAny(top.e.ts)) {
          const key = (stack.length === 0 ? '' : '') + keyOf(top.e);
          self.set(key, (self.get(key) ?? 0) + top.self());
          count.set(key, (count.get(key) ?? 0) + 1);
        }
      }
    };
    for (const e of list) {
      flush(e.ts);
      const entry = { e, child: 0, childCpu: 0, self: () => (CPU ? (entry.e.tdur ?? 0) - entry.childCpu : entry.e.dur! - entry.child) };
      stack.push(entry);
    }
    flush(Infinity);
    const sum = [...self.values()].reduce((a, b) => a + b, 0);
    if (sum < 200 * windows.length) continue; // < 0.2 ms a switch: not interesting
    const pid = Number(k.split(':')[0]);
    console.log(`\n-- ${threadName.get(k) ?? k} in ${(procName.get(pid) ?? String(pid)).trim().slice(0, 140)} — self time ${(sum / windows.length / 1000).toFixed(2)} ms a switch`);
    for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
      if (us / windows.length < 30) break;
      console.log(`   ${(us / windows.length / 1000).toFixed(2).padStart(7)} ms  ×${((count.get(name) ?? 0) / windows.length).toFixed(1).padStart(5)}  ${name}`);
    }
  }
  profile(events, windows, procName);
}

/**
 * The V8 sampling profile in the trace (ProfileChunk events): inside the windows, per process, the
 * time under each script (inclusive: a function of content.js and everything it called, natives
 * such as forced layouts included) and the heaviest functions by self time.
 */
function profile(events: TraceEvent[], windows: [number, number][], procName: Map<number, string>): void {
  type Node = { id: number; parent?: number; callFrame: { functionName: string; url: string; lineNumber?: number } };
  const perProfile = new Map<string, { pid: number; start: number; nodes: Map<number, Node>; samples: number[]; deltas: number[] }>();
  for (const e of events) {
    const id = `${e.pid}:${(e as { id?: string }).id ?? ''}`;
    if (e.name === 'Profile') perProfile.set(id, { pid: e.pid, start: e.args?.data?.startTime ?? e.ts, nodes: new Map(), samples: [], deltas: [] });
    if (e.name === 'ProfileChunk') {
      const p = perProfile.get(id);
      const d = e.args?.data;
      if (!p || !d) continue;
      for (const n of (d.cpuProfile?.nodes ?? []) as Node[]) p.nodes.set(n.id, n);
      p.samples.push(...((d.cpuProfile?.samples ?? []) as number[]));
      p.deltas.push(...((d.timeDeltas ?? []) as number[]));
    }
  }
  const inAny = (ts: number) => windows.some(([a, b]) => ts >= a && ts <= b);
  const short = (u: string | undefined) => (u ?? '').replace(/^chrome-extension:\/\/[a-z]+/, 'ext:').replace(/^http:\/\/127\.0\.0\.1:\d+/, '') || '(native)';
  for (const p of perProfile.values()) {
    const byUrl = new Map<string, number>();
    const bySelf = new Map<string, number>();
    let t = p.start;
    let total = 0;
    for (let i = 0; i < p.samples.length; i++) {
      const dt = p.deltas[i] ?? 0;
      t += dt;
      if (!inAny(t)) continue;
      const next = (p.deltas[i + 1] ?? 0);
      const w = Math.min(Math.max(next, 0), 2000); // the sample's weight: time to the next one
      let node = p.nodes.get(p.samples[i]!);
      const leaf = node;
      if (!leaf || ['(idle)', '(program)', '(garbage collector)'].includes(leaf.callFrame.functionName)) {
        const k = leaf?.callFrame.functionName ?? '?';
        bySelf.set(k, (bySelf.get(k) ?? 0) + w);
        total += w;
        continue;
      }
      total += w;
      bySelf.set(`${leaf.callFrame.functionName || '(anon)'} ${short(leaf.callFrame.url)}:${leaf.callFrame.lineNumber ?? ''}`, (bySelf.get(`${leaf.callFrame.functionName || '(anon)'} ${short(leaf.callFrame.url)}:${leaf.callFrame.lineNumber ?? ''}`) ?? 0) + w);
      const urls = new Set<string>();
      for (; node; node = node.parent !== undefined ? p.nodes.get(node.parent) : undefined) if (node.callFrame.url) urls.add(short(node.callFrame.url));
      // Attributed to the outermost script on the stack (who started this work), and to each once.
      for (const u of urls) byUrl.set(u, (byUrl.get(u) ?? 0) + w);
    }
    if (total < 100 * windows.length) continue;
    console.log(`\n-- V8 samples in ${(procName.get(p.pid) ?? String(p.pid)).trim().slice(0, 100)}: ${(total / windows.length / 1000).toFixed(2)} ms a switch`);
    console.log('   under each script (inclusive):');
    for (const [u, us] of [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`   ${(us / windows.length / 1000).toFixed(2).padStart(7)} ms  ${u}`);
    console.log('   heaviest functions (self):');
    for (const [f, us] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`   ${(us / windows.length / 1000).toFixed(2).padStart(7)} ms  ${f}`);
  }
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 20);
  const out = resolve(import.meta.dirname, '..', '..', '.output');
  await mkdir(out, { recursive: true });
  if (process.argv.includes('--again')) {
    // Only the analysis, of the traces the last run wrote.
    for (const which of ['ours', 'bare'].filter((w) => !process.argv.includes(`--no-${w}`))) {
      const { traceEvents } = JSON.parse(await readFile(resolve(out, `trace-switch-${which}.json`), 'utf8')) as { traceEvents: TraceEvent[] };
      analyse(traceEvents, which, n);
    }
    return;
  }
  for (const which of (['ours', 'bare'] as const).filter((w) => !process.argv.includes(`--no-${w}`))) {
    const h = which === 'ours' ? await launchWithExtension() : await launchBare();
    try {
      const { page, convs } = await demoPage(h);
      if (which === 'ours') {
        for (let i = 0; i < 100 && !cardFrame(page); i++) await sleep(100);
        await sleep(1500);
      }
      const sw = (conv: { id: string; nick: string }, i: number) => (which === 'ours' ? ourSwitch(page, conv, i) : ownSwitch(page, conv, i));
      for (let i = 0; i < 6; i++) await sw(convs[(i + 1) % convs.length]!, 1000 + i); // warm-up
      const cdp = await h.context.newCDPSession(page);
      const times: number[] = [];
      const events = await trace(cdp, async () => {
        for (let i = 0; i < n; i++) {
          times.push(await sw(convs[(i + 1) % convs.length]!, i));
          await sleep(200);
        }
      });
      await writeFile(resolve(out, `trace-switch-${which}.json`), JSON.stringify({ traceEvents: events }));
      console.log(`\n${which}: switch times (ms) ${times.map((t) => t.toFixed(1)).join(' ')}`);
      analyse(events, which, n);
    } finally {
      await h.close();
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
