import { BigScreenForm } from './BigScreenForm.tsx';
import { CreateSessionForm } from './CreateSessionForm.tsx';
import { JoinForm } from './JoinForm.tsx';
import { MySeats } from './MySeats.tsx';
import { TakeConsoleForm } from './TakeConsoleForm.tsx';

/** The start page: join a quest, run one, or put one on the big screen. */
export function HomeScreen() {
  return (
    <main className="page home">
      <div className="home-intro">
        <h1>Practise the incident before it happens.</h1>
        <p>A facilitator runs a scenario; the team plays it in roles; every run is measured.</p>
      </div>
      <div className="home-grid">
        <div className="home-side">
          <JoinForm joinCode={null} />
          <MySeats />
          <BigScreenForm />
          <TakeConsoleForm />
        </div>
        <CreateSessionForm />
      </div>
    </main>
  );
}
