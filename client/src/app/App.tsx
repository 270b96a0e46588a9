import { lazy, Suspense } from 'react';
import { PlayerSeat } from '../player/PlayerSeat.tsx';
import { Icon } from '../ui/Icon.tsx';
import { formatRoute, type Route } from './route.ts';
import { useRoute } from './use-route.ts';

// The player's seat is in the first chunk (players join from phones); the rest loads on demand.
const HomeScreen = lazy(() => import('../home/HomeScreen.tsx').then((m) => ({ default: m.HomeScreen })));
const JoinScreen = lazy(() => import('../home/JoinScreen.tsx').then((m) => ({ default: m.JoinScreen })));
const FacilitatorSeat = lazy(() =>
  import('../console/FacilitatorSeat.tsx').then((m) => ({ default: m.FacilitatorSeat })),
);
const BigScreen = lazy(() => import('../screen/BigScreen.tsx').then((m) => ({ default: m.BigScreen })));
const MetricsScreen = lazy(() => import('../metrics/MetricsScreen.tsx').then((m) => ({ default: m.MetricsScreen })));
const EvaluateJoin = lazy(() => import('../evaluation/EvaluateJoin.tsx').then((m) => ({ default: m.EvaluateJoin })));
const EvaluatorSeat = lazy(() => import('../evaluation/EvaluatorSeat.tsx').then((m) => ({ default: m.EvaluatorSeat })));
const ReportPage = lazy(() => import('../evaluation/ReportPage.tsx').then((m) => ({ default: m.ReportPage })));
// The studio carries CodeMirror and the engine's checks: only its own chunk loads them.
const StudioPage = lazy(() => import('../studio/StudioPage.tsx').then((m) => ({ default: m.StudioPage })));
const ReadOnlyDebrief = lazy(() =>
  import('../shared-debrief/ReadOnlyDebrief.tsx').then((m) => ({ default: m.ReadOnlyDebrief })),
);

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return route.joinCode ? <JoinScreen joinCode={route.joinCode} /> : <HomeScreen />;
    case 'facilitate':
      return <FacilitatorSeat sessionId={route.sessionId} />;
    case 'play':
      return <PlayerSeat sessionId={route.sessionId} />;
    case 'screen':
      return <BigScreen joinCode={route.joinCode} />;
    case 'metrics':
      return <MetricsScreen />;
    case 'evaluate':
      return <EvaluateJoin code={route.code} />;
    case 'evaluator':
      return <EvaluatorSeat sessionId={route.sessionId} />;
    case 'report':
      return <ReportPage sessionId={route.sessionId} />;
    case 'debrief':
      return <ReadOnlyDebrief token={route.token} />;
    case 'studio':
      return <StudioPage file={route.file} />;
    case 'not-found':
      return (
        <main className="page narrow">
          <h1>Nothing here</h1>
          <p>There is no page at “{route.path}”.</p>
          <a className="button primary" href={formatRoute({ name: 'home', joinCode: null })}>
            Go to the start page
          </a>
        </main>
      );
    default:
      return route satisfies never;
  }
}

export function App() {
  const route = useRoute();
  // The big screen and the printed report stand alone, without the app's bar.
  const bare = route.name === 'screen' || route.name === 'report';
  return (
    <div className={`app ${bare ? 'bare' : ''}`}>
      {bare ? null : (
        <header className="app-bar">
          <a className="brand" href="#/">
            <span className="brand-mark" aria-hidden="true" />
            Chaos Quest
          </a>
          <nav aria-label="Main">
            <a href="#/" aria-current={route.name === 'home' && !route.joinCode ? 'page' : undefined}>
              Sessions
            </a>
            <a href="#/metrics" aria-current={route.name === 'metrics' ? 'page' : undefined}>
              <Icon name="chart" size={16} /> Metrics
            </a>
          </nav>
        </header>
      )}
      <Suspense fallback={<p className="loading page">Loading…</p>}>
        <Screen route={route} />
      </Suspense>
    </div>
  );
}
