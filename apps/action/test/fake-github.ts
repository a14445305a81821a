/**
 * A strict stand-in for api.github.com on 127.0.0.1, for running the bundled
 * Action as the runner would. Every request is checked against GitHub's
 * OpenAPI description (the operation must exist for that method and path,
 * and a JSON body must satisfy the operation's request schema); anything the
 * real API would reject is recorded as a violation, which the tests assert
 * to be empty. It keeps the state the Action touches (comments, check runs)
 * and can be told to fail requests: 5xx, rate limits, 403, 422.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';

interface Operation {
  requestBody?: { content?: Record<string, { schema?: object }> };
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: object;
}

let spec: Spec | undefined;
function openapi(): Spec {
  const require = createRequire(import.meta.url);
  spec ??= JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as Spec;
  return spec;
}

// GitHub's schemas use formats (`date-time`, `uri`): the requests are checked against them too.
const ajv = new Ajv({ strict: false, allErrors: true, formats: fullFormats });
const validators = new Map<string, ValidateFunction>();

/** The OpenAPI path template a concrete path matches (`/repos/{owner}/{repo}/check-runs`). */
function templateOf(path: string, method: string): string | undefined {
  const paths = openapi().paths;
  for (const template of Object.keys(paths)) {
    if (paths[template]?.[method] === undefined) continue;
    const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`);
    if (pattern.test(path)) return template;
  }
  return undefined;
}

function bodyValidator(template: string, method: string): ValidateFunction | undefined {
  const key = `${method} ${template}`;
  if (validators.has(key)) return validators.get(key);
  const schema = openapi().paths[template]?.[method]?.requestBody?.content?.['application/json']?.schema;
  const validate = schema ? ajv.compile({ allOf: [schema], components: openapi().components }) : undefined;
  if (validate) validators.set(key, validate);
  return validate;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  template: string | undefined;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A fault: the first `times` requests it matches get its reply instead of the normal one. */
export interface Fault {
  matches(request: RecordedRequest): boolean;
  reply: Reply;
  times: number;
}

export interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

export interface CheckRun {
  id: number;
  head_sha: string;
  status: string;
  conclusion: string | null;
  annotations: unknown[];
  title: string;
}

export interface PullFileFixture {
  filename: string;
  status: string;
  patch?: string;
}

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly violations: string[] = [];
  readonly faults: Fault[] = [];
  readonly comments = new Map<number, Comment[]>();
  readonly checkRuns: CheckRun[] = [];
  files: PullFileFixture[] = [];
  /** The login of the token, or undefined for the workflow token (which may not read /user). */
  tokenUser: string | undefined;
  /** Refuse every write, as a read-only token does. */
  readOnly = false;
  #nextId = 1000;
  #server: Server | undefined;
  #base = '';

  async start(): Promise<string> {
    this.#server = createServer((request, response) => {
      void this.#handle(request, response);
    });
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.#server.address() as AddressInfo;
    this.#base = `http://127.0.0.1:${port}`;
    return this.#base;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (this.#server) this.#server.close(() => { resolve(); });
      else resolve();
    });
  }

  /** Requests other than reads. */
  writes(): RecordedRequest[] {
    return this.requests.filter((request) => request.method !== 'get');
  }

  async #handle(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const method = (incoming.method ?? 'GET').toLowerCase();
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      this.violations.push(`${method} ${url.pathname}: the body is not JSON`);
    }
    const template = templateOf(url.pathname, method);
    const request: RecordedRequest = { method, path: url.pathname, query: url.searchParams, body, template };
    this.requests.push(request);
    const reply = this.#check(request) ?? this.#fault(request) ?? this.#route(request);
    response.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
    response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  }

  /** What the real API would reject, recorded as a violation and answered as GitHub would. */
  #check(request: RecordedRequest): Reply | undefined {
    const where = `${request.method.toUpperCase()} ${request.path}`;
    if (request.template === undefined) {
      this.violations.push(`${where}: no such operation in GitHub's REST API`);
      return { status: 404, body: { message: 'Not Found' } };
    }
    const validate = bodyValidator(request.template, request.method);
    if (validate && !validate(request.body ?? {})) {
      this.violations.push(`${where}: invalid body: ${ajv.errorsText(validate.errors)}`);
      return { status: 422, body: { message: 'Validation Failed' } };
    }
    const perPage = request.query.get('per_page');
    if (perPage !== null && (!/^\d+$/.test(perPage) || Number(perPage) > 100)) this.violations.push(`${where}: per_page ${perPage} is over 100`);
    return undefined;
  }

  #fault(request: RecordedRequest): Reply | undefined {
    const fault = this.faults.find((candidate) => candidate.times > 0 && candidate.matches(request));
    if (fault === undefined) return undefined;
    fault.times--;
    return fault.reply;
  }

  #route(request: RecordedRequest): Reply {
    const { method, path, body } = request;
    const forbidden: Reply = { status: 403, body: { message: 'Resource not accessible by integration' } };
    if (method !== 'get' && this.readOnly) return forbidden;
    const parts = path.split('/').filter(Boolean);
    if (path === '/user') return this.tokenUser ? { status: 200, body: { login: this.tokenUser, id: 1, type: 'User' } } : forbidden;
    const [, , , area, id, sub] = parts;
    if (area === 'pulls' && sub === 'files') return this.#page(request, this.files);
    if (area === 'issues' && sub === 'comments') {
      const issue = Number(id);
      const list = this.comments.get(issue) ?? [];
      if (method === 'get') return this.#page(request, list);
      const comment: Comment = { id: this.#nextId++, body: (body as { body: string }).body, user: { login: this.tokenUser ?? 'github-actions[bot]', type: 'Bot' } };
      this.comments.set(issue, [...list, comment]);
      return { status: 201, body: comment };
    }
    if (area === 'issues' && id === 'comments') {
      const commentId = Number(sub);
      for (const [issue, list] of this.comments) {
        const found = list.find((comment) => comment.id === commentId);
        if (!found) continue;
        if (method === 'delete') {
          this.comments.set(issue, list.filter((comment) => comment !== found));
          return { status: 204 };
        }
        found.body = (body as { body: string }).body;
        return { status: 200, body: found };
      }
      return { status: 404, body: { message: 'Not Found' } };
    }
    if (area === 'check-runs') {
      const input = body as { head_sha?: string; status?: string; conclusion?: string; output?: { title: string; annotations?: unknown[] } };
      if (method === 'post') {
        const run: CheckRun = {
          id: this.#nextId++,
          head_sha: input.head_sha ?? '',
          status: input.status ?? 'queued',
          conclusion: null,
          annotations: [...(input.output?.annotations ?? [])],
          title: input.output?.title ?? '',
        };
        this.checkRuns.push(run);
        return { status: 201, body: { id: run.id } };
      }
      const run = this.checkRuns.find((candidate) => candidate.id === Number(id));
      if (!run) return { status: 404, body: { message: 'Not Found' } };
      run.annotations.push(...(input.output?.annotations ?? []));
      if (input.status) run.status = input.status;
      if (input.conclusion) run.conclusion = input.conclusion;
      return { status: 200, body: { id: run.id } };
    }
    this.violations.push(`${method.toUpperCase()} ${path}: the fake does not serve this operation`);
    return { status: 500, body: { message: 'unexpected request' } };
  }

  /** A page of a list, with the Link header GitHub sends. */
  #page(request: RecordedRequest, items: readonly unknown[]): Reply {
    const perPage = Number(request.query.get('per_page') ?? '30');
    const page = Number(request.query.get('page') ?? '1');
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string) => `<${this.#base}${request.path}?per_page=${perPage}&page=${n}>; rel="${rel}"`;
    const headers: Record<string, string> = page < last ? { link: [link(page + 1, 'next'), link(last, 'last')].join(', ') } : {};
    return { status: 200, headers, body: slice };
  }
}
