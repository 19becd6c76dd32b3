import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir`, as absolute paths. */
export function listFilesRecursively(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFilesRecursively(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
