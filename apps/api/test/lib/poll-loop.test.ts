import { startPollLoop } from '../../src/lib/poll-loop';

describe('startPollLoop', () => {
  it('runs passes back to back while they find work, and sleeps the poll interval when one finds none', async () => {
    let work = 5;
    const times: number[] = [];
    const loop = startPollLoop({
      pass: async () => {
        times.push(performance.now());
        return work-- > 0 ? 1 : 0;
      },
      pollMs: 10_000,
      onError: () => {},
    });
    await new Promise((r) => setTimeout(r, 200));
    await loop.stop();
    // Five passes with work and one without, then asleep for the poll interval.
    expect(times).toHaveLength(6);
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeLessThan(150);
  });

  it('leaves the asked-for gap between passes that found work, which a wake ends, and says when a pass runs', async () => {
    let gap = 300;
    const times: number[] = [];
    let busyInPass = false;
    let started: { busy(): boolean } | undefined;
    const loop = startPollLoop({
      pass: async () => {
        times.push(performance.now());
        // (The first pass runs before startPollLoop has returned.)
        if (started) busyInPass = started.busy();
        await new Promise((r) => setImmediate(r));
        return 1;
      },
      pollMs: 10_000,
      onError: () => {},
      gapMs: () => gap,
    });
    started = loop;
    await new Promise((r) => setTimeout(r, 700));
    // Passes at about 0, 300 and 600 ms.
    expect(times.length).toBeGreaterThanOrEqual(2);
    expect(times.length).toBeLessThanOrEqual(3);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(290);
    expect(busyInPass).toBe(true);
    expect(loop.busy()).toBe(false);
    const before = times.length;
    loop.wake();
    await new Promise((r) => setTimeout(r, 50));
    expect(times.length).toBe(before + 1);
    gap = 0;
    loop.wake();
    await new Promise((r) => setTimeout(r, 50));
    expect(times.length).toBeGreaterThan(before + 5);
    await loop.stop();
  });
});
