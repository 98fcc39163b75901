import type { ReactNode } from 'react';
import type { TeamNode } from './team-tree.js';

/** A table that scrolls sideways on narrow screens; the region is focusable so keyboards can scroll it. */
export function ScrollTable({
  label,
  caption,
  headers,
  children,
}: {
  label: string;
  caption?: string;
  headers: string[];
  children: ReactNode;
}) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {headers.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** `<option>`s naming each team by its path. */
export function TeamOptions({ nodes }: { nodes: TeamNode[] }) {
  return (
    <>
      {nodes.map((n) => (
        <option key={n.team.id} value={n.team.id}>
          {n.path}
        </option>
      ))}
    </>
  );
}
