/** Liveness probe path: 200 while the process runs. */
export const LIVENESS_PATH = 'healthz';

/** Readiness probe path: 200 when every readiness indicator is up, 503 otherwise. */
export const READINESS_PATH = 'readyz';

/** Paths that orchestrators poll every few seconds; they are not request-logged. */
export const PROBE_PATHS: readonly string[] = [`/${LIVENESS_PATH}`, `/${READINESS_PATH}`];
