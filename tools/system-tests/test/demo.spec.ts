import { startLocalSystem, type LocalSystem } from '@iomt/launcher';
import { runScript } from './support/child-run';

const DEMO = 'tools/system-tests/src/demo/main.ts';
const STEP_TITLES = [
  'Create the FHIR service: 201 -> Succeeded',
  'Create the IoMT connector: 201 -> Succeeded',
  'Set the device mapping: 201 -> Succeeded',
  'Set the FHIR mapping: 201 -> Succeeded',
  'Refuse an invalid device mapping: 400, InvalidRequestContent',
  'Create a connection: 201 -> Succeeded',
  'List the connection keys: 200',
  'Regenerate the primary key: 200',
  'Update the FHIR service tags (PATCH): 202 -> Succeeded',
  'Update the IoMT connector tags (PUT): 200 -> Succeeded',
  'Delete the connection: 202 -> Succeeded, then GET 404',
  'Delete the IoMT connector: 202 -> Succeeded, then GET 404',
  'Delete the FHIR service: 202 -> Succeeded, then GET 404',
];

describe('npm run demo', () => {
  let system: LocalSystem;
  beforeAll(async () => {
    system = await startLocalSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('walks a FHIR service and a connector through their whole life, printing each step with its outcome and time', async () => {
    const run = await runScript(DEMO, { GATEWAY_URL: system.gatewayUrl });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const stepLines = run.stdout.split('\n').filter((line) => /^\[\s*\d+\/13\]/.test(line));
    expect(stepLines).toHaveLength(STEP_TITLES.length);
    STEP_TITLES.forEach((title, i) => {
      expect(stepLines[i]).toMatch(new RegExp(`^\\[\\s*${i + 1}/13\\] ${escape(title)}.* \\(\\d+\\.\\d s\\)$`));
    });
    expect(run.stdout).toMatch(/Done: all 13 steps passed in \d+\.\d s\./);
    expect(run.stdout).not.toMatch(/SharedAccessKey=/);
    expect(system.stack.arm.snapshot().resourceGroups.filter((g) => /^rg-(fhir|iomt)-demo-fhir-/.test(g.name))).toEqual([]);
  });

  it('exits 1 naming the failed step when the system fails one (a deployment ending Failed)', async () => {
    system.stack.arm.setFaults({ failNextDeployments: 1 });
    try {
      const run = await runScript(DEMO, { GATEWAY_URL: system.gatewayUrl });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/\[ 1\/13\] Create the FHIR service: FAILED \(\d+\.\d s\): the operation ended Failed/);
      expect(run.stdout).toContain('Stopped: a step failed');
      expect(run.stdout).not.toContain('[ 2/13]');
    } finally {
      system.stack.arm.setFaults({ failNextDeployments: 0 });
    }
  });

  it('exits 1 with a hint when no gateway answers at GATEWAY_URL', async () => {
    const run = await runScript(DEMO, { GATEWAY_URL: 'http://127.0.0.1:1' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/The gateway at http:\/\/127\.0\.0\.1:1 does not answer .*start the system with npm start/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
