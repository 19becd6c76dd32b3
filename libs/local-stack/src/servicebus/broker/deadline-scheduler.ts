/** Source of the current time, replaceable in tests. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

interface Deadline {
  readonly at: number;
  readonly action: () => void;
  cancelled: boolean;
}

/** Handle to cancel a scheduled action. */
export interface ScheduledAction {
  cancel(): void;
}

/**
 * Runs actions at given times with one Node timer for all of them (a binary min-heap of
 * deadlines), so lock expiries, scheduled messages and accept timeouts cost no timer each.
 */
export class DeadlineScheduler {
  private readonly heap: Deadline[] = [];
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private stopped = false;

  constructor(private readonly clock: Clock = systemClock) {}

  /** Runs `action` at time `at` (ms since the epoch) or soon after. */
  at(at: number, action: () => void): ScheduledAction {
    const deadline: Deadline = { at, action, cancelled: false };
    this.push(deadline);
    this.arm();
    return { cancel: () => void (deadline.cancelled = true) };
  }

  /** Cancels everything; used when the emulator stops. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.heap.length = 0;
  }

  private arm(): void {
    const next = this.heap[0];
    if (this.stopped || !next || next.at >= this.timerAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = next.at;
    this.timer = setTimeout(() => this.fire(), Math.max(0, next.at - this.clock.now()));
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.clock.now();
    while (this.heap.length > 0 && this.heap[0].at <= now) {
      const deadline = this.pop();
      if (!deadline.cancelled) deadline.action();
    }
    this.arm();
  }

  private push(deadline: Deadline): void {
    const heap = this.heap;
    heap.push(deadline);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (heap[parent].at <= heap[index].at) break;
      [heap[parent], heap[index]] = [heap[index], heap[parent]];
      index = parent;
    }
  }

  private pop(): Deadline {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop() as Deadline;
    if (heap.length > 0) {
      heap[0] = last;
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        const right = left + 1;
        let smallest = index;
        if (left < heap.length && heap[left].at < heap[smallest].at) smallest = left;
        if (right < heap.length && heap[right].at < heap[smallest].at) smallest = right;
        if (smallest === index) break;
        [heap[smallest], heap[index]] = [heap[index], heap[smallest]];
        index = smallest;
      }
    }
    return top;
  }
}
