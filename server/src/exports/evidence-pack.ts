import { createHash } from 'node:crypto';
import {
  evidenceFiles,
  incidentRecord,
  publishedRecord,
  utcDateTime,
  type Scenario,
  type SessionId,
  type SessionState,
} from '@chaos-quest/engine';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { LogEntry } from '../store/store.ts';
import { logJsonl } from './log-jsonl.ts';

/** One file's line in the manifest. */
export interface ManifestFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface EvidenceManifest {
  format: 'chaos-quest-evidence/1';
  sessionId: string;
  scenario: { id: string; title: string; hash: string };
  team: string | null;
  plan: { name: string; version: string } | null;
  signedOff: { name: string; at: string } | null;
  /** The last command of the log the pack was built from: the same seq gives the same files. */
  seq: number;
  /** What `log.jsonl` leaves out, and why; absent when it is the whole log. */
  redacted?: string;
  files: ManifestFile[];
}

/**
 * An exercise's evidence pack as a zip: the engine's files (AAR/IP, improvement plan as CSV and JSON,
 * roster, hot-wash summary, controls page), the event log as JSON Lines, the incident record, and
 * `manifest.json` with the SHA-256 of every other file, so a later change to any of them shows.
 * Built from the log alone, and stamped with the time of its last command, so the same log always
 * gives the same bytes: once the exercise is signed off (the log is frozen), every download is identical.
 */
export function evidencePack(
  scenario: Scenario,
  state: SessionState,
  sessionId: SessionId,
  log: readonly LogEntry[],
): { zip: Uint8Array; manifest: EvidenceManifest } {
  const record = publishedRecord(incidentRecord(scenario, state, sessionId));
  const anonymous = state.exercise?.hotwash.anonymous === true;
  const files = [
    ...evidenceFiles(scenario, state, sessionId),
    { name: 'log.jsonl', text: logJsonl(log, state) },
    { name: 'incident-record.json', text: `${JSON.stringify(record, null, 2)}\n` },
  ].map((f) => ({ name: f.name, bytes: strToU8(f.text) }));
  const signed = state.exercise?.signedOff;
  const manifest: EvidenceManifest = {
    format: 'chaos-quest-evidence/1',
    sessionId,
    scenario: { id: scenario.id, title: scenario.title, hash: state.scenarioHash },
    team: state.team,
    plan: state.exercise?.plan ?? null,
    signedOff: signed ? { name: signed.name, at: utcDateTime(signed.at.wall) } : null,
    seq: state.seq,
    ...(anonymous ? { redacted: ANONYMOUS_NOTE } : {}),
    files: files.map((f) => ({
      name: f.name,
      bytes: f.bytes.length,
      sha256: createHash('sha256').update(f.bytes).digest('hex'),
    })),
  };
  // Zip times are DOS times (1980 on); a session's last command is always later than that.
  const mtime = Math.max(state.lastAt, Date.UTC(1980, 0, 2));
  const entries: Zippable = {};
  for (const f of files) entries[f.name] = [f.bytes, { mtime }];
  entries['manifest.json'] = [strToU8(`${JSON.stringify(manifest, null, 2)}\n`), { mtime }];
  return { zip: zipSync(entries, { level: 6 }), manifest };
}

const ANONYMOUS_NOTE =
  'The hot wash was anonymous: its feedback.submit commands in log.jsonl keep their place but not their answers, which are in feedback-summary.md, apart from who sent them.';
