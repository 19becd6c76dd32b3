import type { GlobalDbContainers } from './ensure-global-db';

/** A readiness check (structurally service-kit's `ReadinessIndicator`): can the Global DB be read? */
export interface GlobalDbReadiness {
  readonly name: string;
  check(): Promise<{ ready: boolean; details?: Record<string, unknown> }>;
}

/** Reads the account registry container's definition: cheap, and fails when Cosmos is unreachable. */
export function globalDbReadiness(containers: GlobalDbContainers): GlobalDbReadiness {
  return {
    name: 'globalDb',
    check: async () => {
      const { statusCode } = await containers.accountRegistry.read();
      return { ready: statusCode === 200, details: { database: containers.database.id } };
    },
  };
}
