import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync } from 'node:fs';
import { link, open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  isTestsFile,
  MAX_SCENARIO_BYTES,
  parseScenarioWith,
  sha256,
  type SavedFile,
  type Scenario,
  type StudioFile,
  type StudioFileKind,
  type StudioFileText,
} from '@chaos-quest/engine';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { BOT_POLICIES, playthrough, type Playthrough } from '../cli/bot-playthrough.ts';
import { aggregate } from '../cli/simulate-report.ts';
import { besideTestsFile, runTests, testSources } from '../cli/test-report.ts';
import { readBeside } from '../scenarios/read-beside.ts';
import { readRegularFile } from '../scenarios/read-regular-file.ts';
import { SerialQueue } from '../hub/serial-queue.ts';
import { sha256Hex } from '../sha256.ts';
import type { ApiDeps } from './api-deps.ts';
import { sendError } from './api-error.ts';
import { requireAdmin } from './guards.ts';

/** The studio's budgets: files it lets a client create, and the runs one simulate may ask for. */
export const STUDIO_LIMITS = { maxFiles: 500, maxRuns: 2_000, defaultRuns: 200, maxSteps: 500 } as const;

/** A file the studio may touch: a plain name in the folder, no separators, ending in one of its suffixes. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const SUFFIX = /\.(ya?ml|csv)$/;

const kindOf = (name: string): StudioFileKind =>
  name.endsWith('.csv') ? 'csv' : isTestsFile(name) ? 'tests' : 'scenario';

export const validStudioName = (name: string): boolean => NAME.test(name) && SUFFIX.test(name) && !name.includes('..');

const simulateSchema = z.strictObject({
  runs: z.number().int().min(1).max(STUDIO_LIMITS.maxRuns).optional(),
  seed: z.string().trim().min(1).max(100).optional(),
  policy: z.enum(BOT_POLICIES).optional(),
});
const createSchema = z.strictObject({ name: z.string().max(100), text: z.string().optional() });

type NameParams = { Params: { name: string } };

/**
 * The scenario studio's API, under `/api/studio`: list the scenarios folder's files, read one,
 * save one (`PUT`, text/plain), create one (`POST /api/studio/files`), and run `simulate` and the
 * file's tests on the saved file. Answers only when the server runs with CQ_STUDIO=1 or the request
 * carries the admin key (404 otherwise, so a server without the studio does not advertise it).
 * A save that names the hash it was based on (`If-Match`) is refused with 412 when the file on disk
 * changed since, so an author's save never quietly overwrites another's edit.
 * Saving a file with errors is allowed (the author is mid-edit); the library never serves an invalid
 * file to a new session, and running sessions keep the text they started with.
 */
export function registerStudio(app: FastifyInstance, deps: ApiDeps): void {
  const dir = deps.config.scenariosDir;
  const guard = studioGuard(deps);
  // One simulate or test run at a time per server: a client cannot keep both cores busy.
  let busy = false;
  const saves = new SerialQueue();

  app.register(async (scope) => {
    scope.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: MAX_SCENARIO_BYTES }, (_r, body, done) =>
      done(null, body),
    );
    scope.addHook('preHandler', guard);

    scope.get('/api/studio/files', async () => ({ files: listFiles(dir) }));

    scope.get<NameParams>('/api/studio/files/:name', async (request, reply) => {
      const name = checkedName(request.params.name, reply);
      if (name === null) return reply;
      const read = readRegularFile(dir, name);
      if (read.kind === 'gone')
        return sendError(reply, 404, 'not-found', `There is no file '${name}' in the scenarios folder.`);
      if (read.kind === 'refused') return sendError(reply, 422, 'refused', read.diagnostic.message);
      const file: StudioFileText = {
        name,
        kind: kindOf(name),
        text: read.text,
        hash: sha256Hex(read.text),
        mtimeMs: read.mtimeMs,
        size: read.size,
      };
      return file;
    });

    scope.put<NameParams & { Body: string }>(
      '/api/studio/files/:name',
      { bodyLimit: MAX_SCENARIO_BYTES },
      async (request, reply) => {
        const name = checkedName(request.params.name, reply);
        if (name === null) return reply;
        const text = bodyText(request, reply);
        if (text === null) return reply;
        const base = expectedHash(request.headers['if-match']);
        // This server's saves take turns, so two tabs cannot both pass the check below and the later silently win.
        return saves.run(async () => {
          const exists = lstatSync(join(dir, name), { throwIfNoEntry: false });
          if (exists && !exists.isFile())
            return sendError(
              reply,
              422,
              'refused',
              `'${name}' is not a regular file; the studio writes only regular files.`,
            );
          if (base !== null) {
            const onDisk = readRegularFile(dir, name);
            const hash = onDisk.kind === 'text' ? sha256Hex(onDisk.text) : null;
            if (hash !== base)
              return sendError(
                reply,
                412,
                'changed',
                `${name} ${hash === null ? 'was removed' : 'changed'} on disk since you opened it: load the disk version, or keep your edits and save again to overwrite it.`,
              );
          }
          if (!exists && listFiles(dir).length >= STUDIO_LIMITS.maxFiles) return tooManyFiles(reply);
          await writeAtomically(dir, name, text, 'replace');
          void deps.library.reload();
          return savedInfo(dir, name, text);
        });
      },
    );

    scope.post('/api/studio/files', async (request, reply) => {
      const parsed = createSchema.safeParse(request.body);
      if (!parsed.success) return sendError(reply, 400, 'invalid', 'Send { name, text? } with a file name.');
      const name = checkedName(parsed.data.name, reply);
      if (name === null) return reply;
      const text = parsed.data.text ?? '';
      if (Buffer.byteLength(text) > MAX_SCENARIO_BYTES) return tooLarge(reply);
      if (listFiles(dir).length >= STUDIO_LIMITS.maxFiles) return tooManyFiles(reply);
      const created = await writeAtomically(dir, name, text, 'create');
      if (!created) return sendError(reply, 409, 'exists', `'${name}' already exists; open it instead.`);
      void deps.library.reload();
      return reply.code(201).send(savedInfo(dir, name, text));
    });

    scope.post<NameParams>('/api/studio/files/:name/simulate', async (request, reply) => {
      const options = simulateSchema.safeParse(request.body ?? {});
      if (!options.success)
        return sendError(
          reply,
          400,
          'invalid',
          `Send { runs?: 1–${STUDIO_LIMITS.maxRuns}, seed?, policy?: ${BOT_POLICIES.join(' | ')} }.`,
        );
      const loaded = loadScenario(dir, request.params.name, reply);
      if (loaded === null) return reply;
      if (busy) return busyReply(reply);
      busy = true;
      try {
        const o = {
          runs: options.data.runs ?? STUDIO_LIMITS.defaultRuns,
          seed: options.data.seed ?? 'chaos-quest',
          policy: options.data.policy ?? 'random',
          maxSteps: STUDIO_LIMITS.maxSteps,
          seats: null,
        };
        const hash = sha256(loaded.text);
        const runs: Playthrough[] = [];
        for (let i = 0; i < o.runs; i++) {
          runs.push(playthrough(loaded.scenario, hash, `${o.seed}:${i}`, o));
          // Other requests and sockets get their turn between runs.
          if (i % 10 === 9) await nextTurn();
        }
        return aggregate(loaded.scenario, o, runs);
      } finally {
        busy = false;
      }
    });

    scope.post<NameParams>('/api/studio/files/:name/tests', async (request, reply) => {
      const loaded = loadScenario(dir, request.params.name, reply);
      if (loaded === null) return reply;
      if (busy) return busyReply(reply);
      busy = true;
      try {
        await nextTurn();
        const beside = readRegularFile(dir, besideTestsFile(loaded.name));
        const besideText = beside.kind === 'text' ? beside.text : null;
        return runTests(loaded.scenario, testSources(loaded.name, loaded.text, besideText));
      } finally {
        busy = false;
      }
    });
  });
}

function studioGuard(deps: ApiDeps) {
  const admin = requireAdmin(deps);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (deps.config.studio) return;
    if (deps.config.adminKey !== null && request.headers['x-admin-key'] !== undefined) return admin(request, reply);
    return sendError(
      reply,
      404,
      'studio-off',
      'The scenario studio is off on this server: start it with CQ_STUDIO=1, or send the admin key in x-admin-key.',
    );
  };
}

/** The folder's scenario, tests and CSV files (regular files only), sorted by name. */
function listFiles(dir: string): StudioFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const files: StudioFile[] = [];
  for (const name of names.filter(validStudioName).sort()) {
    const stat = lstatSync(join(dir, name), { throwIfNoEntry: false });
    if (stat?.isFile()) files.push({ name, kind: kindOf(name), size: stat.size, mtimeMs: stat.mtimeMs });
  }
  return files;
}

function checkedName(name: string, reply: FastifyReply): string | null {
  if (validStudioName(name)) return name;
  sendError(
    reply,
    400,
    'bad-name',
    'A file name is letters, digits, "-", "_" and ".", without "/" or "..", ending in .yaml, .tests.yaml or .csv.',
  );
  return null;
}

function bodyText(request: FastifyRequest, reply: FastifyReply): string | null {
  if (typeof request.body !== 'string') {
    sendError(reply, 415, 'unsupported-media-type', 'Send the file as the body, with content-type text/plain.');
    return null;
  }
  if (Buffer.byteLength(request.body) > MAX_SCENARIO_BYTES) {
    tooLarge(reply);
    return null;
  }
  return request.body;
}

const tooLarge = (reply: FastifyReply) =>
  sendError(reply, 413, 'too-large', `A scenario file may hold at most ${MAX_SCENARIO_BYTES / 1024 / 1024} MB.`);

const tooManyFiles = (reply: FastifyReply) =>
  sendError(
    reply,
    507,
    'too-many-files',
    `The scenarios folder already holds ${STUDIO_LIMITS.maxFiles} files, the studio's limit; remove some first.`,
  );

const busyReply = (reply: FastifyReply) =>
  sendError(
    reply.header('retry-after', '2'),
    429,
    'busy',
    'The server is already running a simulation or tests; try again when it has finished.',
  );

/**
 * The hash a save was based on, from `If-Match` (the `hash` the file was read or last saved with,
 * quoted as an entity tag or bare); null when the client did not say, which saves unconditionally.
 */
function expectedHash(header: string | undefined): string | null {
  if (header === undefined) return null;
  const tag = header.trim().replace(/^W\//, '');
  return tag.startsWith('"') && tag.endsWith('"') && tag.length >= 2 ? tag.slice(1, -1) : tag;
}

function savedInfo(dir: string, name: string, text: string): SavedFile {
  const stat = lstatSync(join(dir, name), { throwIfNoEntry: false });
  return {
    name,
    kind: kindOf(name),
    hash: sha256Hex(text),
    size: Buffer.byteLength(text),
    mtimeMs: stat?.mtimeMs ?? 0,
  };
}

/**
 * Writes `text` to a temporary file beside `name`, flushed to disk, then moves it into place in one
 * step, so a crash leaves the old file or the new one, never half of one. `create` links instead of
 * renaming, which fails (false) when the name is taken.
 */
async function writeAtomically(dir: string, name: string, text: string, mode: 'replace' | 'create'): Promise<boolean> {
  const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (mode === 'replace') {
      await rename(temp, join(dir, name));
      return true;
    }
    await link(temp, join(dir, name));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** The saved scenario `name`, checked; sends 400/404/422 and returns null when it cannot be run. */
function loadScenario(
  dir: string,
  name: string,
  reply: FastifyReply,
): { name: string; text: string; scenario: Scenario } | null {
  if (checkedName(name, reply) === null) return null;
  if (kindOf(name) !== 'scenario') {
    sendError(reply, 400, 'not-a-scenario', `'${name}' is not a scenario file; open the scenario it belongs to.`);
    return null;
  }
  const read = readRegularFile(dir, name);
  if (read.kind !== 'text') {
    sendError(reply, read.kind === 'gone' ? 404 : 422, 'not-found', `There is no readable file '${name}'.`);
    return null;
  }
  const parsed = parseScenarioWith(read.text, name, readBeside(dir), { deep: false });
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.scenario || errors.length > 0) {
    const first = errors[0];
    sendError(
      reply,
      422,
      'invalid-scenario',
      `${name} has ${errors.length} error${errors.length === 1 ? '' : 's'}; fix them and save first${first ? ` (line ${first.line}: ${first.message})` : ''}.`,
    );
    return null;
  }
  return { name, text: parsed.text, scenario: parsed.scenario };
}
