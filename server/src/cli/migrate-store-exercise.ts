import { decodeAction } from '../store/exercise-codec.ts';
import type { SourceDb } from './migrate-store-copy.ts';
import type pg from 'pg';

const hasTable = (source: SourceDb, name: string) =>
  Boolean(source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));

/**
 * The exercise's rows: evaluator seats (and codes) and the teams' corrective actions, in the order
 * SQLite first stored them. A row already in PostgreSQL (by its key) is kept: a status changed there
 * is the newer one. A store written before these tables existed has nothing to copy. Returns how
 * many corrective actions the source holds.
 */
export async function copyExerciseRows(source: SourceDb, target: pg.Client): Promise<number> {
  if (!hasTable(source, 'corrective_actions')) return 0;
  const seats = source.prepare('SELECT token_hash, session_id, evaluator_id FROM evaluator_tokens').all() as {
    token_hash: string;
    session_id: string;
    evaluator_id: string | null;
  }[];
  for (const s of seats) {
    await target.query(
      'INSERT INTO evaluator_tokens (token_hash, session_id, evaluator_id) VALUES ($1, $2, $3) ON CONFLICT (token_hash) DO NOTHING',
      [s.token_hash, s.session_id, s.evaluator_id],
    );
  }
  const actions = source
    .prepare('SELECT key, team, session_id, record FROM corrective_actions ORDER BY rowid')
    .all() as { key: string; team: string; session_id: string; record: string }[];
  for (const a of actions) {
    decodeAction(a.key, a.record);
    await target.query(
      'INSERT INTO corrective_actions (key, team, session_id, record) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING',
      [a.key, a.team, a.session_id, a.record],
    );
  }
  return actions.length;
}
