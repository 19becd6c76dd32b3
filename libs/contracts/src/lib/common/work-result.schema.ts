import { z } from 'zod';

/**
 * Names of the ARM deployments a worker ran (deterministic, derived from the operation id and step,
 * so a retry finds them again): diagnostics for the operation record, never secrets.
 */
export const deploymentNamesSchema = z.array(z.string().min(1).max(64)).max(20);

/** Result of a worker command that deploys infrastructure. */
export const deploymentResultSchema = z.object({ deploymentNames: deploymentNamesSchema.optional() });

/** Result of a worker command with nothing to report beyond success. */
export const emptyResultSchema = z.object({});
