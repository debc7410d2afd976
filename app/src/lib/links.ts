// What the board takes from a link, and which links it makes. A link (a mail, a
// chat message, a web page) can name a node or an indexer; the board never uses
// one before the member says so, because a node or an indexer the member did not
// choose can show a fake deliverable, a smaller bond than the chain will take, or a
// statement that is not the chain's. Addresses that come from the chain (a
// mission's or a deliverable's URI) are written by other members: the board makes
// a link of them only for schemes that cannot run code in the board's page.

/** The schemes the board opens: the web over TLS and IPFS. */
export const LINK_SCHEMES = ['https:', 'ipfs:'] as const;

/**
 * What a link's `?name=` asks for, when it differs from what the board uses now:
 * the board then asks the member before using it. `undefined` when the link names
 * nothing or names what is already in use.
 */
export function proposedByLink(search: string, name: 'rpc' | 'indexer', current: string | null): string | undefined {
  const asked = new URLSearchParams(search).get(name)?.trim();
  if (!asked || asked === current) return undefined;
  return asked;
}

/** The address to open for a URI from the chain, or `undefined` if the board does not open it. */
export function safeHref(uri: string): string | undefined {
  try {
    const u = new URL(uri.trim());
    return (LINK_SCHEMES as readonly string[]).includes(u.protocol) && u.href.length > u.protocol.length + 2
      ? u.href
      : undefined;
  } catch {
    return undefined;
  }
}

/** Why `uri` cannot be a mission's or deliverable's address, or `undefined` if it can. */
export function checkLink(uri: string, maxBytes: number): string | undefined {
  if (!uri) return undefined;
  if (!safeHref(uri) || /\s/.test(uri)) return 'An https:// or ipfs:// address.';
  if (new TextEncoder().encode(uri).length > maxBytes) return `At most ${maxBytes} bytes.`;
  return undefined;
}

/** Whether `text` is a node's WebSocket address. */
export function isNodeEndpoint(text: string): boolean {
  return /^wss?:\/\/[^\s]+$/.test(text.trim());
}
