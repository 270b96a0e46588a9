import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  foldPatch,
  type ApiError,
  type CommandAck,
  type CreateSessionResponse,
  type JoinResponse,
  type MeMessage,
  type PatchMessage,
  type PlayerView,
  type Presence,
  type ResyncAck,
  type ViewMessage,
  type ClientCommandInput,
} from '@chaos-quest/engine';
import { io, type Socket } from 'socket.io-client';
import { createServer, type ChaosServer, type CreateServerOptions } from '../../server/src/app.ts';

/** The folder of scenario files the socket tests play. */
export const FIXTURE_SCENARIOS = new URL('./fixtures/scenarios/', import.meta.url).pathname;

/** A fresh temp data directory; remove it with `rmSync(dir, { recursive: true })` after. */
export function tempDir(prefix = 'cq-server-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real server on 127.0.0.1 and a free port, with a real SQLite file in `dataDir`. */
export async function startServer(dataDir: string, options: CreateServerOptions = {}): Promise<ChaosServer> {
  return createServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    scenariosDir: FIXTURE_SCENARIOS,
    clientDir: null,
    allowedOrigins: null,
    adminKey: null,
    logger: false,
    watchScenarios: false,
    env: {},
    ...options,
  });
}

/** Runs `body` against a fresh server and data directory, then closes and removes both. */
export async function withServer(
  body: (server: ChaosServer, dataDir: string) => Promise<void>,
  options: CreateServerOptions = {},
): Promise<void> {
  const dir = tempDir();
  const server = await startServer(dir, options);
  try {
    await body(server, dir);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** POSTs JSON; the body type is what the caller expects (an ApiError unless told otherwise). */
export async function postJson<T = ApiError>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export async function createSession(
  server: ChaosServer,
  body: { scenarioId?: string; seed?: string; team?: string } = {},
): Promise<CreateSessionResponse> {
  const { status, body: created } = await postJson<CreateSessionResponse>(`${server.url}/api/sessions`, {
    scenarioId: 'dns-ttl-trap',
    ...body,
  });
  if (status !== 201) throw new Error(`create session: ${status} ${JSON.stringify(created)}`);
  return created;
}

export async function joinSession(server: ChaosServer, joinCode: string, name: string): Promise<JoinResponse> {
  const { status, body } = await postJson<JoinResponse>(`${server.url}/api/join`, { joinCode, name });
  if (status !== 201) throw new Error(`join: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** A client command without its id (distributed over the union, so each type keeps its own fields). */
export type CommandPayload = ClientCommandInput extends infer C
  ? C extends ClientCommandInput
    ? Omit<C, 'id'>
    : never
  : never;
type Sendable = CommandPayload & { id?: string };

/** A real socket.io client that records every frame it receives. */
export class TestClient {
  readonly socket: Socket;
  /** The shared projections held, in arrival order: each `view` frame, and each `patch` applied to the one before. */
  readonly views: ViewMessage[] = [];
  /** Patches that did not fit the view held (made from another seq or another audience): none, ever. */
  readonly misfits: PatchMessage[] = [];
  /** The `me` frames (a player's own part), in arrival order. */
  readonly mes: MeMessage[] = [];
  /** Every `view` and `me` frame, in arrival order: what a leak audit reads. */
  readonly frames: (ViewMessage | MeMessage)[] = [];
  readonly presences: Presence[] = [];
  private counter = 0;
  private readonly prefix: string;

  private constructor(socket: Socket, prefix: string) {
    this.socket = socket;
    this.prefix = prefix;
    socket.on('view', (message: ViewMessage) => {
      this.views.push(message);
      this.frames.push(message);
    });
    // A patch is folded into the view held, as a browser does: `views` and `frames` get the result.
    socket.on('patch', (message: PatchMessage) => {
      const folded = foldPatch(this.views.at(-1) ?? null, message);
      if (folded === 'stale') return;
      if (!folded) return void this.misfits.push(message);
      this.views.push(folded);
      this.frames.push(folded);
    });
    socket.on('me', (message: MeMessage) => {
      this.mes.push(message);
      this.frames.push(message);
    });
    socket.on('presence', (presence: Presence) => this.presences.push(presence));
  }

  /** Connects and resolves once the first view has arrived; rejects with the server's connect_error message. */
  static async connect(
    url: string,
    auth: Record<string, unknown>,
    options: {
      reconnection?: boolean;
      extraHeaders?: Record<string, string>;
      /** Long-polling only, as a browser behind a proxy that refuses WebSockets; WebSocket only by default. */
      transport?: 'websocket' | 'polling';
    } = {},
  ): Promise<TestClient> {
    const socket = io(url, {
      auth,
      transports: [options.transport ?? 'websocket'],
      reconnection: options.reconnection ?? false,
      forceNew: true,
      ...(options.extraHeaders ? { extraHeaders: options.extraHeaders } : {}),
    });
    const client = new TestClient(socket, Math.random().toString(36).slice(2, 8));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect_error', (error) => reject(error));
      socket.once('view', () => resolve());
    });
    return client;
  }

  /** The latest view received. */
  get latest(): ViewMessage {
    const last = this.views[this.views.length - 1];
    if (!last) throw new Error('no view received yet');
    return last;
  }

  /** The player's whole view as a browser composes it: the latest view with the latest `me`. */
  get playerView(): PlayerView {
    const { view } = this.latest;
    const me = this.mes[this.mes.length - 1]?.me;
    if (view.viewer !== 'player' || !me) throw new Error('not a player, or no me received yet');
    return { ...view, me };
  }

  /** Sends a command (a fresh id unless one is given) and resolves with its ack. */
  send(command: Sendable): Promise<CommandAck> {
    const id = command.id ?? `${this.prefix}-${++this.counter}`;
    return this.socket.timeout(10_000).emitWithAck('command', { ...command, id });
  }

  /** Sends any payload at all as a command. */
  sendRaw(payload: unknown): Promise<CommandAck> {
    return this.socket.timeout(10_000).emitWithAck('command', payload);
  }

  /** Asks for a resync; resolves with the view it brought (the `view` frame just before the ack). */
  async resync(): Promise<ViewMessage> {
    const ack = (await this.socket.timeout(10_000).emitWithAck('resync')) as ResyncAck;
    if (!ack.ok) throw new Error(`resync refused: ${ack.error.code} ${ack.error.message}`);
    const view = this.views.findLast((v) => v.seq === ack.seq);
    if (!view) throw new Error(`resync acknowledged seq ${ack.seq} without its view`);
    return view;
  }

  /** Resolves with the first view (already received or coming) that satisfies `check`. */
  async viewWhere(check: (message: ViewMessage) => boolean, timeoutMs = 10_000): Promise<ViewMessage> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.views.find(check);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('timed out waiting for a matching view');
  }

  close(): void {
    this.socket.close();
  }
}

/** Connects expecting refusal; resolves with the server's message. */
export async function connectError(url: string, auth: unknown, extraHeaders?: Record<string, string>): Promise<string> {
  const socket = io(url, {
    auth: auth as Record<string, unknown>,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(extraHeaders ? { extraHeaders } : {}),
  });
  try {
    return await new Promise<string>((resolve, reject) => {
      socket.once('connect_error', (error) => resolve(error.message));
      socket.once('connect', () => reject(new Error('connected, but a refusal was expected')));
    });
  } finally {
    socket.close();
  }
}

/** Waits until `check` holds, polling; fails after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 10));
  }
}
