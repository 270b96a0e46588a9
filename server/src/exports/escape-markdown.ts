// The rule lives in the engine, which builds the after-action report with it; exports share it.
export { escapeMarkdown } from '@chaos-quest/engine';
