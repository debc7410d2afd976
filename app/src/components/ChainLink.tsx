// An address another member wrote on the chain (a mission's description, a
// deliverable): a link only for https: and ipfs: (lib/links.ts), always showing
// its own text, so that what is opened is what is read.

import { safeHref } from '../lib/links';

export function ChainLink({ uri }: { uri: string }) {
  const href = safeHref(uri);
  if (!href) {
    return (
      <span className="unsafe-link" data-testid="unsafe-link">
        <code>{uri}</code> (not an https:// or ipfs:// address: not opened)
      </span>
    );
  }
  return (
    <a href={href} target="_blank" rel="noreferrer noopener" data-testid="chain-link">
      {uri}
    </a>
  );
}
