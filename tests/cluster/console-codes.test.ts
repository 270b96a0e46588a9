import type { ConsoleCodeResponse, CreateSessionResponse, TakeConsoleResponse } from '@chaos-quest/engine';
import { describe, expect, it } from 'vitest';
import { connectError, postJson, TestClient } from '../server/harness.ts';
import { startCluster } from './cluster-rig.ts';

// Two nodes, addressed one by one rather than through the balancer: the point is which node each request reaches.
const rig = await startCluster('cluster_codes', 2);

async function consoleCode(nodeUrl: string, sessionId: string, token: string, kind: string) {
  return postJson<ConsoleCodeResponse>(
    `${nodeUrl}/api/sessions/${sessionId}/console-code`,
    { kind },
    { authorization: `Bearer ${token}` },
  );
}

describe('console codes on two nodes sharing PostgreSQL', () => {
  it('opens the seat on node B with a code shown by node A, once, and a dismissal on A voids a code B showed', async () => {
    const [a, b] = rig.nodes.map((n) => n.url) as [string, string];
    const created = await postJson<CreateSessionResponse>(`${a}/api/sessions`, { scenarioId: 'dns-ttl-trap' });
    expect(created.status).toBe(201);
    const { sessionId, facilitatorToken } = created.body;

    const issued = await consoleCode(a, sessionId, facilitatorToken, 'facilitator');
    expect(issued.status).toBe(201);
    const taken = await postJson<TakeConsoleResponse>(`${b}/api/console`, { code: issued.body.code.toLowerCase() });
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({ sessionId, kind: 'facilitator' });
    // Spent on B, so A does not take it again.
    expect((await postJson(`${a}/api/console`, { code: issued.body.code })).status).toBe(404);
    // The seat moved: the new token opens the console, the old one does not.
    const tablet = await TestClient.connect(a, { token: taken.body.token });
    expect(tablet.latest.view.viewer).toBe('facilitator');
    tablet.close();
    expect(await connectError(b, { token: facilitatorToken })).toMatch(/not valid/);

    const unused = await consoleCode(b, sessionId, taken.body.token, 'co-facilitator');
    expect(unused.status).toBe(201);
    const dismissed = await fetch(`${a}/api/sessions/${sessionId}/co-facilitators/dismiss`, {
      method: 'POST',
      headers: { authorization: `Bearer ${taken.body.token}` },
    });
    expect(dismissed.status).toBe(204);
    expect((await postJson(`${b}/api/console`, { code: unused.body.code })).status).toBe(404);
  }, 60_000);
});
