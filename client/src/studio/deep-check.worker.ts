import './zod-jitless.ts';
import { diagnose } from './diagnose.ts';

/** A request for the full (deep) check of one version of the text. */
export interface DeepCheckRequest {
  id: number;
  file: string;
  text: string;
  /** The CSV files beside the scenario that the page has read. */
  beside: Record<string, string>;
}

/**
 * The deep checks (exploring every state the story can reach) take hundreds of milliseconds on a
 * large scenario: here they run off the page's thread, so typing never waits for them.
 */
self.onmessage = (event: MessageEvent<DeepCheckRequest>) => {
  const { id, file, text, beside } = event.data;
  const { diagnostics } = diagnose(file, text, (name) => beside[name] ?? null, true);
  self.postMessage({ id, diagnostics });
};
