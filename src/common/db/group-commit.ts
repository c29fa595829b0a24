interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items submitted while a commit is running are committed together in the next one,
 * so concurrent requests share one transaction instead of queueing for one each. Every submitter
 * learns whether its own item was committed.
 */
export class GroupCommit<T> {
  private queue: Array<Pending<T>> = [];
  private draining: Promise<void> | null = null;

  constructor(
    private readonly commit: (items: T[]) => Promise<void>,
    private readonly maxBatch = 1_000,
  ) {}

  submit(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.draining ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          await this.commit(batch.map((p) => p.item));
          batch.forEach((p) => p.resolve());
        } catch (error) {
          batch.forEach((p) => p.reject(error));
        }
      }
    } finally {
      // Cleared in the same tick the loop sees an empty queue, before any resolved submitter runs
      // again: a submit that follows at once starts a new drain instead of waiting on a finished one.
      this.draining = null;
    }
  }
}
