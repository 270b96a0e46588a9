import { lazy, Suspense, type ComponentProps } from 'react';

// uPlot loads only when the metrics page draws its trends, never with the player's screen.
const Trends = lazy(() => import('./Trends.tsx'));

/** The trends (see Trends), loaded on demand. */
export function LazyTrends(props: ComponentProps<typeof Trends>) {
  return (
    <Suspense fallback={<p className="loading">Loading the trends…</p>}>
      <Trends {...props} />
    </Suspense>
  );
}
