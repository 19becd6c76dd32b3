/** DI token of the validated `PersistenceOptions`. */
export const PERSISTENCE_OPTIONS = Symbol('PERSISTENCE_OPTIONS');
/** DI token of the module's `CosmosClient` (disposed on application shutdown). */
export const COSMOS_CLIENT = Symbol('COSMOS_CLIENT');
/** DI token of the `GlobalDbContainers`, created at start when missing. */
export const GLOBAL_DB_CONTAINERS = Symbol('GLOBAL_DB_CONTAINERS');
/** DI token of the Global DB readiness indicator (add it to the service's `READINESS_INDICATORS`). */
export const GLOBAL_DB_READINESS = Symbol('GLOBAL_DB_READINESS');
