import { activeKeySlot, isRotationDue, recordRotation, requestRotation, rotationCutoff, standbyKeySlot } from './key-rotation';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2020-03-31T00:00:00.000Z');
const secret = {
  isUsingPrimaryKey: true,
  secretLastRotated: '2020-03-01T00:00:00.000Z',
  secretRotationCount: 2,
  forceRotation: false,
};

describe('key slots', () => {
  it.each([
    [true, 'primary', 'secondary'],
    [false, 'secondary', 'primary'],
  ])('isUsingPrimaryKey %s: active %s, standby %s', (isUsingPrimaryKey, active, standby) => {
    expect(activeKeySlot({ isUsingPrimaryKey })).toBe(active);
    expect(standbyKeySlot({ isUsingPrimaryKey })).toBe(standby);
  });
});

describe('isRotationDue', () => {
  it.each<[string, Partial<typeof secret>, number, boolean]>([
    ['exactly the interval old', {}, 30 * DAY, true],
    ['younger than the interval', {}, 31 * DAY, false],
    ['older than the interval', { secretLastRotated: '2020-01-01T00:00:00.000Z' }, 30 * DAY, true],
    ['forced although young', { forceRotation: true }, 365 * DAY, true],
  ])('%s → %s', (_case, changes, interval, due) => {
    expect(isRotationDue({ ...secret, ...changes }, NOW, interval)).toBe(due);
  });

  it('uses 30 days by default', () => {
    expect(rotationCutoff(NOW).toISOString()).toBe('2020-03-01T00:00:00.000Z');
    expect(isRotationDue(secret, NOW)).toBe(true);
  });
});

describe('recordRotation', () => {
  it('moves to the standby slot, counts, stamps and clears the force flag', () => {
    const rotated = recordRotation({ ...secret, forceRotation: true, extra: 'kept' }, NOW);
    expect(rotated).toEqual({
      isUsingPrimaryKey: false,
      secretLastRotated: NOW.toISOString(),
      secretRotationCount: 3,
      forceRotation: false,
      extra: 'kept',
    });
    expect(activeKeySlot(recordRotation(rotated, NOW))).toBe('primary');
  });

  it('requestRotation sets the force flag only', () => {
    expect(requestRotation(secret)).toEqual({ ...secret, forceRotation: true });
  });
});
