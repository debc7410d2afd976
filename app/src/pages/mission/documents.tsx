// A mission's documents, from the store beside the indexer: what the mission
// asks (its description, each milestone's specification), what was delivered,
// the owner's reasons for a rejection and the parties' statements in a
// dispute. Read with one signature; each text checked here against its hash
// and the chain's; files downloaded on demand. Who may not read sees why.

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChain } from '../../chain';
import { Field } from '../../components/Field';
import { Who } from '../../components/Names';
import {
  DocumentError,
  listDocuments,
  readDocument,
  uploadDocument,
  type NewDocument,
  type Speaker,
} from '../../indexer/documents';
import { indexerUrl, type DocumentAnswer, type DocumentKind } from '../../indexer/client';
import { blake2 } from '../../lib/hash';
import i18n from '../../i18n';

/** The chain's hashes a page knows, to mark each document verified. */
export interface Expected {
  description?: string;
  milestones: { spec: string; deliverable?: string; reason?: string }[];
}

/** The store's address (the indexer's) and who would sign. */
export function useStore(): { url: string | null; speaker?: Speaker } {
  const { account, acting } = useChain();
  return {
    url: indexerUrl(),
    speaker: account ? { address: account.address, signer: account.signer, acting } : undefined,
  };
}

/** A refusal in the member's language, the store's own words beneath. */
function refusalText(e: unknown): string {
  if (e instanceof DocumentError)
    return `${i18n.t(`docs.refused.${e.code}`, { defaultValue: i18n.t('docs.refused.other') })} (${e.message})`;
  return i18n.t('docs.unreachable', { error: String((e as Error)?.message ?? e) });
}

/** The last upload's outcome, for whichever view shows it (the transaction list). */
const uploads = new EventTarget();
type UploadOutcome = { ok?: string; error?: string };

/** The outcome of the last documents stored after a transaction, beside the transaction cards. */
export function UploadStatus() {
  const [status, setStatus] = useState<UploadOutcome>();
  useEffect(() => {
    const on = (e: Event) => setStatus((e as CustomEvent<UploadOutcome>).detail);
    uploads.addEventListener('outcome', on);
    return () => uploads.removeEventListener('outcome', on);
  }, []);
  return status ? (
    <p
      className={status.error ? 'field-error' : 'note'}
      role={status.error ? 'alert' : 'status'}
      data-testid="docs-upload-status"
    >
      {status.error ?? status.ok}
    </p>
  ) : null;
}

/**
 * Stores documents after their transaction: `run(docs)` uploads each one; how
 * it went is shown beside the transaction cards (the form that sent them may be
 * gone once the chain moved on).
 */
export function useUpload() {
  const { url, speaker } = useStore();
  const say = (detail: UploadOutcome) => uploads.dispatchEvent(new CustomEvent('outcome', { detail }));
  const run = async (docs: NewDocument[]): Promise<boolean> => {
    if (!docs.length) return true;
    if (!url || !speaker) {
      say({ ok: i18n.t('docs.notStored') });
      return false;
    }
    try {
      for (const d of docs) await uploadDocument(url, speaker, d);
      say({ ok: i18n.t('docs.stored', { what: docs.map((d) => d.name).join(', ') }) });
      return true;
    } catch (e) {
      say({ error: refusalText(e) });
      return false;
    }
  };
  return { run };
}

const utf8 = new TextEncoder();

/** Whether a document is the one the chain holds for its place, as this page can tell. */
function verdict(d: DocumentAnswer, expected?: Expected): 'verified' | 'differs' | 'signed' | 'pending' | 'unchecked' {
  if (d.pending) return 'pending';
  if (d.kind === 'statement') return 'signed';
  if (d.text !== null && blake2(utf8.encode(d.text)) !== d.hash) return 'differs';
  const ms = d.milestone === null ? undefined : expected?.milestones[d.milestone];
  const want =
    d.kind === 'description'
      ? expected?.description
      : d.kind === 'milestone'
        ? ms?.spec
        : d.kind === 'deliverable'
          ? ms?.deliverable
          : ms?.reason;
  if (!want) return 'unchecked';
  return want === d.hash ? 'verified' : d.kind === 'deliverable' || d.kind === 'rejection' ? 'unchecked' : 'differs';
}

const ORDER: DocumentKind[] = ['description', 'milestone', 'deliverable', 'rejection', 'statement'];

export function Documents({ mission, expected, owner }: { mission: number; expected?: Expected; owner?: string }) {
  const { t } = useTranslation();
  const { url, speaker } = useStore();
  const { actor } = useChain();
  const [docs, setDocs] = useState<DocumentAnswer[]>();
  const [refused, setRefused] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [downloadErr, setDownloadErr] = useState<string>();
  if (!url)
    return (
      <section className="documents" data-testid="documents">
        <h3>{t('docs.title')}</h3>
        <p className="muted">{t('docs.noStore')}</p>
      </section>
    );
  const load = async () => {
    if (!speaker) return;
    setBusy(true);
    setRefused(undefined);
    try {
      setDocs(await listDocuments(url, speaker, mission));
    } catch (e) {
      setDocs(undefined);
      setRefused(refusalText(e));
    } finally {
      setBusy(false);
    }
  };
  const download = async (d: DocumentAnswer) => {
    if (!speaker) return;
    setDownloadErr(undefined);
    try {
      const bytes = await readDocument(url, speaker, d.hash);
      if (blake2(bytes) !== d.hash) return setDownloadErr(t('docs.downloadDiffers', { name: d.name }));
      const href = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = href;
      a.download = d.name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    } catch (e) {
      setDownloadErr(refusalText(e));
    }
  };
  const sorted = [...(docs ?? [])].sort(
    (a, b) =>
      ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) ||
      (a.milestone ?? -1) - (b.milestone ?? -1) ||
      a.uploaded - b.uploaded,
  );
  const has = (kind: DocumentKind, milestone?: number) =>
    sorted.some((d) => d.kind === kind && (milestone === undefined || d.milestone === milestone) && !d.pending);
  const isOwner = !!actor && actor === owner;
  return (
    <section className="documents" data-testid="documents">
      <h3>{t('docs.title')}</h3>
      {!speaker ? (
        <p className="muted">{t('docs.chooseAccount')}</p>
      ) : (
        <button type="button" onClick={load} disabled={busy} data-testid="docs-read">
          {docs ? t('docs.readAgain') : t('docs.read')}
        </button>
      )}
      <p className="muted small">{t('docs.who')}</p>
      {refused && (
        <p className="field-error" role="alert" data-testid="docs-refused">
          {refused}
        </p>
      )}
      {downloadErr && (
        <p className="field-error" role="alert">
          {downloadErr}
        </p>
      )}
      {docs && sorted.length === 0 && <p className="muted">{t('docs.none')}</p>}
      {sorted.map((d) => {
        const v = verdict(d, expected);
        return (
          <div
            className="doc"
            key={`${d.hash}-${d.kind}-${d.milestone}-${d.account}`}
            data-testid={`doc-${d.kind}${d.milestone === null ? '' : `-${d.milestone}`}`}
          >
            <p>
              <strong>{t(`docs.kind.${d.kind}`, { milestone: (d.milestone ?? 0) + 1 })}</strong> · {d.name} ·{' '}
              <Who address={d.account} /> ·{' '}
              <span className={`badge ${v}`} data-testid="doc-verdict" title={d.hash}>
                {t(`docs.verdict.${v}`)}
              </span>
            </p>
            {d.text !== null ? (
              <pre className="doc-text" data-testid="doc-text">
                {d.text}
              </pre>
            ) : (
              <button type="button" onClick={() => download(d)} disabled={d.pending}>
                {t('docs.download', { size: Math.max(1, Math.round(d.size / 1024)) })}
              </button>
            )}
          </div>
        );
      })}
      {docs && isOwner && expected && !has('description') && (
        <AddDocument mission={mission} kind="description" label={t('docs.addDescription')} onDone={load} />
      )}
      {docs &&
        isOwner &&
        expected?.milestones.map((_, i) =>
          has('milestone', i) ? null : (
            <AddDocument
              key={i}
              mission={mission}
              kind="milestone"
              milestone={i}
              label={t('docs.addSpec', { milestone: i + 1 })}
              onDone={load}
            />
          ),
        )}
    </section>
  );
}

/** Stores a document the chain already holds the hash of (posted from another browser, or by a multisig). */
function AddDocument({
  mission,
  kind,
  milestone,
  label,
  onDone,
}: {
  mission: number;
  kind: DocumentKind;
  milestone?: number;
  label: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File>();
  const [err, setErr] = useState<string>();
  const { run } = useUpload();
  const id = `add-${kind}-${milestone ?? ''}`;
  return (
    <form
      className="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!text.trim() && !file) return setErr(t('docs.addNeeded'));
        setErr(undefined);
        const bytes = file ? new Uint8Array(await file.arrayBuffer()) : utf8.encode(text);
        if (await run([{ mission, kind, milestone, name: file?.name ?? `${kind}.md`, bytes }])) onDone();
      }}
    >
      <Field label={label} error={err} id={id} hint={t('docs.addHint')}>
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} aria-label={label} />
      </Field>
      <input type="file" aria-label={`${label} (file)`} onChange={(e) => setFile(e.target.files?.[0])} />
      <button type="submit">{t('docs.add')}</button>
    </form>
  );
}
