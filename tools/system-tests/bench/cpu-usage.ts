import { readFileSync } from 'node:fs';
import type { LocalSystem } from '@iomt/launcher';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far, from /proc; undefined when it is gone. */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces) start at state: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU seconds of each part of the system: the service processes, and this process (the local servers + the bench client). */
export function cpuSnapshot(system: LocalSystem): Map<string, number> {
  const snapshot = new Map<string, number>();
  const own = process.cpuUsage();
  snapshot.set('bench process (SB emulator, Cosmos, Azurite, fake ARM, client)', (own.user + own.system) / 1e6);
  for (const instance of system.services.all) {
    const pid = instance.process.child.pid;
    const seconds = pid === undefined ? undefined : cpuSecondsOf(pid);
    if (seconds !== undefined) snapshot.set(`${instance.name}#${instance.replica}`, seconds);
  }
  return snapshot;
}

/** Prints CPU seconds used between two snapshots, per part and per operation. */
export function printCpu(before: Map<string, number>, after: Map<string, number>, operations: number, wallSeconds: number): void {
  console.log(`CPU used during the run (${wallSeconds.toFixed(1)} s wall, 2 cores = ${(2 * wallSeconds).toFixed(1)} CPU s available):`);
  let total = 0;
  for (const [name, end] of after) {
    const used = end - (before.get(name) ?? 0);
    total += used;
    console.log(`  ${name.padEnd(66)} ${used.toFixed(1).padStart(6)} s  ${((used * 1000) / operations).toFixed(1).padStart(6)} ms/op`);
  }
  console.log(`  ${'total'.padEnd(66)} ${total.toFixed(1).padStart(6)} s  ${((total * 1000) / operations).toFixed(1).padStart(6)} ms/op`);
}
