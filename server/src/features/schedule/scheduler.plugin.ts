import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createScheduler, type Scheduler } from './scheduler.js';

declare module 'fastify' {
  interface FastifyInstance {
    scheduler: Scheduler;
  }
}

/**
 * Runs the monthly rhythm inside the server: a pass at start-up and then every minute. Tests
 * (NODE_ENV=test) call `app.scheduler.tick()` themselves instead.
 */
async function scheduler(app: FastifyInstance) {
  const instance = createScheduler({
    db: app.db,
    mailer: app.mailer,
    publicUrl: app.config.publicUrl,
    log: app.log,
    settings: app.config,
    chat: app.config,
  });
  app.decorate('scheduler', instance);
  if (app.config.nodeEnv !== 'test') app.addHook('onReady', async () => instance.start());
  // Before the database closes: a pass in flight finishes first.
  app.addHook('preClose', () => instance.stop());
}

export default fp(scheduler, { name: 'scheduler', dependencies: ['database', 'mail'] });
