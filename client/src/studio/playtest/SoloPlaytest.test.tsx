import { exampleScenario } from '@chaos-quest/engine/testing';
import type { TestStep } from '@chaos-quest/engine';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SoloPlaytest } from './SoloPlaytest.tsx';

const none = () => undefined;
const render = (steps: TestStep[], scenario = exampleScenario()) =>
  renderToStaticMarkup(
    <SoloPlaytest scenario={scenario} steps={steps} onStepsChange={none} onPathChange={none} onSaveTest={none} />,
  );
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('SoloPlaytest', () => {
  it('shows a check with its odds and a roll for each result, the state and the steps', () => {
    const html = text(render([{ choose: 'look' }, { advance: 5 }]));
    expect(html).toContain('Roll back the DNS change');
    expect(html).toContain('d20 +2 against 12: succeeds 11 in 20 (55%)');
    expect(html).toContain('Roll 10 — succeeds (55%)');
    expect(html).toContain('Roll 9 — fails (45%)');
    expect(html).toContain('Scene dashboards (dashboards)');
    expect(html).toContain('02:10');
    expect(html).toContain('choose look');
    expect(html).toContain('advance 5 min');
    // Back to here on every step but the last, which is where the path stands.
    expect(html.match(/Back to here/g)).toHaveLength(1);
  });

  it('says where the path no longer fits and offers to drop the steps from there', () => {
    const html = text(render([{ choose: 'look' }, { choose: 'hold' }, { advance: 5 }]));
    expect(html).toContain(
      "The path no longer fits at step 2: refused (not-found): 'hold' is not open in scene 'dashboards'.",
    );
    expect(html).toContain('Drop steps 2–3');
    expect(text(render([{ choose: 'look' }, { choose: 'hold' }]))).toContain('Drop step 2 ');
  });

  it('shows the ending and asks for a test name instead of actions', () => {
    const html = render([{ choose: 'look' }, { choose: 'rollback', roll: 15 }]);
    expect(text(html)).toContain('Ending reached: recovered (success)');
    expect(text(html)).toContain('Save path as test');
    expect(html).toContain('value="playtest to recovered"');
    expect(text(html)).not.toContain('Advance 5 min');
  });

  it('keeps the path while the file does not parse', () => {
    expect(text(render([{ choose: 'look' }], null as never))).toContain('fix its errors to playtest it');
  });
});
