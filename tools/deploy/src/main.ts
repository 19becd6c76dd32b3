import { createArmDeployer } from './cli/arm-deployer.factory';
import { runCli } from './cli/run-cli';

// `npm run deploy -- <open-region|deploy-environment> --env <group> ...`; see cli/cli-options.ts.
const abort = new AbortController();
process.once('SIGINT', () => abort.abort(new Error('interrupted')));

runCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  createDeployer: (armEndpoint, env) => createArmDeployer(armEndpoint, env),
  signal: abort.signal,
}).then((code) => {
  process.exitCode = code;
});
