import { itBehavesAsAService, type ServiceConformance } from '@iomt/service-kit/testing';
import type { ServiceSettings } from '@iomt/service-kit';
import type { z } from 'zod';
import type { LocalStack } from '../stack';
import { startWorkerTestStack } from './worker-stack';

/**
 * {@link itBehavesAsAService} for a worker that needs the whole local stack to start: starts the
 * stack before the conformance tests (its settings but PORT and HOST, which the tests choose) and
 * stops it after them.
 */
export function itBehavesAsAServiceOnTheLocalStack<S extends z.ZodType<ServiceSettings>>(
  conformance: Omit<ServiceConformance<S>, 'env'>,
): void {
  const env: Record<string, string> = {};
  let stack: LocalStack | undefined;

  beforeAll(async () => {
    stack = await startWorkerTestStack();
    const { PORT: _port, HOST: _host, ...settings } = stack.env;
    Object.assign(env, settings);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  itBehavesAsAService({ ...conformance, env });
}
