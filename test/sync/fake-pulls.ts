/**
 * The pull-request half of the fake GitHub (fake-github.ts): a pull
 * request's changed files and reviews (both paginated by Link headers, as
 * GitHub pages them), file contents at a commit (raw media type), and issue
 * comments on the pull request that can be listed, created and edited.
 */

export interface RouteResult {
  status: number;
  data: unknown;
  headers?: Record<string, string>;
}

export interface FakePull {
  number: number;
  author: string;
  files: Array<{ filename: string; status: string; previous_filename?: string }>;
  reviews: Array<{ user: string; state: string }>;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: string;
  /** How many times the comment was edited after it was created. */
  edits: number;
}

export class FakePulls {
  readonly pulls = new Map<number, FakePull>();
  readonly comments: FakeComment[] = [];
  /** ref → path → text, for the contents endpoint. */
  readonly contents = new Map<string, Map<string, string>>();
  /** The login written comments are attributed to. */
  commenter = 'github-actions[bot]';

  constructor(private readonly baseUrl: () => string) {}

  add(pull: FakePull): FakePull {
    this.pulls.set(pull.number, pull);
    return pull;
  }

  setContent(ref: string, path: string, text: string): void {
    if (!this.contents.has(ref)) this.contents.set(ref, new Map());
    this.contents.get(ref)!.set(path, text);
  }

  /** Answers the paths this half knows; null hands the request back to the issue routes. */
  route(method: string, path: string, url: URL, body: Record<string, unknown>): RouteResult | null {
    const pull = /^\/pulls\/(\d+)\/(files|reviews)$/.exec(path);
    if (pull && method === 'GET') {
      const found = this.pulls.get(Number(pull[1]));
      if (!found) return { status: 404, data: { message: 'Not Found' } };
      const items = pull[2] === 'files' ? found.files : found.reviews.map((r, i) => ({ id: i + 1, user: { login: r.user }, state: r.state }));
      return this.page(url, items);
    }
    const contents = /^\/contents\/(.+)$/.exec(path);
    if (contents && method === 'GET') {
      const text = this.contents.get(url.searchParams.get('ref') ?? '')?.get(decodeURIComponent(contents[1]!));
      return text === undefined ? { status: 404, data: { message: 'Not Found' } } : { status: 200, data: { raw: text } };
    }
    const thread = /^\/issues\/(\d+)\/comments$/.exec(path);
    if (thread && this.pulls.has(Number(thread[1]))) {
      const issue = Number(thread[1]);
      if (method === 'GET') return this.page(url, this.comments.filter((c) => c.issue === issue).map(toJson));
      if (method === 'POST') {
        const comment: FakeComment = { id: 1000 + this.comments.length, issue, body: String(body.body ?? ''), user: this.commenter, edits: 0 };
        this.comments.push(comment);
        return { status: 201, data: toJson(comment) };
      }
    }
    const edit = /^\/issues\/comments\/(\d+)$/.exec(path);
    if (edit && method === 'PATCH') {
      const comment = this.comments.find((c) => c.id === Number(edit[1]));
      if (!comment) return { status: 404, data: { message: 'Not Found' } };
      if (comment.user !== this.commenter) return { status: 403, data: { message: 'Resource not accessible by integration' } };
      comment.body = String(body.body ?? '');
      comment.edits++;
      return { status: 200, data: toJson(comment) };
    }
    return null;
  }

  private page(url: URL, items: readonly unknown[]): RouteResult {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string) => {
      const next = new URL(url.pathname + url.search, this.baseUrl());
      next.searchParams.set('page', String(n));
      return `<${next.href}>; rel="${rel}"`;
    };
    const links = page < last ? [link(page + 1, 'next'), link(last, 'last')] : [];
    return { status: 200, data: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} };
  }
}

function toJson(comment: FakeComment) {
  return { id: comment.id, body: comment.body, user: { login: comment.user, type: 'Bot' } };
}
