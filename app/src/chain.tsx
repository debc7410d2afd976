// The connection: one papi client per endpoint, the typed API generated from
// the runtime's wasm, the chain's head, the accounts (wallet extensions and,
// on a development chain only, the well-known dev accounts) and the
// transactions this tab sent.

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { createClient, type PolkadotClient, type PolkadotSigner, type TypedApi } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { connectInjectedExtension, getInjectedExtensions } from 'polkadot-api/pjs-signer';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy } from '@polkadot-labs/hdkd-helpers';
import { peer } from '@polkadot-api/descriptors';
import { accountAddress } from './lib/hash';
import { proposedByLink } from './lib/links';
import { compare, type Runtime } from './lib/compat';
import { allows, delegationsOf, type Delegation } from './lib/proxy';
import { saveMultisigs, savedMultisigs, type MultisigAccount } from './lib/multisig';

export type Api = TypedApi<typeof peer>;

export const DEFAULT_ENDPOINT = 'ws://127.0.0.1:9944';
const ENDPOINT_KEY = 'peer.endpoint';
const ACCOUNT_KEY = 'peer.account';
const ACTING_KEY = 'peer.actingFor';

/**
 * The endpoint: the one the member chose (remembered), else the local node. A link's
 * `?rpc=` is only proposed (`Chain.proposedEndpoint`): the member decides.
 */
export function initialEndpoint(): string {
  return localStorage.getItem(ENDPOINT_KEY) || DEFAULT_ENDPOINT;
}

export interface Account {
  address: string;
  name: string;
  /** `dev` or the wallet extension's name. */
  source: string;
  signer: PolkadotSigner;
}

/**
 * How the signer acts for `real`: through a multisig it signs for (`multisig`:
 * `as_multi`, the other signatories approving later), through a proxy (`proxy`:
 * `proxy.proxy`), or a multisig holding a proxy (both, in that order).
 */
export interface Acting {
  real: string;
  multisig?: MultisigAccount;
  proxy?: Delegation;
}

/** A path's identity, as remembered across visits. */
const actingKey = (a: Acting) => [a.real, a.multisig?.address ?? '', a.proxy?.proxyType ?? ''].join(':');

export interface Head {
  number: number;
  hash: string;
  /** When this tab saw the block, for block ↔ date estimates. */
  seenMs: number;
}

interface Chain {
  endpoint: string;
  setEndpoint: (e: string) => void;
  /** A node the link the board was opened with names, not used until the member says so. */
  proposedEndpoint?: string;
  dismissProposedEndpoint: () => void;
  client?: PolkadotClient;
  api?: Api;
  error?: string;
  chainName?: string;
  isDev: boolean;
  best?: Head;
  finalized?: number;
  slotMs: number;
  accounts: Account[];
  extensions: string[];
  connectExtension: (name: string) => Promise<void>;
  /** The account that signs. */
  account?: Account;
  select: (address: string) => void;
  /**
   * Whom `account` may act for, and how: as a signatory of a multisig it said it is in
   * (`multisigs`), through a proxy it holds, or through a proxy its multisig holds.
   */
  paths: Acting[];
  /** The path the member chose: every action is then sent along it. */
  acting?: Acting;
  actFor: (a: Acting | null) => void;
  /** The proxy on the chosen path, if any (what its type allows is all the board offers). */
  actingFor?: Delegation;
  /** The multisig accounts `account` said it signs for (kept in this browser). */
  multisigs: MultisigAccount[];
  setMultisigs: (list: MultisigAccount[]) => void;
  /** Whose missions, holdings and awaiting actions the board shows: the account acted for, else `account`. */
  actor?: string;
  /** Whether the board may send `Pallet.call` for `actor`: always for oneself, by the proxy type's list for another. */
  may: (call: string) => boolean;
  /** The chain's runtime against the board's: which calls still encode the same (lib/compat). */
  runtime?: Runtime;
}

const ChainContext = createContext<Chain | undefined>(undefined);

export function useChain(): Chain {
  const c = useContext(ChainContext);
  if (!c) throw new Error('useChain outside ChainProvider');
  return c;
}

/** The connected chain; throws if not connected yet (pages render after connection). */
export function useApi(): { api: Api; client: PolkadotClient; best: Head } {
  const { api, client, best } = useChain();
  if (!api || !client || !best) throw new Error('not connected');
  return { api, client, best };
}

const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

function devAccounts(): Account[] {
  const derive = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
  return DEV_NAMES.map((name) => {
    const pair = derive(`//${name}`);
    const signer = getPolkadotSigner(pair.publicKey, 'Sr25519', pair.sign);
    return { address: accountAddress(pair.publicKey), name, source: 'dev', signer };
  });
}

/** What one connection to one endpoint knows: everything starts afresh with a new endpoint. */
interface Connection {
  client?: PolkadotClient;
  api?: Api;
  error?: string;
  chainName?: string;
  best?: Head;
  finalized?: number;
  slotMs: number;
  runtime?: Runtime;
}

/**
 * Connects to `endpoint` and follows its head. The provider remounts it (its
 * `key` is the endpoint) when the member chooses another node, so no state of
 * the old connection is ever shown for the new one.
 */
function useConnection(endpoint: string): Connection {
  const [client, setClient] = useState<PolkadotClient>();
  const [api, setApi] = useState<Api>();
  const [error, setError] = useState<string>();
  const [chainName, setChainName] = useState<string>();
  const [best, setBest] = useState<Head>();
  const [finalized, setFinalized] = useState<number>();
  const [slotMs, setSlotMs] = useState(6000);
  const [runtime, setRuntime] = useState<Runtime>();

  // At each best block, whether the runtime changed (an upgrade): compared again only then.
  const bestHash = best?.hash;
  const compareRuntime = useEffectEvent((api: Api, at: string, alive: () => boolean) => {
    compare(() => api.getStaticApis({ at }), runtime).then(
      (r) => alive() && r !== runtime && setRuntime(r),
      () => {},
    );
  });
  useEffect(() => {
    if (!api || !bestHash) return;
    let alive = true;
    compareRuntime(api, bestHash, () => alive);
    return () => {
      alive = false;
    };
  }, [api, bestHash]);

  useEffect(() => {
    const c = createClient(getWsProvider(endpoint));
    const typed = c.getTypedApi(peer);
    let alive = true;
    let answered = false;
    const timer = setTimeout(
      () => alive && !answered && setError(`No answer from ${endpoint} yet: is a node running there?`),
      8000,
    );
    (async () => {
      try {
        const spec = await c.getChainSpecData();
        const slot = await typed.apis.AuraApi.slot_duration();
        if (!alive) return;
        setChainName(spec.name);
        setSlotMs(Number(slot));
        setClient(c);
        setApi(typed);
        setError(undefined);
      } catch (e) {
        if (alive) setError(`Cannot use ${endpoint}: ${(e as Error).message}`);
      }
    })();
    const subBest = c.bestBlocks$.subscribe({
      next: (blocks) => {
        const b = blocks[0];
        if (b) answered = true;
        if (b)
          setBest((prev) => (prev?.hash === b.hash ? prev : { number: b.number, hash: b.hash, seenMs: Date.now() }));
      },
      error: (e) => alive && setError(String(e)),
    });
    const subFin = c.finalizedBlock$.subscribe({ next: (b) => setFinalized(b.number), error: () => {} });
    return () => {
      alive = false;
      clearTimeout(timer);
      subBest.unsubscribe();
      subFin.unsubscribe();
      c.destroy();
    };
  }, [endpoint]);
  return { client, api, error, chainName, best, finalized, slotMs, runtime };
}

export function ChainProvider({ children }: { children: ReactNode }) {
  const [endpoint, setEndpointState] = useState(initialEndpoint);
  const [linkEndpoint, setLinkEndpoint] = useState(() => proposedByLink(window.location.search, 'rpc', null));
  const [extAccounts, setExtAccounts] = useState<Record<string, Account[]>>({});
  const [extensions, setExtensions] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(() => localStorage.getItem(ACCOUNT_KEY));
  const [acting, setActing] = useState<string | null>(() => localStorage.getItem(ACTING_KEY));

  // Wallet extensions inject themselves after the page loads: look twice.
  useEffect(() => {
    const look = () => setExtensions(getInjectedExtensions());
    const now = setTimeout(look, 0);
    const later = setTimeout(look, 1000);
    return () => {
      clearTimeout(now);
      clearTimeout(later);
    };
  }, []);

  const connectExtension = useCallback(async (name: string) => {
    const ext = await connectInjectedExtension(name, 'Peer mission board');
    const toAccounts = (list: ReturnType<typeof ext.getAccounts>) =>
      list.map((a) => ({
        address: a.address,
        name: a.name ?? a.address.slice(0, 8),
        source: name,
        signer: a.polkadotSigner,
      }));
    setExtAccounts((prev) => ({ ...prev, [name]: toAccounts(ext.getAccounts()) }));
    ext.subscribe((list) => setExtAccounts((prev) => ({ ...prev, [name]: toAccounts(list) })));
  }, []);

  const setEndpoint = useCallback((e: string) => {
    localStorage.setItem(ENDPOINT_KEY, e);
    setEndpointState(e);
  }, []);
  const select = useCallback((address: string) => {
    localStorage.setItem(ACCOUNT_KEY, address);
    setSelected(address);
  }, []);
  const actFor = useCallback((d: Acting | null) => {
    const key = d ? actingKey(d) : null;
    if (key) localStorage.setItem(ACTING_KEY, key);
    else localStorage.removeItem(ACTING_KEY);
    setActing(key);
  }, []);

  const proposedEndpoint = linkEndpoint !== endpoint ? linkEndpoint : undefined;
  const dismissProposedEndpoint = useCallback(() => setLinkEndpoint(undefined), []);
  const outer = {
    endpoint,
    setEndpoint,
    proposedEndpoint,
    dismissProposedEndpoint,
    extAccounts,
    extensions,
    connectExtension,
    selected,
    select,
    acting,
    actFor,
  };
  return (
    <Connected key={endpoint} {...outer}>
      {children}
    </Connected>
  );
}

/** The context for one endpoint: its connection, and the accounts (dev ones on a dev chain). */
/**
 * Whom `me` may act for: its multisigs, and the accounts it or they hold a
 * proxy of, read from the chain's proxy lists when the account or its
 * multisigs change and every ten blocks (a new proxy shows within 20 s).
 */
function usePaths(
  api: Api | undefined,
  me: string | undefined,
  multisigs: MultisigAccount[],
  best: number | undefined,
): Acting[] {
  const [state, setState] = useState<{ key: unknown[]; list: Acting[] }>();
  const tick = Math.floor((best ?? 0) / 10);
  useEffect(() => {
    if (!api || !me) return;
    let alive = true;
    api.query.Proxy.Proxies.getEntries({ at: 'best' }).then(
      (entries) => {
        const list: Acting[] = delegationsOf(me, entries).map((proxy) => ({ real: proxy.real, proxy }));
        for (const multisig of multisigs) {
          list.push({ real: multisig.address, multisig });
          for (const proxy of delegationsOf(multisig.address, entries))
            list.push({ real: proxy.real, multisig, proxy });
        }
        if (alive) setState({ key: [me, multisigs], list });
      },
      () => {},
    );
    return () => {
      alive = false;
    };
  }, [api, me, multisigs, tick]);
  // Paths read for another signer or other multisigs are not shown.
  return state && state.key[0] === me && state.key[1] === multisigs ? state.list : NO_PATHS;
}
const NO_PATHS: Acting[] = [];

function Connected({
  children,
  extAccounts,
  selected,
  acting,
  ...outer
}: Pick<
  Chain,
  | 'endpoint'
  | 'setEndpoint'
  | 'proposedEndpoint'
  | 'dismissProposedEndpoint'
  | 'extensions'
  | 'connectExtension'
  | 'select'
  | 'actFor'
> & {
  children: ReactNode;
  extAccounts: Record<string, Account[]>;
  selected: string | null;
  acting: string | null;
}) {
  const connection = useConnection(outer.endpoint);
  const isDev = !!connection.chainName && /develop|local/i.test(connection.chainName);
  const dev = useMemo(() => (isDev ? devAccounts() : []), [isDev]);
  const accounts = useMemo(() => [...Object.values(extAccounts).flat(), ...dev], [extAccounts, dev]);
  const account = accounts.find((a) => a.address === selected);
  const me = account?.address;
  // The multisigs the signer said it is in: this browser's list, read again when it changes.
  const [saved, setSaved] = useState<{ of?: string; list: MultisigAccount[] }>({ list: [] });
  const multisigs = useMemo(() => (saved.of === me ? saved.list : me ? savedMultisigs(me) : []), [saved, me]);
  const setMultisigs = useCallback(
    (list: MultisigAccount[]) => {
      if (!me) return;
      saveMultisigs(me, list);
      setSaved({ of: me, list });
    },
    [me],
  );
  const paths = usePaths(connection.api, me, multisigs, connection.best?.number);
  const chosen = paths.find((p) => actingKey(p) === acting);
  const actingFor = chosen?.proxy;
  const value: Chain = {
    ...outer,
    ...connection,
    isDev,
    accounts,
    account,
    paths,
    acting: chosen,
    actingFor,
    multisigs,
    setMultisigs,
    actor: chosen?.real ?? me,
    may: (call: string) => !actingFor || allows(actingFor.proxyType, call),
  };
  return <ChainContext.Provider value={value}>{children}</ChainContext.Provider>;
}

/**
 * Reads from the chain at every new best block: `load` runs again whenever
 * the head moves or `deps` change. Returns the latest value (kept while the
 * next read runs) and the latest error.
 */
export function useLive<T>(load: (api: Api, at: string) => Promise<T>, deps: unknown[]): { data?: T; error?: string } {
  const { api, best } = useChain();
  const [state, setState] = useState<{ data?: T; error?: string; key?: string }>({});
  const seq = useRef(0);
  const key = JSON.stringify(deps);
  const bestHash = best?.hash;
  const read = useEffectEvent((api: Api, at: string, key: string) => {
    const n = ++seq.current;
    load(api, at).then(
      (data) => n === seq.current && setState({ data, key }),
      (e) => n === seq.current && setState((s) => ({ ...s, error: String(e?.message ?? e) })),
    );
  });
  useEffect(() => {
    if (api && bestHash) read(api, bestHash, key);
  }, [api, bestHash, key]);
  // A value read for other `deps` is not shown.
  return state.key === key ? state : { error: state.error };
}
