import { lazy, Suspense, type ComponentProps } from 'react';

// The charting library loads only where a scenario has dashboards, so the player's first screen stays small.
const Dashboards = lazy(() => import('./Dashboards.tsx'));

/** The scenario's dashboards (see Dashboards), loaded on demand. */
export function LazyDashboards(props: ComponentProps<typeof Dashboards>) {
  return (
    <Suspense fallback={null}>
      <Dashboards {...props} />
    </Suspense>
  );
}
