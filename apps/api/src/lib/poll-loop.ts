export interface PollLoop {
  /** Runs a pass now instead of waiting for the next poll (e.g. right after a commit). */
  wake(): void;
  /** Stops polling and waits for the pass in progress to finish. */
  stop(): Promise<void>;
}

export interface PollLoopOptions {
  /** One pass of work; returns how many items it handled (0 = idle, wait for the next poll). */
  pass: () => Promise<number>;
  pollMs: number;
  onError: (error: unknown) => void;
  /**
   * How long to wait before the next pass when this one found work (none unless given): a loop that
   * should yield to other work asks for a gap. `wake()` ends a gap as it ends a poll's sleep.
   */
  gapMs?: () => number;
}

/** A poll loop that says whether it is in the middle of a pass. */
export interface BusyPollLoop extends PollLoop {
  busy(): boolean;
}

/**
 * Runs `pass` until it finds nothing to do, then sleeps `pollMs`. Errors (a database outage) are
 * reported and the loop carries on after the poll interval, so work resumes when the database does.
 */
export function startPollLoop({ pass, pollMs, onError, gapMs }: PollLoopOptions): BusyPollLoop {
  let stopped = false;
  let passing = false;
  let sleeping: { timer: NodeJS.Timeout; resolve: () => void } | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      sleeping = { timer: setTimeout(resolve, ms), resolve };
    });
  const wake = () => {
    if (!sleeping) return;
    clearTimeout(sleeping.timer);
    sleeping.resolve();
    sleeping = undefined;
  };
  const running = (async () => {
    while (!stopped) {
      let handled = 0;
      passing = true;
      try {
        handled = await pass();
      } catch (error) {
        onError(error);
      } finally {
        passing = false;
      }
      if (stopped) break;
      const wait = handled === 0 ? pollMs : (gapMs?.() ?? 0);
      if (wait > 0) await sleep(wait);
    }
  })();
  return {
    wake,
    busy: () => passing,
    async stop() {
      stopped = true;
      wake();
      await running;
    },
  };
}
