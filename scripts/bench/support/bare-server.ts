// The answering benchmark's baseline: the least a Fastify server can do for one answer. It
// validates the same body with the same zod schema and makes one plain INSERT into the same
// `responses` table (same indexes, same size) on a pool of the application's size, with
// nothing else: no hooks, no security headers, no token, no invitation to claim.
import { poolOptions } from '@pulse/db';
import { zPulseSubmission } from '@pulse/shared/api/pulse';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import pg from 'pg';

const pool = new pg.Pool(poolOptions(process.env.DATABASE_URL!));
const cycleId = process.env.BARE_CYCLE_ID!;
const teamId = process.env.BARE_TEAM_ID!;

const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'warn' } }).withTypeProvider<ZodTypeProvider>();
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);
app.get('/health', async () => ({ status: 'ok' }));
app.post('/bare/:token', { schema: { body: zPulseSubmission } }, async (request, reply) => {
  await pool.query('insert into responses (cycle_id, team_id, questionnaire_version, answers, comment) values ($1, $2, 1, $3, $4)', [
    cycleId,
    teamId,
    JSON.stringify(request.body.answers),
    request.body.comment ?? null,
  ]);
  return reply.status(201).send({ status: 'received' });
});
app.addHook('onClose', () => pool.end());
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
