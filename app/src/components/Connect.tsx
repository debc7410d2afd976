// Endpoint chooser and account picker.

import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useChain, DEFAULT_ENDPOINT } from '../chain';
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
    delegations,
    actingFor,
    actFor,
  } = useChain();
  const names = useNames();
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
      {account && delegations.length > 0 && (
        <Field label={t('connect.actingFor')} hint={t('connect.actingForHint')}>
          <select
            aria-label={t('connect.actingFor')}
            data-testid="acting-for"
            value={actingFor ? delegations.indexOf(actingFor) : -1}
            onChange={(e) => {
              const i = Number(e.target.value);
              actFor(i >= 0 ? delegations[i] : null);
            }}
          >
            <option value={-1}>{t('connect.myself')}</option>
            {delegations.map((d, i) => (
              <option key={`${d.real}:${d.proxyType}`} value={i}>
                {d.delay > 0
                  ? t('connect.delegationDelayed', { name: names(d.real) ?? d.real, type: d.proxyType, delay: d.delay })
                  : t('connect.delegationNow', { name: names(d.real) ?? d.real, type: d.proxyType })}
              </option>
            ))}
          </select>
        </Field>
      )}
      {account && actingFor && (
        <p className="acting" data-testid="acting-banner">
          {t('connect.acting', {
            real: names(actingFor.real) ?? actingFor.real,
            me: account.name,
            type: actingFor.proxyType,
          })}
        </p>
      )}
    </section>
  );
}
