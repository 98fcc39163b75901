import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the fake received: the Web API method (or `teams`), its token and its parameters. */
export interface ChatCall {
  method: string;
  token: string | undefined;
  params: Record<string, unknown>;
}

/**
 * A local stand-in for the Slack Web API (auth.test, users.lookupByEmail, conversations.open,
 * chat.postMessage) and for a Microsoft Teams workflow URL (`/teams/<name>`). It checks what
 * a real workspace would: the bot token on every call, a DM channel it opened itself for
 * chat.postMessage, Block Kit that parses. `rateLimit` answers 429 with Retry-After to the
 * next postMessage calls; `revoke` makes every call answer token_revoked.
 */
export class FakeChat {
  calls: ChatCall[] = [];
  /** email → Slack user id; members not listed are not in the workspace. */
  users = new Map<string, string>();
  validToken = 'xoxb-fake-good-0123456789';
  revoked = false;
  rateLimit = 0;
  teamsStatus = 200;
  private server: Server | undefined;
  /** DM channel id → user id, as conversations.open made them. */
  readonly dms = new Map<string, string>();

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers }) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  reset(): void {
    this.calls = [];
    this.revoked = false;
    this.rateLimit = 0;
    this.teamsStatus = 200;
  }

  /** chat.postMessage calls, with the Slack user each went to. */
  posts() {
    return this.calls
      .filter((c) => c.method === 'chat.postMessage')
      .map(
        (c) =>
          ({ ...c.params, user: this.dms.get(String(c.params.channel)) }) as {
            channel: string;
            text: string;
            blocks: Block[];
            user: string | undefined;
          },
      );
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/teams/')) {
      this.calls.push({ method: 'teams', token: undefined, params: { path, ...(JSON.parse(raw) as object) } });
      return { status: this.teamsStatus, body: {} };
    }
    const method = path.replace(/^\/api\//, '');
    const params: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
    for (const name of ['blocks', 'users']) {
      if (typeof params[name] === 'string' && /^[[{]/.test(params[name])) params[name] = JSON.parse(params[name]);
    }
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    this.calls.push({ method, token, params });
    const fail = (error: string) => ({ status: 200, body: { ok: false, error } });
    if (token !== this.validToken) return fail('invalid_auth');
    if (this.revoked) return fail('token_revoked');
    switch (method) {
      case 'auth.test':
        return { status: 200, body: { ok: true, team: 'Acme Workspace', user: 'pulse', team_id: 'T1' } };
      case 'users.lookupByEmail': {
        const id = this.users.get(String(params.email));
        return id ? { status: 200, body: { ok: true, user: { id } } } : fail('users_not_found');
      }
      case 'conversations.open': {
        const user = String(params.users);
        if (![...this.users.values()].includes(user)) return fail('user_not_found');
        const channel = `D${user}`;
        this.dms.set(channel, user);
        return { status: 200, body: { ok: true, channel: { id: channel } } };
      }
      case 'chat.postMessage': {
        if (this.rateLimit > 0) {
          this.rateLimit--;
          return { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': '30' } };
        }
        if (!this.dms.has(String(params.channel))) return fail('channel_not_found');
        if (!Array.isArray(params.blocks) || !params.text) return fail('invalid_blocks');
        return { status: 200, body: { ok: true, channel: params.channel, ts: String(Date.now()) } };
      }
      default:
        return fail('unknown_method');
    }
  }
}

export interface Block {
  type: string;
  text?: { type: string; text: string };
  elements?: { type: string; url?: string; text?: string | { text: string } }[];
}
