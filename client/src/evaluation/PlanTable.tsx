import type { ExerciseView } from '@chaos-quest/engine';
import { TableHead } from './TableHead.tsx';

/** This exercise's improvement plan as agreed at the table (the tracker follows each action after). */
export function PlanTable({ exercise }: { exercise: ExerciseView }) {
  if (exercise.corrective.length === 0) return <p className="empty">No corrective actions agreed yet.</p>;
  const titles = new Map(exercise.objectives.map((o) => [o.id, o.title]));
  return (
    <div className="table-scroll">
      <table className="plain-table improvement-plan">
        <TableHead columns={['Issue', 'Corrective action', 'Objective', 'Element', 'Priority', 'Owner', 'Due']} />
        <tbody>
          {exercise.corrective.map((a) => (
            <tr key={a.id}>
              <td>{a.issue}</td>
              <td>{a.action}</td>
              <td>{a.objective ? (titles.get(a.objective) ?? a.objective) : 'General'}</td>
              <td>{a.element}</td>
              <td>{a.priority}</td>
              <td>
                {a.owner} <small className="muted">({a.organisation})</small>
              </td>
              <td>{a.due}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
