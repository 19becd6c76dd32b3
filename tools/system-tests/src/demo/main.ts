import { demoSettings, runDemo } from './demo';

runDemo(demoSettings(process.env), (line) => void process.stdout.write(`${line}\n`)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`npm run demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
