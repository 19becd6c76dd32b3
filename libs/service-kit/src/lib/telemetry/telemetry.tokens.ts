/** DI token of the process's {@link Telemetry} (provided by the service root module). */
export const TELEMETRY = Symbol('TELEMETRY');
