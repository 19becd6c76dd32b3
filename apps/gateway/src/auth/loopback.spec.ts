import { isLoopbackHost } from './loopback';

describe('isLoopbackHost', () => {
  it.each<[string | undefined, boolean]>([
    ['127.0.0.1', true],
    ['127.10.0.3', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.4', false],
    ['::ffff:10.0.0.4', false],
    ['gateway.internal', false],
    ['128.0.0.1', false],
    [undefined, false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});
