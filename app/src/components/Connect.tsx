// Endpoint chooser and account picker.

import { useState } from 'react';
import { useChain, DEFAULT_ENDPOINT } from '../chain';
import { Field } from './Field';
import { isNodeEndpoint } from '../lib/links';

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
  } = useChain();
  const [text, setText] = useState(endpoint);
  const [endpointError, setEndpointError] = useState<string>();
  const [extError, setExtError] = useState<string>();
  const apply = () => {
    if (!isNodeEndpoint(text)) return setEndpointError('A WebSocket address, like ws://127.0.0.1:9944.');
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
        <Field label="Node" error={endpointError} id="endpoint">
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={DEFAULT_ENDPOINT}
            aria-label="Node endpoint"
          />
        </Field>
        <button type="submit">Connect</button>
      </form>
      <div className="status" data-testid="chain-status">
        {error ? (
          <span className="error">{error}</span>
        ) : chainName ? (
          <>
            <strong>{chainName}</strong> at <code data-testid="endpoint">{endpoint}</code> · best #{best?.number ?? '…'}{' '}
            · finalized #{finalized ?? '…'}
          </>
        ) : (
          'connecting…'
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
            Use wallet “{name}”
          </button>
        ))}
        {extensions.length === 0 && (
          <span className="muted">No wallet extension found (polkadot.js, Talisman or SubWallet).</span>
        )}
        {extError && <span className="error">{extError}</span>}
      </div>
      <Field label="Account" hint={isDev ? 'Development chain: the well-known dev accounts are offered.' : undefined}>
        <select aria-label="Account" value={account?.address ?? ''} onChange={(e) => select(e.target.value)}>
          <option value="">— choose —</option>
          {accounts.map((a) => (
            <option key={`${a.source}:${a.address}`} value={a.address}>
              {a.name} ({a.source}) {a.address.slice(0, 8)}…
            </option>
          ))}
        </select>
      </Field>
    </section>
  );
}
