// Browser notifications for what newly awaits the chosen account, if the
// member opts in on the home page (remembered in this browser). The watcher
// runs on every page; the first list it sees for an account is not announced,
// only what appears after it.

import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChain } from '../chain';
import { awaitingKey, describeAwaiting, newlyAwaiting, type PendingAction } from '../lib/actions';
import { useNames } from './Names';

const NOTIFY_KEY = 'peer.notify';
const supported = () => typeof Notification !== 'undefined';
const enabled = () => supported() && localStorage.getItem(NOTIFY_KEY) === 'on' && Notification.permission === 'granted';

/** Announces new items among `actions`, what awaits `address` at the latest block (no UI). */
export function NotifyWatcher({ address, actions }: { address: string; actions: PendingAction[] }) {
  const { account } = useChain();
  const names = useNames();
  // What was already awaiting, per account, when the board last looked.
  const seen = useRef(new Map<string, Set<string>>());
  const announce = useEffectEvent((address: string, actions: PendingAction[]) => {
    const before = seen.current.get(address);
    seen.current.set(address, new Set(actions.map(awaitingKey)));
    if (!before || !enabled()) return;
    for (const p of newlyAwaiting(before, actions)) {
      // The account acted for (a firm) by its name, else the signer's.
      new Notification(`Peer · ${names(address) ?? account?.name ?? address}`, {
        body: describeAwaiting(p, names),
        tag: awaitingKey(p),
      });
    }
  });
  useEffect(() => {
    announce(address, actions);
  }, [address, actions]);
  return null;
}

/** The member's choice, asked for with the browser's permission. */
export function NotifyToggle() {
  const { t } = useTranslation();
  const [on, setOn] = useState(enabled);
  const [refused, setRefused] = useState(false);
  if (!supported()) return null;
  const toggle = async () => {
    if (on) {
      localStorage.setItem(NOTIFY_KEY, 'off');
      setOn(false);
      return;
    }
    const permission = await Notification.requestPermission();
    setRefused(permission !== 'granted');
    if (permission === 'granted') {
      localStorage.setItem(NOTIFY_KEY, 'on');
      setOn(true);
    }
  };
  return (
    <div className="notify" data-testid="notify">
      <label className="check">
        <input type="checkbox" checked={on} onChange={toggle} /> {t('notify.toggle')}
      </label>
      {refused && (
        <span className="field-error" role="alert">
          {t('notify.refused')}
        </span>
      )}
    </div>
  );
}
