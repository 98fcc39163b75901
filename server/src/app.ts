import { randomUUID } from 'node:crypto';
import { zErrorBody } from '@pulse/shared';
import Fastify, { type FastifyServerOptions, type RouteOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { auditRoutes } from './features/audit/audit.routes.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { cyclesRoutes } from './features/cycles/cycles.routes.js';
import { healthRoutes } from './features/health/health.routes.js';
import { membersRoutes } from './features/members/members.routes.js';
import { outboxRoutes } from './features/outbox/outbox.routes.js';
import { settingsRoutes } from './features/settings/settings.routes.js';
import { teamsRoutes } from './features/teams/teams.routes.js';
import { usersRoutes } from './features/users/users.routes.js';
import { pulseRoutes } from './features/pulse/pulse.routes.js';
import { notesRoutes } from './features/notes/notes.routes.js';
import { conversationsRoutes } from './features/conversations/conversations.routes.js';
import { resultsRoutes } from './features/results/results.routes.js';
import { scheduleRoutes } from './features/schedule/schedule.routes.js';
import { insightsRoutes } from './features/insights/insights.routes.js';
import { instrumentRoutes } from './features/instrument/instrument.routes.js';
import { alertsRoutes } from './features/alerts/alerts.routes.js';
import { exportsRoutes } from './features/exports/exports.routes.js';
import { customersRoutes } from './features/customers/customers.routes.js';
import { partnersRoutes } from './features/partners/partners.routes.js';
import { valuesRoutes } from './features/values/values.routes.js';
import { questionnaireRoutes } from './features/questionnaire/questionnaire.routes.js';
import { actionsRoutes } from './features/actions/actions.routes.js';
import { oidcRoutes } from './features/sso/oidc.routes.js';
import { scimRoutes } from './features/scim/scim.routes.js';
import { scimTokensRoutes } from './features/scim/scim-tokens.routes.js';
import { chatRoutes } from './features/chat/chat.routes.js';
import { alignFiguresWithThreshold } from './features/close/threshold.service.js';
import scheduler from './features/schedule/scheduler.plugin.js';
import auth from './plugins/auth.js';
import client from './plugins/client.js';
import database from './plugins/database.js';
import errors, { clientErrorHandler, handleError } from './plugins/errors.js';
import mail from './plugins/mail.js';
import openapi from './plugins/openapi.js';
import pressure, { type PressureOptions } from './plugins/pressure.js';
import security from './plugins/security.js';
import { loggerOptions } from './logging.js';
import { responseSerializer } from './response-serializer.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Readonly<Config>;
  }
}

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Where log lines go instead of stdout (tests read the whole log); redaction still applies. */
  logStream?: { write(line: string): void };
  /** Load-shedding limits (defaults in plugins/pressure.ts). */
  pressure?: Partial<PressureOptions>;
}

/** The whole application as a Fastify instance, ready for `inject` or `listen`. */
export async function buildApp(config: Readonly<Config>, options: BuildOptions = {}) {
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config.logLevel, options.logStream),
    genReqId: () => randomUUID(),
    // Off unless TRUST_PROXY names the proxies: else anyone could choose their own address.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // Closing answers new requests with 503 while in-flight ones finish.
    return503OnClosing: true,
    // Requests refused before routing (bad HTTP, bad URL encoding) still get the error shape.
    clientErrorHandler,
    frameworkErrors: (error, request, reply) => void handleError(error, request, reply),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer);
  app.decorate('config', config);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Infrastructure first, then features. Security headers go on before any hook can refuse a
  // request (503 under pressure, 403 on a foreign origin), so refusals carry them too.
  await app.register(errors);
  await app.register(security, { config });
  // The embedded database runs on the event loop, so a long query looks like overload; and
  // test runs share two cores with many processes. Both shed on requests in progress only.
  const watchEventLoop = Boolean(config.databaseUrl) && config.nodeEnv !== 'test';
  await app.register(pressure, { ...(watchEventLoop ? {} : { maxEventLoopDelayMs: 0 }), ...options.pressure });
  await app.register(database, { config });
  await app.register(mail, { config });
  await app.register(auth, { config });
  await app.register(scheduler);
  // Figures built at another threshold than the one in force (ANONYMITY_THRESHOLD changed) are
  // rebuilt before the first request.
  app.addHook('onReady', async () => {
    if (await alignFiguresWithThreshold(app.db, config)) app.log.info('figures rebuilt at the anonymity threshold in force');
  });
  await app.register(openapi);
  await app.register(client);

  await app.register(
    async (api) => {
      api.addHook('onRoute', declareSharedErrors);
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(usersRoutes);
      await api.register(teamsRoutes);
      await api.register(membersRoutes);
      await api.register(auditRoutes);
      await api.register(outboxRoutes);
      await api.register(settingsRoutes);
      await api.register(pulseRoutes);
      await api.register(cyclesRoutes);
      await api.register(scheduleRoutes);
      await api.register(insightsRoutes);
      await api.register(alertsRoutes);
      await api.register(exportsRoutes);
      await api.register(customersRoutes);
      await api.register(partnersRoutes);
      await api.register(valuesRoutes);
      await api.register(questionnaireRoutes);
      await api.register(actionsRoutes);
      await api.register(oidcRoutes);
      await api.register(scimTokensRoutes);
      await api.register(resultsRoutes);
      await api.register(notesRoutes);
      await api.register(chatRoutes);
      await api.register(conversationsRoutes);
      await api.register(instrumentRoutes);
    },
    { prefix: '/api/v1' },
  );
  await app.register(scimRoutes, { prefix: '/scim/v2' });
  return app;
}

/** TRUST_PROXY as Fastify takes it (its types leave out the hop count its runtime accepts). */
function fastifyTrustProxy(trust: Config['trustProxy']): FastifyServerOptions['trustProxy'] {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

/**
 * The answers any route can give besides its own, added to every route's contract (and so to
 * OpenAPI) in one place: 500 and 503 (overload, database down; with Retry-After), and for a
 * route that takes a body, 413 (over the size limit) and 415 (a content type it does not parse).
 * All are in the shared error shape. A route's own declaration of a status wins.
 */
function declareSharedErrors(route: RouteOptions) {
  const response = route.schema?.response as Record<string, unknown> | undefined;
  if (!response) return;
  const withBody = route.schema?.body !== undefined;
  route.schema!.response = {
    500: zErrorBody,
    503: zErrorBody,
    ...(withBody ? { 413: zErrorBody, 415: zErrorBody } : {}),
    ...response,
  };
}

export type App = Awaited<ReturnType<typeof buildApp>>;
