import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import lockfile from 'proper-lockfile';
import { numberParsers } from './type-parsers.js';

/** Thrown when another process already holds the embedded database directory. */
export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The embedded database in ${dataDir} is already in use by another process. ` +
        'Stop the other server, or point DATA_DIR at another directory.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface EmbeddedDatabase {
  pglite: PGlite;
  /** Closes PGlite, then gives up the directory lock. */
  close(): Promise<void>;
}

/**
 * Opens (creating when needed) the PGlite database under `dataDir/pglite`, holding an
 * exclusive lock on it: two processes on one directory would corrupt it.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  let unlock: () => Promise<void>;
  try {
    unlock = await lockfile.lock(dir, {
      lockfilePath: `${dir}.lock`,
      stale: 10_000,
      update: 2_000,
      retries: 0,
      onCompromised: (error) => {
        // Another process took the directory while we held it: stop before writing anything.
        console.error(`Lost the lock on ${dir}: ${error.message}`);
        process.exit(1);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(path.resolve(dataDir));
    throw error;
  }
  try {
    const pglite = await PGlite.create({ dataDir: dir, parsers: numberParsers });
    return {
      pglite,
      async close() {
        if (!pglite.closed) await pglite.close();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}
