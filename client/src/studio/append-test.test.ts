import { describe, expect, it } from 'vitest';
import { appendTest } from './append-test.ts';

const item = '- name: rolls back\n  steps:\n    - { choose: look }\n  expect: { ending: recovered }\n';

describe('appendTest', () => {
  it('adds a tests block at the end of a file without one', () => {
    expect(appendTest('id: x\nstart: a', item)).toBe(
      'id: x\nstart: a\ntests:\n  - name: rolls back\n    steps:\n      - { choose: look }\n    expect: { ending: recovered }\n',
    );
  });

  it("appends after the last test, at the list's own indentation, before the next top-level key", () => {
    const text = 'id: x\ntests:\n- name: first\n  steps: []\n  expect: {}\n\nendings: []\n';
    expect(appendTest(text, item)).toBe(
      'id: x\ntests:\n- name: first\n  steps: []\n  expect: {}\n- name: rolls back\n  steps:\n    - { choose: look }\n  expect: { ending: recovered }\n\nendings: []\n',
    );
  });

  it('turns an empty flow list into a block list', () => {
    expect(appendTest('tests: []\n', item)).toBe(
      'tests:\n  - name: rolls back\n    steps:\n      - { choose: look }\n    expect: { ending: recovered }\n',
    );
  });
});
