/** The help texts of `chaos-quest` and its commands. */

export const USAGE = `Usage: chaos-quest <command> [options]

Commands:
  validate <files or directories...> [--json]
      Check scenario files; print every problem with file:line:col and a stable code.
  simulate <file> [--runs N] [--seed S] [--max-steps M] [--policy P] [--seats R,…] [--json]
      Play a scenario headlessly with seeded bots; print endings, coverage, check odds and timings.
  test <files or directories...>
      Run the scripted tests in each scenario (its \`tests:\` and NAME.tests.yaml beside it).
  graph <file> [--format mermaid|dot]
      Draw the scenario's scenes, choices, conditions and endings.
  serve [--port P] [--host H]
      Run the Chaos Quest server.
  detect <file.csv> [--json]
      Run the dynamic-baseline anomaly detector over a timestamp,value CSV; print each row's score.
  import incidents <file.csv> [--format F] [--dry-run]
      Import real incidents (generic CSV, PagerDuty or Opsgenie export) to set beside practice runs.
  migrate-store --from sqlite:<file> --to postgres://…
      Copy a SQLite store into PostgreSQL (idempotent).

Run \`chaos-quest <command> --help\` for a command's options.`;

export const VALIDATE_USAGE = `Usage: chaos-quest validate <files or directories...> [--json]

Checks scenario files and prints every problem as file:line:col: severity CODE message.
A directory stands for its *.yaml files. Exits 1 if any file has an error, 0 otherwise.

  --json   print one JSON object: { files: [{ file, valid, diagnostics }], errors, warnings }`;

export const SIMULATE_USAGE = `Usage: chaos-quest simulate <file> [--runs N] [--seed S] [--max-steps M] [--policy P] [--seats R,…] [--json]

Plays the scenario N times with seeded bots that take legal commands (mostly the facilitator
applying choices, sometimes advancing the clock, revealing injects, declaring the incident or
acknowledging pages) until an ending or M steps. Prints the ending and outcome distribution, how
often each scene was visited (unvisited scenes are called out as untested), time to detect and
resolve on the game clock, and the runs that got stuck. Then coverage: each choice taken, each inject
revealed, each check's exact odds beside the rate the bots rolled, self-loops per visit, scenes where
every choice was closed (a dead end, even when the clock moved the table on), endings never reached
and stuck runs by scene. The same seed gives the same output.

  --runs N        playthroughs (default 100)
  --seed S        seed; run i plays with seed "S:i" (default "chaos-quest")
  --max-steps M   bot moves before a run counts as stuck (default 500)
  --policy P      random (default), cautious (leans to plain choices and good odds) or reckless
                  (leans to long-shot checks)
  --seats R,…     roles with a bot seated (default every role; "" for none)
  --json          print one JSON object instead of the text report`;

export const SERVE_USAGE = `Usage: chaos-quest serve [--port P] [--host H]

Runs the server. PORT, HOST, CQ_DATA_DIR, CQ_SCENARIOS_DIR, CQ_PUBLIC_URL, CQ_ALLOWED_ORIGINS,
CQ_ADMIN_KEY and CQ_TRUST_PROXY configure it (see the README, "Running it safely"); --port and
--host win over the environment.`;

export const TEST_USAGE = `Usage: chaos-quest test <files or directories...>

Plays each scenario's scripted tests (its \`tests:\` key, and the \`tests:\` of NAME.tests.yaml beside
NAME.yaml) through the engine and checks the ending, milestones, flags and scene each expects.
A failure prints the file:line of the step where the test went wrong. Exits 1 when any test fails
or a file has errors, 0 otherwise.

A test:
  tests:
    - name: rollback works
      seed: t1                       # optional; dice without a roll are thrown from it
      seats: [ic, sre]               # optional; every role by default
      steps:
        - choose: look               # apply a choice (by: ROLE to apply it as that role's player)
        - choose: rollback
          roll: 15                   # the die's natural result, as if rolled at the table
        - advance: 10                # game minutes
        - reveal: page               # also: ack/declare (with by: ROLE), mark, goto, set, clear
        - expect: { scene: dashboards, flags: { rolled_back: true } }
      expect: { ending: recovered, outcome: success, milestones: [detected, resolved] }`;

export const GRAPH_USAGE = `Usage: chaos-quest graph <file> [--format mermaid|dot]

Prints the scenario as a graph: scenes (the start in bold), each choice's way out (a check's success
and failure apart, with the choice's \`when\`), endings by outcome, and the endings a \`when\` reaches
from any scene. Mermaid by default (paste it in Markdown); dot for Graphviz (\`| dot -Tsvg\`).

  --format F   mermaid (default) or dot`;
