// Peer's own pallets' errors in Korean: a short explanation shown above the
// runtime's English doc text (which the board takes from the metadata, in
// English, for every pallet). A test fails if an error of the missions pallet
// has none.

import ko from './chain.ko.json';

type Table = { errors: Record<string, Record<string, string>> };

/** The Korean explanation of `Pallet.Error`, if the board has one. */
export function chainKo(name: string): string | undefined {
  const [pallet, error] = name.split('.');
  return (ko as Table).errors[pallet]?.[error];
}
