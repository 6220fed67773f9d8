/**
 * A small GitHub on 127.0.0.1 for the sync and Action tests: the issue,
 * label and comment endpoints sync uses, and (fake-pulls.ts) the pull
 * request files, reviews, contents and editable issue comments the Action
 * uses, with Link pagination, ETags (304 on If-None-Match), rate-limit
 * headers, collaborator checks on assignees, and fault injection by a script
 * (5xx, reset connections, hangs, primary and secondary 403, 429 with
 * retry-after, and writes that commit then fail).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { FakePulls, type RouteResult } from './fake-pulls.js';

export interface FakeIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  assignees: string[];
  comments: string[];
}

export type Fault =
  | { kind: 'status'; status: number }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'secondary'; retryAfter: number }
  | { kind: 'primary' }
  | { kind: 'too-many'; retryAfter: number }
  /** The write takes effect, then the response is lost. */
  | { kind: 'commit-then'; then: 'status' | 'reset' };

export interface RequestInfo {
  method: string;
  path: string;
  /** Counts every request, from 0. */
  index: number;
}

export interface FakeGithubOptions {
  owner?: string;
  repo?: string;
  token?: string;
  collaborators?: string[];
  faults?: (request: RequestInfo) => Fault | null;
  /** Called after a create committed, before it is answered (e.g. to kill the client). */
  afterCreate?: (issue: FakeIssue, creates: number) => void;
  /** A fork pull request's token: reads work, every write is refused with 403. */
  readOnly?: boolean;
  /** The repository's default branch (default `main`), as `GET /repos/{owner}/{repo}` tells it. */
  defaultBranch?: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number | 'reset' | 'hang';
  authorization: string | undefined;
}

export class FakeGithub {
  readonly issues: FakeIssue[] = [];
  readonly labels = new Set<string>();
  readonly log: LoggedRequest[] = [];
  /** Pull requests, their reviews and comments, and file contents by commit. */
  readonly pulls = new FakePulls(() => this.url);
  url = '';
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  private creates = 0;
  private remaining = 5000;

  constructor(readonly options: FakeGithubOptions = {}) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Requests that change something (POST, PATCH), as the client sent them. */
  writes(): LoggedRequest[] {
    return this.log.filter((r) => r.method !== 'GET');
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const info: RequestInfo = { method: req.method ?? 'GET', path: url.pathname, index: this.log.length };
    const entry: LoggedRequest = { method: info.method, path: url.pathname + url.search, status: 200, authorization: req.headers.authorization };
    this.log.push(entry);
    if (this.options.token && req.headers.authorization !== `token ${this.options.token}`) return this.send(res, entry, 401, { message: 'Bad credentials' });
    if (this.options.readOnly && info.method !== 'GET') return this.send(res, entry, 403, { message: 'Resource not accessible by integration' });
    const fault = this.options.faults?.(info) ?? null;
    if (fault && fault.kind !== 'commit-then') return this.injure(req, res, entry, fault);
    const result = this.route(info.method, url, body);
    if (fault?.kind === 'commit-then' && result.status < 400)
      return this.injure(req, res, entry, { kind: fault.then === 'reset' ? 'reset' : 'status', status: 502 });
    if (result.created) this.options.afterCreate?.(result.created, ++this.creates);
    this.send(res, entry, result.status, result.data, result.headers, req.headers['if-none-match']);
  }

  private injure(req: IncomingMessage, res: ServerResponse, entry: LoggedRequest, fault: Exclude<Fault, { kind: 'commit-then' }>): void {
    const reset = Math.floor(Date.now() / 1000) + 1;
    switch (fault.kind) {
      case 'status':
        // Echoes the credentials, as a careless proxy might: the client must never print them.
        return this.send(res, entry, fault.status, { message: `Server Error (${req.headers.authorization ?? 'anonymous'})` });
      case 'reset':
        entry.status = 'reset';
        req.socket.destroy();
        return;
      case 'hang':
        entry.status = 'hang';
        return;
      case 'secondary':
        return this.send(
          res,
          entry,
          403,
          { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
          { 'retry-after': String(fault.retryAfter) },
        );
      case 'primary':
        return this.send(
          res,
          entry,
          403,
          { message: 'API rate limit exceeded for user ID 1.' },
          { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
        );
      case 'too-many':
        return this.send(res, entry, 429, { message: 'Too many requests' }, { 'retry-after': String(fault.retryAfter) });
    }
  }

  private send(res: ServerResponse, entry: LoggedRequest, status: number, data: unknown, headers: Record<string, string> = {}, ifNoneMatch?: string): void {
    const raw = typeof data === 'object' && data !== null && 'raw' in data ? (data as { raw: string }).raw : null;
    const text = raw ?? (data === undefined ? '' : JSON.stringify(data));
    const etag = `"${createHash('sha1').update(text).digest('hex')}"`;
    const common = {
      'content-type': raw === null ? 'application/json; charset=utf-8' : 'application/vnd.github.raw; charset=utf-8',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
      ...headers,
    };
    if (status === 200 && entry.method === 'GET' && ifNoneMatch === etag) {
      entry.status = 304;
      res.writeHead(304, { ...common, etag, 'x-ratelimit-remaining': String(this.remaining) });
      res.end();
      return;
    }
    if (status !== 304) this.remaining = Math.max(0, this.remaining - 1);
    entry.status = status;
    res.writeHead(status, { 'x-ratelimit-remaining': String(this.remaining), ...common, ...(entry.method === 'GET' ? { etag } : {}) });
    res.end(text);
  }

  private route(method: string, url: URL, body: Record<string, unknown>): RouteResult & { created?: FakeIssue } {
    const prefix = `/repos/${this.options.owner ?? 'acme'}/${this.options.repo ?? 'platform'}`;
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : null;
    const pulls = path === null ? null : this.pulls.route(method, path, url, body);
    if (pulls) return pulls;
    if (path === '' && method === 'GET') return { status: 200, data: this.repository() };
    const one = path ? /^\/issues\/(\d+)(\/comments)?$/.exec(path) : null;
    if (path === '/issues' && method === 'GET') return this.list(url);
    if (path === '/issues' && method === 'POST') return this.create(body);
    if (path === '/labels' && method === 'POST') return this.createLabel(body);
    const issue = one ? this.issues.find((i) => i.number === Number(one[1])) : undefined;
    if (one && !issue) return { status: 404, data: { message: 'Not Found' } };
    if (issue && !one![2] && method === 'GET') return { status: 200, data: toJson(issue) };
    if (issue && !one![2] && method === 'PATCH') return this.update(issue, body);
    if (issue && one![2] && method === 'POST') {
      issue.comments.push(String(body.body ?? ''));
      return { status: 201, data: { id: issue.comments.length, body: body.body } };
    }
    return { status: 404, data: { message: 'Not Found' } };
  }

  private list(url: URL): { status: number; data: unknown; headers: Record<string, string> } {
    const wanted = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
    const state = url.searchParams.get('state') ?? 'open';
    const ascending = url.searchParams.get('direction') === 'asc';
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const page = Number(url.searchParams.get('page') ?? 1);
    const matching = this.issues
      .filter((i) => wanted.every((label) => i.labels.includes(label)) && (state === 'all' || i.state === state))
      .sort((a, b) => (ascending ? a.number - b.number : b.number - a.number));
    const last = Math.max(1, Math.ceil(matching.length / perPage));
    const link = (n: number, rel: string) => {
      const next = new URL(url.href.replace('http://127.0.0.1', this.url));
      next.searchParams.set('page', String(n));
      return `<${next.href}>; rel="${rel}"`;
    };
    const links = [...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []), ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : [])];
    return { status: 200, data: matching.slice((page - 1) * perPage, page * perPage).map(toJson), headers: links.length ? { link: links.join(', ') } : {} };
  }

  private create(body: Record<string, unknown>): { status: number; data: unknown; created?: FakeIssue } {
    const invalid = this.invalid(body);
    if (invalid) return invalid;
    const issue: FakeIssue = {
      number: this.issues.length + 1,
      title: String(body.title),
      body: typeof body.body === 'string' ? body.body : null,
      state: 'open',
      state_reason: null,
      labels: (body.labels as string[] | undefined) ?? [],
      assignees: (body.assignees as string[] | undefined) ?? [],
      comments: [],
    };
    for (const label of issue.labels) this.labels.add(label);
    this.issues.push(issue);
    return { status: 201, data: toJson(issue), created: issue };
  }

  private update(issue: FakeIssue, body: Record<string, unknown>): { status: number; data: unknown } {
    const invalid = this.invalid(body);
    if (invalid) return invalid;
    if (typeof body.title === 'string') issue.title = body.title;
    if (typeof body.body === 'string') issue.body = body.body;
    if (Array.isArray(body.labels)) issue.labels = body.labels as string[];
    if (Array.isArray(body.assignees)) issue.assignees = body.assignees as string[];
    if (body.state === 'closed') {
      issue.state = 'closed';
      issue.state_reason = typeof body.state_reason === 'string' ? body.state_reason : 'completed';
    } else if (body.state === 'open') {
      issue.state = 'open';
      issue.state_reason = 'reopened';
    }
    return { status: 200, data: toJson(issue) };
  }

  private repository() {
    const { owner = 'acme', repo = 'platform', defaultBranch = 'main' } = this.options;
    return {
      name: repo,
      full_name: `${owner}/${repo}`,
      owner: { login: owner },
      default_branch: defaultBranch,
      html_url: `https://github.com/${owner}/${repo}`,
    };
  }

  private invalid(body: Record<string, unknown>): { status: number; data: unknown } | null {
    // GitHub refuses a label name longer than 50 characters.
    const long = ((body.labels as string[] | undefined) ?? []).find((label) => [...label].length > 50);
    if (long) return { status: 422, data: { message: 'Validation Failed', errors: [{ resource: 'Label', field: 'name', code: 'invalid', value: long }] } };
    const bad = ((body.assignees as string[] | undefined) ?? []).find((login) => !(this.options.collaborators ?? []).includes(login));
    if (bad) return { status: 422, data: { message: 'Validation Failed', errors: [{ value: bad, resource: 'Issue', field: 'assignees', code: 'invalid' }] } };
    if (typeof body.body === 'string' && body.body.length > 65_536)
      return {
        status: 422,
        data: {
          message: 'Validation Failed',
          errors: [{ resource: 'Issue', field: 'body', code: 'custom', message: 'body is too long (maximum is 65536 characters)' }],
        },
      };
    if ('title' in body && (typeof body.title !== 'string' || body.title === '')) return { status: 422, data: { message: 'Validation Failed' } };
    return null;
  }

  private createLabel(body: Record<string, unknown>): { status: number; data: unknown } {
    const name = String(body.name);
    if ([...name].length > 50) return { status: 422, data: { message: 'Validation Failed', errors: [{ resource: 'Label', field: 'name', code: 'invalid' }] } };
    if (this.labels.has(name))
      return { status: 422, data: { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] } };
    this.labels.add(name);
    return { status: 201, data: { name } };
  }
}

function toJson(issue: FakeIssue) {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.state_reason,
    labels: issue.labels.map((name) => ({ name })),
    assignees: issue.assignees.map((login) => ({ login })),
  };
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A deterministic fault script: each request fails with probability `rate`, drawn from a seeded generator. */
export function seededFaults(rate: number, kinds: readonly Fault[], seed = 42): (request: RequestInfo) => Fault | null {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return () => (next() < rate ? kinds[Math.floor(next() * kinds.length)]! : null);
}
