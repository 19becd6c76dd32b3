import { createServer, Server } from 'node:net';
import { assertPortFree, portFromEnv } from './port-check';

describe('portFromEnv', () => {
  it.each([
    [{}, 8080],
    [{ GATEWAY_PORT: '' }, 8080],
    [{ GATEWAY_PORT: '9000' }, 9000],
  ])('reads %j as %d', (env, expected) => {
    expect(portFromEnv(env, 'GATEWAY_PORT', 8080)).toBe(expected);
  });

  it.each(['0', '65536', 'abc', '80.5', '-1'])('rejects "%s", naming the setting', (value) => {
    expect(() => portFromEnv({ GATEWAY_PORT: value }, 'GATEWAY_PORT', 8080)).toThrow(/GATEWAY_PORT/);
  });
});

describe('assertPortFree', () => {
  let server: Server;
  let port: number;

  beforeEach(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('names the setting of a port in use', async () => {
    await expect(assertPortFree('127.0.0.1', port, 'COSMOS_EMULATOR_PORT')).rejects.toThrow(
      `Port ${port} (COSMOS_EMULATOR_PORT) on 127.0.0.1 is already in use`,
    );
  });

  it('accepts a free port and releases it again', async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await assertPortFree('127.0.0.1', port, 'COSMOS_EMULATOR_PORT');
    server = createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  });
});
