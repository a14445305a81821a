/**
 * The editor schemas in a real editor back end: yaml-language-server, started
 * over stdio as an editor starts it, checks a control that `trustlint init
 * --editor modeline` created (its first line points at the editor schema in
 * node_modules/@trustlint/schemas) and reports the schema error on its line.
 * No network is needed: the editor schema holds every definition it uses.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { init } from '@trustlint/core';
import { REPOSITORY, TODAY } from '@trustlint/test-support';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node.js';
import { afterEach, describe, expect, it } from 'vitest';

const SERVER = join(REPOSITORY, 'node_modules/yaml-language-server/bin/yaml-language-server');
/** How long to wait for the server's answer before failing. */
const WAIT_MS = 8_000;

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
}

interface Server {
  child: ChildProcessByStdio<Writable, Readable, Readable>;
  connection: MessageConnection;
  /** The diagnostics published for a document (the first non-trivial publication, or an empty one when `empty` is accepted). */
  diagnostics(uri: string, accept: (list: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  stderr(): string;
}

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`yaml-language-server did not ${what} within ${WAIT_MS} ms`));
    }, WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

function startServer(): Server {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map<string, Diagnostic[][]>();
  const waiting: { uri: string; accept: (list: Diagnostic[]) => boolean; resolve: (list: Diagnostic[]) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: Diagnostic[] }) => {
    published.set(params.uri, [...(published.get(params.uri) ?? []), params.diagnostics]);
    for (const waiter of [...waiting]) {
      if (waiter.uri === params.uri && waiter.accept(params.diagnostics)) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(params.diagnostics);
      }
    }
  });
  // What the server asks an editor for: settings, capability registrations, progress.
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section === 'yaml' ? YAML_SETTINGS.yaml : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification(() => undefined);
  connection.listen();
  return {
    child,
    connection,
    diagnostics: (uri, accept) =>
      new Promise((resolve) => {
        const earlier = (published.get(uri) ?? []).find(accept);
        if (earlier) resolve(earlier);
        else waiting.push({ uri, accept, resolve });
      }),
    stderr: () => stderr,
  };
}

/** The settings an editor would send: validation on, no schema store (no network). */
const YAML_SETTINGS = { yaml: { validate: true, hover: true, completion: true, schemaStore: { enable: false }, schemas: {} } };

async function stopServer(server: Server): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (server.child.exitCode !== null) resolve();
    else server.child.once('exit', () => { resolve(); });
  });
  try {
    await within(server.connection.sendRequest('shutdown'), 'shut down');
    await server.connection.sendNotification('exit');
    await within(exited, 'exit');
  } finally {
    server.connection.dispose();
    if (server.child.exitCode === null) server.child.kill();
  }
}

let running: Server | undefined;
afterEach(async () => {
  if (running) await stopServer(running);
  running = undefined;
});

describe('the editor schemas in yaml-language-server', () => {
  it('reports a control\'s schema error at its line, through the modeline `trustlint init --editor modeline` wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlint-yaml-ls-'));
    mkdirSync(join(dir, 'node_modules/@trustlint'), { recursive: true });
    symlinkSync(join(REPOSITORY, 'packages/schemas'), join(dir, 'node_modules/@trustlint/schemas'));
    init(dir, { today: TODAY, person: { name: 'Maya Okafor', email: 'maya@example.com' }, editor: 'modeline' });

    const controlPath = join(dir, 'controls/SEC-01.yaml');
    const written = readFileSync(controlPath, 'utf8');
    expect(written.split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/@trustlint/schemas/schemas/editor/control.schema.json');
    const control = written.replace('status: planned', 'status: done');
    const statusLine = control.split('\n').indexOf('status: done');
    expect(statusLine).toBeGreaterThan(0);
    const configPath = join(dir, 'trustlint.config.yaml');
    const config = readFileSync(configPath, 'utf8').replace('    type: 2', '    type: 3');
    const typeLine = config.split('\n').indexOf('    type: 3');
    expect(typeLine).toBeGreaterThan(0);

    const server = (running = startServer());
    const rootUri = pathToFileURL(dir).href;
    await within(
      server.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'program' }],
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
        initializationOptions: {},
      }),
      'answer initialize',
    );
    await server.connection.sendNotification('initialized', {});
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: YAML_SETTINGS });

    const controlUri = pathToFileURL(controlPath).href;
    const configUri = pathToFileURL(configPath).href;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: controlUri, languageId: 'yaml', version: 1, text: control } });
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: configUri, languageId: 'yaml', version: 1, text: config },
    });

    const diagnostics = await within(server.diagnostics(controlUri, (list) => list.length > 0), 'publish diagnostics for the control');
    expect(diagnostics, server.stderr()).toHaveLength(1);
    const [status] = diagnostics;
    expect(status?.range.start.line).toBe(statusLine);
    expect(status?.message).toContain('implemented');
    expect(status?.message).toContain('not-applicable');

    // The config beside it is checked against its own editor schema (2020-12, with `prefixItems`): one error, nothing about loading the schema.
    const configDiagnostics = await within(server.diagnostics(configUri, (list) => list.length > 0), 'publish diagnostics for the config');
    expect(configDiagnostics.map((diagnostic) => diagnostic.range.start.line), server.stderr()).toEqual([typeLine]);
    expect(configDiagnostics[0]?.message).toMatch(/\b1\b.*\b2\b/);
  });
});
