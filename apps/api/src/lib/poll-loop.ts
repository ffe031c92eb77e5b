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
}

/**
 * Runs `pass` until it finds nothing to do, then sleeps `pollMs`. Errors (a database outage) are
 * reported and the loop carries on after the poll interval, so work resumes when the database does.
 */
export function startPollLoop({ pass, pollMs, onError }: PollLoopOptions): PollLoop {
  let stopped = false;
  let sleeping: { timer: NodeJS.Timeout; resolve: () => void } | undefined;
  const sleep = () =>
    new Promise<void>((resolve) => {
      sleeping = { timer: setTimeout(resolve, pollMs), resolve };
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
      try {
        handled = await pass();
      } catch (error) {
        onError(error);
      }
      if (handled === 0 && !stopped) await sleep();
    }
  })();
  return {
    wake,
    async stop() {
      stopped = true;
      wake();
      await running;
    },
  };
}
