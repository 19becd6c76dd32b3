/** The time source of the domain: inject it, so tests control time instead of sleeping. */
export interface Clock {
  now(): Date;
}

/** DI token of {@link Clock}. */
export const CLOCK = Symbol.for('@iomt/domain:Clock');

/** The wall clock. */
export const systemClock: Clock = {
  now: () => new Date(),
};

/** A clock that moves only when told to, for tests. */
export class FixedClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2020-01-01T00:00:00.000Z') {
    this.current = FixedClock.toTime(start);
  }

  private static toTime(value: Date | string): number {
    const time = typeof value === 'string' ? Date.parse(value) : value.getTime();
    if (Number.isNaN(time)) throw new RangeError(`FixedClock needs a valid date, got ${String(value)}`);
    return time;
  }

  /** A new Date each call, so callers cannot move the clock by mutating it. */
  now(): Date {
    return new Date(this.current);
  }

  /** Moves the clock forward (or back, with a negative amount) by `milliseconds`. */
  advance(milliseconds: number): void {
    if (!Number.isFinite(milliseconds)) throw new RangeError(`FixedClock cannot advance by ${milliseconds}`);
    this.current += milliseconds;
  }

  /** Sets the clock to `value`. */
  set(value: Date | string): void {
    this.current = FixedClock.toTime(value);
  }
}
