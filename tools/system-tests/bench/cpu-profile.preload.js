// Preloaded into each service by `BENCH_CPU_PROFILE_DIR` (NODE_OPTIONS refuses --cpu-prof):
// profiles the whole process and writes a .cpuprofile when it is told to stop (SIGTERM: a
// service that then takes longer than the fleet's grace period is SIGKILLed and would write
// nothing at exit) or when it exits. Bench-only.
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_CPU_PROFILE_DIR;
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.start');
let written = false;
function writeProfile() {
  if (written) return;
  written = true;
  // The inspector answers a session of the same thread synchronously, so this runs at once.
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
}
process.prependListener('SIGTERM', writeProfile);
process.on('exit', writeProfile);
