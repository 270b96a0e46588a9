/** The arrowhead the drawings put at the end of an edge (`markerEnd="url(#id)"`), sized in user units. */
export function ArrowMarker({ id }: { id: string }) {
  return (
    <defs>
      <marker
        id={id}
        viewBox="0 0 10 10"
        refX="9"
        refY="5"
        markerWidth="9"
        markerHeight="9"
        markerUnits="userSpaceOnUse"
        orient="auto-start-reverse"
      >
        <path d="M0,0 L10,5 L0,10 z" className="arrow-head" />
      </marker>
    </defs>
  );
}
