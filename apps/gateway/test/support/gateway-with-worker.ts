import { GatewayUnderTest, startGateway } from './gateway-under-test';
import { TestOperationWorker } from './test-operation-worker';

/**
 * Starts, for the whole spec, a gateway on its own local stack (with `env`) and a test worker that
 * ends its operations, hands both to `use` before the first test, and stops them after the last.
 */
export function useGatewayWithWorker(use: (gateway: GatewayUnderTest, worker: TestOperationWorker) => void, env: Record<string, string> = {}): void {
  let gateway: GatewayUnderTest | undefined;
  let worker: TestOperationWorker | undefined;
  beforeAll(async () => {
    gateway = await startGateway(env);
    worker = await TestOperationWorker.start(gateway.stack);
    use(gateway, worker);
  });
  afterAll(async () => {
    await worker?.stop();
    await gateway?.stop();
  });
}
