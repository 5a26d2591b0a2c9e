import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface FakePort {
  name: string;
  message?: (m: unknown) => void;
  disconnect?: () => void;
  sent: unknown[];
}
const ports: FakePort[] = [];

vi.mock('../browser', () => ({
  browser: {
    runtime: {
      connect: ({ name }: { name: string }) => {
        const p: FakePort = { name, sent: [] };
        ports.push(p);
        return {
          onMessage: { addListener: (f: (m: unknown) => void) => void (p.message = f) },
          onDisconnect: { addListener: (f: () => void) => void (p.disconnect = f) },
          postMessage: (m: unknown) => void p.sent.push(m),
        };
      },
    },
  },
}));

const { holdUiPort, UI_PORT } = await import('./ui-port');

describe('holdUiPort', () => {
  beforeEach(() => {
    ports.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('in team mode pings the worker and reconnects when the worker dropped the port', () => {
    holdUiPort();
    expect(ports.map((p) => p.name)).toEqual([UI_PORT]);
    ports[0]!.message!({ team: true });
    vi.advanceTimersByTime(20_000);
    expect(ports[0]!.sent).toEqual(['ping']);
    ports[0]!.disconnect!();
    vi.advanceTimersByTime(1_000);
    expect(ports).toHaveLength(2);
    // The old port's ping stopped with it.
    vi.advanceTimersByTime(20_000);
    expect(ports[0]!.sent).toEqual(['ping']);
  });

  it('without team mode does not reopen a dropped port (that would wake the stopped worker every ~30 s)', () => {
    holdUiPort();
    ports[0]!.disconnect!();
    vi.advanceTimersByTime(60_000);
    expect(ports).toHaveLength(1);
    expect(ports[0]!.sent).toEqual([]);
  });
});
