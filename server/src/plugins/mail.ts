import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** 'smtp' when SMTP_URL is set; otherwise 'outbox', .eml files in `outboxDir`. */
  mode: 'smtp' | 'outbox';
  outboxDir: string;
  send(message: MailMessage): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
  }
}

/** The From address: the host of PUBLIC_URL, so replies are recognisable. */
function sender(config: Config): string {
  return `Pulse <pulse@${new URL(config.publicUrl).hostname}>`;
}

/** Mail through nodemailer: SMTP when configured, else one .eml file a message in DATA_DIR/outbox. */
export function createMailer(config: Config): Mailer {
  const outboxDir = path.resolve(config.dataDir, 'outbox');
  const from = sender(config);
  if (config.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(config.smtpUrl);
    return {
      mode: 'smtp',
      outboxDir,
      async send(message) {
        await transport.sendMail({ from, ...message });
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    mode: 'outbox',
    outboxDir,
    async send(message) {
      const info = await transport.sendMail({ from, ...message });
      await mkdir(outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      await writeFile(path.join(outboxDir, name), info.message as Buffer);
    },
  };
}

export default fp(
  async (app: FastifyInstance, { config }: { config: Config }) => {
    app.decorate('mailer', createMailer(config));
  },
  { name: 'mail' },
);
