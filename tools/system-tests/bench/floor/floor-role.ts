/**
 * One role of the floor bench in a process of its own (`node -r @swc-node/register floor-role.ts
 * <gateway|router|worker>`), on the local stack's settings from the environment. Prints
 * `FLOOR_READY <port>` once it serves (port 0 for the consumers). FLOOR_ROUTER_SESSIONS (32),
 * FLOOR_WORKER_SESSIONS (64) and FLOOR_REPLIES (per-command | shared) tune it.
 */
import { floorEnv } from './floor-env';
import { runFloorGateway } from './floor-gateway';
import { runFloorRouter } from './floor-router';
import { runFloorWorker } from './floor-worker';

async function main(role: string | undefined): Promise<number> {
  const env = floorEnv();
  const sessions = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
  switch (role) {
    case 'gateway':
      return runFloorGateway(env);
    case 'router':
      await runFloorRouter(env, sessions('FLOOR_ROUTER_SESSIONS', 32), process.env['FLOOR_REPLIES'] === 'shared' ? 'shared' : 'per-command');
      return 0;
    case 'worker':
      runFloorWorker(env, sessions('FLOOR_WORKER_SESSIONS', 64));
      return 0;
    default:
      throw new Error(`Unknown floor role '${String(role)}': gateway, router or worker`);
  }
}

main(process.argv[2]).then(
  (port) => console.log(`FLOOR_READY ${port}`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
process.on('SIGTERM', () => process.exit(0));
