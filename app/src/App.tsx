import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from './i18n';
import { ChainProvider, useChain, useLive } from './chain';
import { Connect } from './components/Connect';
import { NodeFromLink } from './components/LinkPrompts';
import { NamesProvider } from './components/Names';
import { AssetsProvider } from './components/Assets';
import { TxProvider, useTx } from './components/Tx';
import { NotifyWatcher } from './components/Notify';
import { Home } from './pages/Home';
import { Missions } from './pages/Missions';
import { MissionPage } from './pages/mission';
import { Post } from './pages/Post';
import { Council } from './pages/Council';
import { History } from './pages/History';
import { Statement } from './pages/Statement';
import { Approvals } from './pages/Approvals';
import { Firm } from './pages/Firm';
import { runtimeNotice } from './lib/compat';

function useRoute() {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash.replace(/^#\/?/, '');
}

function Page() {
  const route = useRoute();
  const { api, best } = useChain();
  const { t } = useTranslation();
  if (!api || !best) return <p className="muted">{t('app.waiting')}</p>;
  const mission = route.match(/^mission\/(\d+)$/);
  if (mission) return <MissionPage id={Number(mission[1])} />;
  if (route === 'missions') return <Missions />;
  if (route === 'post') return <Post />;
  if (route === 'council') return <Council />;
  const history = route.match(/^history\/(\d+)$/);
  if (history) return <History mission={Number(history[1])} />;
  if (route === 'history') return <History />;
  if (route === 'statement') return <Statement />;
  if (route === 'approvals' || route.startsWith('approvals?')) return <Approvals route={route} />;
  if (route === 'firm') return <Firm />;
  return <Home />;
}

/** Shown when the chain runs another runtime than the one the board was built for. */
function RuntimeNotice() {
  const { runtime } = useChain();
  const text = runtime && runtimeNotice(runtime);
  if (!text) return null;
  return (
    <p className={`notice${runtime.changed.length ? ' warn' : ''}`} role="status" data-testid="runtime-notice">
      {text}
    </p>
  );
}

/**
 * The tab's title counts what awaits the chosen account, as the chain says it
 * (`MissionsApi.pending_actions`, the "Awaiting me" list): "(2) Peer · …"; the
 * same list, read once a block, feeds the notifications.
 */
function AwaitingTitle() {
  const { actor } = useChain();
  const { t } = useTranslation();
  const title = t('app.title');
  const address = actor;
  const { data } = useLive(
    async (api, at) => (address ? api.apis.MissionsApi.pending_actions(address, { at }) : []),
    [address],
  );
  const count = address ? (data?.length ?? 0) : 0;
  useEffect(() => {
    document.title = count > 0 ? `(${count}) ${title}` : title;
  }, [count, title]);
  return address && data ? <NotifyWatcher address={address} actions={data} /> : null;
}

/** The pages, by route, with their key in the texts (`app.nav.*`). */
const NAV = [
  ['', 'home'],
  ['missions', 'missions'],
  ['post', 'post'],
  ['council', 'council'],
  ['history', 'history'],
  ['statement', 'statement'],
  ['approvals', 'approvals'],
  ['firm', 'firm'],
];

export function App() {
  const route = useRoute();
  const { t } = useTranslation();
  return (
    <ChainProvider>
      <NamesProvider>
        <AssetsProvider>
          <TxProvider>
            <header className="top">
              <h1>{t('app.title')}</h1>
              <nav>
                {NAV.map(([r, key]) => (
                  <a
                    key={r}
                    href={`#/${r}`}
                    className={
                      route === r ||
                      (r === 'missions' && route.startsWith('mission/')) ||
                      (r === 'history' && route.startsWith('history/')) ||
                      (r === 'approvals' && route.startsWith('approvals?'))
                        ? 'active'
                        : ''
                    }
                  >
                    {t(`app.nav.${key}`)}
                  </a>
                ))}
              </nav>
              <LanguageSwitch />
            </header>
            <NodeFromLink />
            <Connect />
            <RuntimeNotice />
            <AwaitingTitle />
            <DevHook />
            <main>
              <Page />
            </main>
          </TxProvider>
        </AssetsProvider>
      </NamesProvider>
    </ChainProvider>
  );
}

/**
 * On a development chain only: `window.peerBoard.send(label, pallet, call, args)`
 * sends any call through the board's own path (as the chosen account, acting
 * for whom it acts for), so that a test can craft what the pages never offer
 * and see the chain's answer where a member would.
 */
function DevHook() {
  const { isDev, api } = useChain();
  const send = useTx();
  useEffect(() => {
    if (!isDev || !api) return;
    const tx = api.tx as unknown as Record<string, Record<string, (args: unknown) => Parameters<typeof send>[1]>>;
    const hook = {
      send: (label: string, pallet: string, call: string, args: unknown) =>
        send(label, tx[pallet][call](args)).then((o) => o.ok),
    };
    Object.assign(window, { peerBoard: hook });
    return () => {
      delete (window as { peerBoard?: unknown }).peerBoard;
    };
  }, [isDev, api, send]);
  return null;
}

/** English or Korean, remembered in this browser. */
function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span className="sr-only">{t('app.language')}</span>
      <select
        aria-label={t('app.language')}
        value={i18n.language}
        onChange={(e) => setLanguage(e.target.value as Language)}
      >
        {Object.entries(LANGUAGES).map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
