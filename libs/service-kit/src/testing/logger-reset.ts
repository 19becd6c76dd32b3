import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';

/**
 * nestjs-pino keeps the first logger a process creates for every line written outside a
 * request (a process normally runs one service). Tests that start several services in one
 * process call this before each start, so each service writes to its own destination.
 */
export function resetServiceLoggerForTests(): void {
  __resetOutOfContextForTests();
}
