import { failureCauseOf } from './failure-cause';

describe('x-ms-failurecause', () => {
  it.each([
    [400, 'client'],
    [404, 'client'],
    [409, 'client'],
    [429, 'client'],
    [500, 'service'],
    [503, 'service'],
  ])('attributes a %i to the %s', (status, cause) => {
    expect(failureCauseOf(status)).toBe(cause);
  });
});
