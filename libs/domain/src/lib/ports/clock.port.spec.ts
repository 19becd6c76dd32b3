import { CLOCK, FixedClock, systemClock } from './clock.port';

describe('FixedClock', () => {
  it('starts where told and moves only when told', () => {
    const clock = new FixedClock('2020-02-18T10:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2020-02-18T10:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2020-02-18T10:00:00.000Z');
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2020-02-18T10:01:30.000Z');
    clock.set(new Date('2021-01-01T00:00:00.000Z'));
    expect(clock.now().toISOString()).toBe('2021-01-01T00:00:00.000Z');
  });

  it('hands out copies, so a caller cannot move it by mutating a Date', () => {
    const clock = new FixedClock();
    clock.now().setFullYear(1999);
    expect(clock.now().toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });

  it.each(['yesterday', new Date(Number.NaN)])('refuses an invalid start %p', (start) => {
    expect(() => new FixedClock(start)).toThrow(RangeError);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses to advance by %p', (amount) => {
    expect(() => new FixedClock().advance(amount)).toThrow(RangeError);
  });
});

describe('systemClock', () => {
  it('gives valid dates that do not go back', () => {
    const first = systemClock.now();
    const second = systemClock.now();
    expect(Number.isNaN(first.getTime())).toBe(false);
    expect(second.getTime()).toBeGreaterThanOrEqual(first.getTime());
  });

  it('has a registry symbol as its token, equal across module copies', () => {
    expect(CLOCK).toBe(Symbol.for('@iomt/domain:Clock'));
  });
});
