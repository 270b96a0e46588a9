import { loggedCommandSchema, type Actor, type Command, type CommandAck } from '@chaos-quest/engine';
import type { FastifyInstance } from 'fastify';
import { sameSecret } from '../auth/tokens.ts';
import { sendError } from '../http/api-error.ts';
import type { SessionHub } from '../hub/hub.ts';
import { unplaced } from '../hub/placement.ts';

/** The route a node takes other nodes' forwarded commands on. Not for browsers: it needs CQ_CLUSTER_SECRET. */
export const FORWARD_PATH = '/internal/cluster/command';

/** How long a forwarded command may take before the sender gives up on the holder. */
const FORWARD_TIMEOUT_MS = 5000;

/**
 * Sends a command to the node at `address` that holds the session, as `hub.submit` there would
 * take it, and resolves with that node's ack unchanged. A holder that does not answer (stopped,
 * unreachable) gets an error ack saying so: its lease expires and another node takes over.
 */
export async function forwardCommand(
  address: string,
  secret: string,
  request: { sessionId: string; actor: Actor; command: Command },
): Promise<CommandAck> {
  try {
    const response = await fetch(new URL(FORWARD_PATH, address), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
    });
    if (!response.ok)
      return unplaced(request.sessionId, `the node holding it refused the command (${response.status})`);
    return (await response.json()) as CommandAck;
  } catch {
    return unplaced(
      request.sessionId,
      'the node holding it is not answering; if it stopped, another node takes the session over within seconds',
    );
  }
}

/**
 * The holder's side: commands other nodes forward, authenticated by the shared secret and parsed
 * again (a node trusts no peer with the shape of what it appends), applied here and never forwarded
 * again, so a session moving between nodes cannot bounce a command around.
 */
export function registerForwarding(fastify: FastifyInstance, hub: SessionHub, secret: string): void {
  fastify.post(FORWARD_PATH, async (request, reply) => {
    const auth = request.headers.authorization ?? '';
    if (!sameSecret(auth, `Bearer ${secret}`))
      return sendError(reply, 401, 'unauthorized', 'Forwarded commands need the cluster secret.');
    const body = request.body as { sessionId?: unknown; actor?: unknown; command?: unknown } | null;
    const parsed = loggedCommandSchema.safeParse({ seq: 1, at: 0, actor: body?.actor, command: body?.command });
    if (typeof body?.sessionId !== 'string' || !parsed.success)
      return sendError(reply, 400, 'invalid', 'Send { sessionId, actor, command }.');
    return hub.submit(body.sessionId, parsed.data.actor, parsed.data.command, { here: true });
  });
}
