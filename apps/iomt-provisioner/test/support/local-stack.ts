import { startLocalStack as startStack, type LocalStack } from '@iomt/local-stack';

export type { LocalStack };

/** The local stack, with the short session-accept timeout that keeps worker shutdown quick in tests. */
export const startLocalStack = (): Promise<LocalStack> => startStack({ COMMANDS_ACCEPT_SESSION_TIMEOUT_MS: '1000' });
