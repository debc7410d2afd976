// Endpoint chooser and account picker.

import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useChain, DEFAULT_ENDPOINT, type Acting } from '../chain';
import { Field } from './Field';
import { isNodeEndpoint } from '../lib/links';
import { useNames } from './Names';

export function Connect() {
  const {
    endpoint,
    setEndpoint,
    chainName,
    isDev,
    error,
    best,
    finalized,
    accounts,
    account,
    select,
    extensions,
    connectExtension,
    paths,
    acting,
    actFor,
  } = useChain();
  const names = useNames();
  const name = (a: string) => names(a) ?? `${a.slice(0, 8)}…`;
  /** How the signer acts for the path's account, in words. */
  const pathLabel = (p: Acting) => {
    const via = p.proxy
      ? p.proxy.delay > 0
        ? t('connect.delegationDelayed', { name: name(p.real), type: p.proxy.proxyType, delay: p.proxy.delay })
        : t('connect.delegationNow', { name: name(p.real), type: p.proxy.proxyType })
      : t('connect.multisig', {
          name: name(p.real),
          threshold: p.multisig?.threshold,
          of: p.multisig?.signatories.length,
        });
    return p.proxy && p.multisig ? t('connect.throughMultisig', { via, multisig: name(p.multisig.address) }) : via;
  };
  const { t } = useTranslation();
  const [text, setText] = useState(endpoint);
  const [endpointError, setEndpointError] = useState<string>();
  const [extError, setExtError] = useState<string>();
  const apply = () => {
    if (!isNodeEndpoint(text)) return setEndpointError(t('connect.badEndpoint'));
    setEndpointError(undefined);
    setEndpoint(text.trim());
  };
  return (
    <section className="connect">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
        className="row"
      >
        <Field label={t('connect.node')} error={endpointError} id="endpoint">
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={DEFAULT_ENDPOINT}
            aria-label={t('connect.nodeEndpoint')}
          />
        </Field>
        <button type="submit">{t('connect.connect')}</button>
      </form>
      <div className="status" data-testid="chain-status">
        {error ? (
          <span className="error">{error}</span>
        ) : chainName ? (
          <Trans
            i18nKey="connect.status"
            values={{ chain: chainName, endpoint, best: best?.number ?? '…', finalized: finalized ?? '…' }}
            components={{ chain: <strong />, endpoint: <code data-testid="endpoint" /> }}
          />
        ) : (
          t('connect.connecting')
        )}
      </div>
      <div className="row">
        {extensions.map((name) => (
          <button
            key={name}
            onClick={() =>
              connectExtension(name).then(
                () => setExtError(undefined),
                (e) => setExtError(`${name}: ${e?.message ?? e}`),
              )
            }
          >
            {t('connect.useWallet', { name })}
          </button>
        ))}
        {extensions.length === 0 && <span className="muted">{t('connect.noWallet')}</span>}
        {extError && <span className="error">{extError}</span>}
      </div>
      <Field label={t('connect.account')} hint={isDev ? t('connect.devAccounts') : undefined}>
        <select
          aria-label={t('connect.account')}
          value={account?.address ?? ''}
          onChange={(e) => select(e.target.value)}
        >
          <option value="">{t('connect.choose')}</option>
          {accounts.map((a) => (
            <option key={`${a.source}:${a.address}`} value={a.address}>
              {a.name} ({a.source}) {a.address.slice(0, 8)}…
            </option>
          ))}
        </select>
      </Field>
      {account && paths.length > 0 && (
        <Field label={t('connect.actingFor')} hint={t('connect.actingForHint')}>
          <select
            aria-label={t('connect.actingFor')}
            data-testid="acting-for"
            value={acting ? paths.indexOf(acting) : -1}
            onChange={(e) => {
              const i = Number(e.target.value);
              actFor(i >= 0 ? paths[i] : null);
            }}
          >
            <option value={-1}>{t('connect.myself')}</option>
            {paths.map((p, i) => (
              // A proxy with a delay announces each call first (executed from Approvals);
              // a multisig holding one is left to Apps.
              <option key={i} value={i} disabled={!!p.proxy && p.proxy.delay > 0 && !!p.multisig}>
                {pathLabel(p)}
              </option>
            ))}
          </select>
        </Field>
      )}
      {account && acting && (
        <p className="acting" data-testid="acting-banner">
          {t('connect.acting', { real: name(acting.real), me: account.name })} {pathLabel(acting)}
        </p>
      )}
    </section>
  );
}
