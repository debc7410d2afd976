// A wide table on a narrow screen scrolls inside itself, not the page; the
// region is named and reachable by keyboard (it can be scrolled with arrows).

import type { ReactNode } from 'react';

export function Scroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
