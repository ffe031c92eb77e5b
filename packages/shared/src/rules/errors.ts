/** Thrown instead of hanging when a definition needs more search than the work budget allows. */
export class RocTooComplexError extends Error {
  override readonly name = 'RocTooComplexError';
  constructor(detail: string) {
    super(`qualification too complex to evaluate exactly: ${detail}`);
  }
}

export interface BudgetOptions {
  /** Search nodes across one evaluation (every search it runs). */
  maxNodes?: number;
  /** Wall-clock milliseconds across one evaluation. */
  maxMillis?: number;
}

export const DEFAULT_BUDGET: Required<BudgetOptions> = { maxNodes: 4_000_000, maxMillis: 1000 };

/**
 * Counts search nodes; checks the clock only every 4096 nodes because reading it costs more than
 * a node. `performance.now` exists in browsers and Node alike.
 */
export class WorkBudget {
  nodes = 0;
  private readonly deadline: number;
  private readonly maxNodes: number;

  constructor(options: BudgetOptions = {}) {
    this.maxNodes = options.maxNodes ?? DEFAULT_BUDGET.maxNodes;
    this.deadline = now() + (options.maxMillis ?? DEFAULT_BUDGET.maxMillis);
  }

  tick(): void {
    this.nodes++;
    if ((this.nodes & 4095) !== 0) return;
    if (this.nodes > this.maxNodes) {
      throw new RocTooComplexError(`more than ${this.maxNodes} search steps`);
    }
    if (now() > this.deadline) {
      throw new RocTooComplexError(`search took longer than the time budget (${this.nodes} steps)`);
    }
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
