import { OptionError, parseLoadOptions } from './cli/load-options';
import { runningSystem, startOwnSystem } from './faults/load-target';
import { writeReport, summaryLines } from './report/report-writer';
import { runLoad } from './run-load';
import { USAGE } from './usage';

/** `npm run load -- [options]`: exit 0 when every invariant held, 1 on a violation, 2 on bad options or a failed run. */
async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const options = parseLoadOptions(argv);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(options.gatewayUrl === undefined ? `[load] starting the local system (${options.routers} routers, ${options.workers} workers)` : `[load] driving ${options.gatewayUrl}`);
  const target = options.gatewayUrl === undefined ? await startOwnSystem(options) : await runningSystem(options, process.env);
  let passed = false;
  const interrupt = () => {
    process.stderr.write('[load] interrupted: stopping the system\n');
    void target.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt).once('SIGTERM', interrupt);
  try {
    log(`[load] ${options.subscriptions} subscriptions × ${options.operationsPerSubscription} operations, concurrency ${options.concurrency}`);
    const report = await runLoad(options, target, log);
    const paths = await writeReport(report, options.outDir);
    process.stdout.write(`${[...summaryLines(report), `report: ${paths.html}`].join('\n')}\n`);
    passed = report.passed;
  } finally {
    await target.stop();
  }
  return passed ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(error instanceof OptionError ? `load: ${error.message}\n\n${USAGE}` : `load: the run failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(2);
  },
);
