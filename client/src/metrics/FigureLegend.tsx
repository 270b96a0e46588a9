import type { DefinitionId } from '@chaos-quest/engine';
import { FIGURE_DEFINITIONS } from '@chaos-quest/engine/client';

/** The written definition of every figure on the page, practice and real, from the engine's one table. */
export function FigureLegend() {
  return (
    <dl className="figure-legend" aria-label="What each figure means">
      {(Object.keys(FIGURE_DEFINITIONS) as DefinitionId[]).map((id) => {
        const def = FIGURE_DEFINITIONS[id];
        return (
          <div key={id} className="figure-definition">
            <dt>
              {def.short} · {def.name}
            </dt>
            <dd>
              <span className="legend-side">Practice:</span> {def.practice}
              {def.real ? (
                <>
                  <br />
                  <span className="legend-side">Real:</span> {def.real}
                </>
              ) : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
