// A link that names a node or an indexer is a proposal: the board shows what it
// would change and uses it only when the member says so (see lib/links.ts).

import { useState } from 'react';
import { useChain } from '../chain';
import { linkIndexer, rememberIndexer } from '../indexer/client';

/** Asks before connecting to the node a link names. */
export function NodeFromLink() {
  const { endpoint, setEndpoint, proposedEndpoint, dismissProposedEndpoint } = useChain();
  if (!proposedEndpoint) return null;
  return (
    <section className="card wide warning" role="alert" data-testid="link-endpoint">
      <p>
        The link you opened asks the board to use the node <code>{proposedEndpoint}</code> instead of{' '}
        <code>{endpoint}</code>. A node you do not trust can show missions, amounts and deliverables that are not the
        chain's. Use it only if you know who runs it.
      </p>
      <div className="row">
        <button
          onClick={() => {
            setEndpoint(proposedEndpoint);
            dismissProposedEndpoint();
          }}
        >
          Use {proposedEndpoint}
        </button>
        <button className="secondary" onClick={dismissProposedEndpoint}>
          Stay on {endpoint}
        </button>
      </div>
    </section>
  );
}

/** Asks before reading history from the indexer a link names; `onUse` gets it once chosen. */
export function IndexerFromLink({ current, onUse }: { current: string | null; onUse: (url: string) => void }) {
  const [asked, setAsked] = useState(linkIndexer);
  if (!asked || asked === current) return null;
  return (
    <section className="card wide warning" role="alert" data-testid="link-indexer">
      <p>
        The link you opened names the indexer <code>{asked}</code>
        {current ? (
          <>
            {' '}
            instead of <code>{current}</code>
          </>
        ) : null}
        . History and statements come from it without proof; use it only if you know who runs it.
      </p>
      <div className="row">
        <button
          onClick={() => {
            rememberIndexer(asked);
            onUse(asked);
            setAsked(undefined);
          }}
        >
          Use this indexer
        </button>
        <button className="secondary" onClick={() => setAsked(undefined)}>
          Ignore it
        </button>
      </div>
    </section>
  );
}
