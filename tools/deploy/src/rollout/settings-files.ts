import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RegionSettings } from '../plan/region-settings';

/** `<dir>/<environment group>/<region>.json`. */
export function settingsFilePath(dir: string, environmentGroup: string, region: string): string {
  return join(dir, environmentGroup, `${region}.json`);
}

/**
 * Writes a region's settings, replacing the file in one step (write a sibling, then rename) so a
 * service never reads half a file. The same settings always give the same bytes.
 */
export async function writeSettingsFile(path: string, settings: RegionSettings): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(settings, null, 2)}\n`, 'utf8');
  await rename(temporary, path);
}
