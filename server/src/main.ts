import { DataDirLockedError } from '@pulse/db';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, readDotEnv } from './config.js';
import { ensureFirstAdmin } from './first-run.js';

async function main() {
  readDotEnv();
  const config = loadConfig();
  const app = await buildApp(config);
  await ensureFirstAdmin(app);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    // Stops accepting connections, waits for in-flight requests, then closes the database.
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
