/**
 * Read-only links to a closed session's debrief, as the HTTP API speaks of them. A link carries a
 * bearer token that opens only that debrief, as the room's big screen sees it: no commands, no
 * role's secrets, no facilitator notes, nothing of other sessions. The server keeps only its hash.
 */
export interface ReadOnlyLink {
  id: string;
  sessionId: string;
  createdAt: number;
  /** When it was revoked; null while it opens the debrief. */
  revokedAt: number | null;
}

/** The answer to creating a link: the token, shown this once. */
export interface ReadOnlyLinkCreated {
  id: string;
  createdAt: number;
  token: string;
}
