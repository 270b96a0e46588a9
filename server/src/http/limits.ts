/**
 * The HTTP edge's limits, in one place so the README's table and the code cannot drift apart.
 * Values are chosen for a game day of a few dozen people on one server; see README "Running it safely".
 */

/** Session creation per client address: a burst for a facilitator preparing a day, then one every 30 s. */
export const CREATE_LIMIT = { capacity: 20, perSecond: 1 / 30 } as const;

/**
 * Live sessions a server holds in memory before it refuses to create more (503). Each live session
 * keeps its state and projections in memory until it has been idle for 10 minutes; 500 is far above
 * any real game day and far below what exhausts the heap.
 */
export const MAX_LIVE_SESSIONS = 500;

/**
 * Wrong join codes (and observe handshakes) per client address: 10, then one every 6 s. Right codes cost
 * nothing, so an office behind one router joins at once; the seat budget per session caps the table.
 */
export const JOIN_FAILURES = { capacity: 10, perSecond: 1 / 6 } as const;

/** Wrong admin keys per client address: 5 tries, then one every 10 s (a guess per 10 s is hopeless against a real key). */
export const ADMIN_KEY_FAILURES = { capacity: 5, perSecond: 1 / 10 } as const;

/**
 * Socket timeouts. Socket.IO keeps working under them: a WebSocket is upgraded out of the HTTP parser
 * (and `ws` clears the socket's idle timer), and a long-poll request is answered at least every 25 s
 * by the engine's ping, well inside `idleMs`.
 */
export const HTTP_TIMEOUTS = {
  /** The request line and headers must arrive within this (slowloris; also a connection that sends nothing). */
  headersMs: 10_000,
  /** The whole request, body included, must arrive within this (a stalled upload). */
  requestMs: 30_000,
  /** A kept-alive connection with no next request is closed after this. */
  keepAliveMs: 5_000,
  /** A connection with no traffic either way is closed after this (a client that stops reading a response). */
  idleMs: 40_000,
  /** How often Node checks the header and request deadlines, so they are enforced within this much. */
  checkEveryMs: 2_000,
} as const;
