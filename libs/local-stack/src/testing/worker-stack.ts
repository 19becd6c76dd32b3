import { startLocalStack, type LocalStack } from '../stack';

/** How long a worker's command consumer waits for a session before it looks again, in tests. */
const TEST_ACCEPT_SESSION_TIMEOUT_MS = '1000';

/**
 * The local stack for a worker's tests: the short session-accept timeout keeps the worker's
 * shutdown quick (closing waits for the pending accept to give up).
 */
export function startWorkerTestStack(): Promise<LocalStack> {
  return startLocalStack({ COMMANDS_ACCEPT_SESSION_TIMEOUT_MS: TEST_ACCEPT_SESSION_TIMEOUT_MS });
}
