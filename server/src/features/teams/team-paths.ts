/** A team as stored: its name and parent. */
export interface TeamNode {
  id: string;
  name: string;
  parent_id: string | null;
}

/** Where a team sits: its names from the top ("Operations/Legal") and its depth (0 at the top). */
export interface TeamPlace {
  segments: string[];
  path: string;
  depth: number;
}

/** Each team's place; `teams` must hold every ancestor of each team in it. */
export function placesOf(teams: readonly TeamNode[]): Map<string, TeamPlace> {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const places = new Map<string, TeamPlace>();
  const placeOf = (id: string): TeamPlace => {
    const known = places.get(id);
    if (known) return known;
    const team = byId.get(id)!;
    const parent = team.parent_id && byId.has(team.parent_id) ? placeOf(team.parent_id) : null;
    const segments = parent ? [...parent.segments, team.name] : [team.name];
    const place = { segments, path: segments.join('/'), depth: segments.length - 1 };
    places.set(id, place);
    return place;
  };
  for (const t of teams) placeOf(t.id);
  return places;
}

/** Orders places level by level, so "Finance/Payroll" follows "Finance" before "Finance Ops". */
export function comparePlaces(a: TeamPlace, b: TeamPlace): number {
  for (let i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
    const order = a.segments[i]!.localeCompare(b.segments[i]!);
    if (order !== 0) return order;
  }
  return a.segments.length - b.segments.length;
}
