import { ArmClients, ArmResourceDeployer, createAzureCredential, parseAzureOptions } from '@iomt/azure';
import type { ResourceDeployer } from '@iomt/domain';
import { accessTokenCredential } from './access-token.credential';

/** Settings of the deployer's long-running operation polling. */
export interface ArmDeployerTuning {
  /** First wait between polls of a deployment; ARM's Retry-After takes over when sent. */
  readonly pollIntervalMs?: number;
}

/** Loopback http endpoints are the in-repo fake ARM (plain HTTP, no token). */
export function isFakeArmEndpoint(endpoint: string): boolean {
  const url = new URL(endpoint);
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * The `@azure/arm-resources` deployer for an ARM endpoint: Azure over https with the bearer token
 * of `ARM_ACCESS_TOKEN`, or the fake ARM on loopback http with no token.
 */
export function createArmDeployer(
  armEndpoint: string,
  env: NodeJS.ProcessEnv,
  tuning: ArmDeployerTuning = {},
): ResourceDeployer {
  const local = isFakeArmEndpoint(armEndpoint);
  const options = parseAzureOptions({
    mode: local ? 'local' : 'azure',
    endpoint: armEndpoint,
    pollIntervalMs: tuning.pollIntervalMs ?? (local ? 10 : 5_000),
  });
  const credential = createAzureCredential(options, local ? undefined : accessTokenCredential(env));
  return new ArmResourceDeployer(new ArmClients(options, credential));
}
