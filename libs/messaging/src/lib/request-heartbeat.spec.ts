import { RequestHeartbeat } from './request-heartbeat';

describe('RequestHeartbeat', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends one heartbeat per interval until stopped, and none after', async () => {
    const send = jest.fn(async () => undefined);
    const heartbeat = new RequestHeartbeat(send, 100, jest.fn());
    await jest.advanceTimersByTimeAsync(99);
    expect(send).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(201);
    expect(send).toHaveBeenCalledTimes(3);
    await heartbeat.stop();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('sends none with an interval of 0', async () => {
    const send = jest.fn(async () => undefined);
    const heartbeat = new RequestHeartbeat(send, 0, jest.fn());
    await jest.advanceTimersByTimeAsync(10_000);
    await heartbeat.stop();
    expect(send).not.toHaveBeenCalled();
  });

  it('stop() waits for a heartbeat on its way, so none follows the reply', async () => {
    let finishSend: () => void = () => undefined;
    const send = jest.fn(() => new Promise<void>((resolve) => (finishSend = resolve)));
    const heartbeat = new RequestHeartbeat(send, 100, jest.fn());
    await jest.advanceTimersByTimeAsync(100);
    expect(send).toHaveBeenCalledTimes(1);
    let stopped = false;
    const stopping = heartbeat.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finishSend();
    await stopping;
    expect(stopped).toBe(true);
  });

  it('reports a failed heartbeat and goes on with the next', async () => {
    const onError = jest.fn();
    const send = jest.fn().mockRejectedValueOnce(new Error('link detached')).mockResolvedValue(undefined);
    const heartbeat = new RequestHeartbeat(send, 100, onError);
    await jest.advanceTimersByTimeAsync(200);
    await heartbeat.stop();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'link detached' }));
    expect(send).toHaveBeenCalledTimes(2);
  });
});
