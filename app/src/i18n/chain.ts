// Peer's own pallets' errors and events in Korean: a short explanation shown
// beside the runtime's English doc text (which the board takes from the
// metadata, in English, for every pallet). A test fails if an error or an
// event of Peer's pallets has none, or if one names what the runtime lacks.

import ko from './chain.ko.json';

type Table = {
  errors: Record<string, Record<string, string>>;
  events: Record<string, Record<string, string>>;
};

/** Peer's own pallets: each of their errors and events has a Korean explanation. */
export const PEER_PALLETS = ['Missions', 'Consortium', 'ValidatorSet', 'NodeAuthorization', 'Reputation'];

/** The Korean explanation of the error `Pallet.Error`, if the board has one. */
export function chainKo(name: string): string | undefined {
  const [pallet, error] = name.split('.');
  return (ko as Table).errors[pallet]?.[error];
}

/** The Korean explanation of the event `Pallet.Event`, if the board has one. */
export function chainKoEvent(pallet: string, event: string): string | undefined {
  return (ko as Table).events[pallet]?.[event];
}
