/**
 * The Share dialog (issue 13, "Sharing"): the current link, its QR code for a class to scan, and "Copy link", which
 * says what the link holds ("Link copied: target sobel, 3 methods, seed 7, backend wasm"; src/core/linkSummary.ts).
 * The link is the config's diff from the defaults with its version (src/core/link.ts). A modal <dialog>: focus moves
 * into it, Escape or Close shuts it, and the Share button gets the focus back (Header.tsx). Loaded in its own chunk
 * with the QR library, so first paint carries neither.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { parseLink, withClassroom } from '../core/link';
import { describeLinkContents } from '../core/linkSummary';
import { drawShareQr } from './shareQr';
import { ClassLinkBuilder } from './classroom/ClassLinkBuilder';
import { useT } from './i18n';

/** The copy's outcome, for the link it copied (a changed class link has not been copied yet). */
type CopyState = { kind: 'idle' } | { kind: 'copied'; url: string } | { kind: 'failed'; url: string };

export interface ShareDialogProps {
  url: string;
  onClose: () => void;
}

export default function ShareDialog({ url: pageUrl, onClose }: ShareDialogProps) {
  const t = useT('sharing');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const copyRef = useRef<HTMLButtonElement>(null);
  const [copy, setCopy] = useState<CopyState>({ kind: 'idle' });
  const [qrTooLong, setQrTooLong] = useState(false);
  const [large, setLarge] = useState(false);
  // The class-link builder's choices start from the page's own; the link shown, drawn and copied follows them.
  const [classroom, setClassroom] = useState(() => parseLink(pageUrl).classroom);
  const url = useMemo(() => withClassroom(pageUrl, classroom), [pageUrl, classroom]);
  const contents = describeLinkContents(url);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The first action takes the focus (WAI-ARIA's dialog pattern), whatever the browser's own dialog focusing picks.
    copyRef.current?.focus();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let current = true;
    drawShareQr(canvas, url)
      .then(() => current && setQrTooLong(false))
      .catch(() => current && setQrTooLong(true));
    return () => {
      current = false;
    };
  }, [url]);

  const copyLink = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setCopy({ kind: 'copied', url });
    } catch {
      setCopy({ kind: 'failed', url });
    }
  };

  const status = copy.kind !== 'idle' && copy.url !== url ? '' : copy.kind === 'copied' ? t('copied', { contents }) : copy.kind === 'failed' ? t('copyBlocked') : '';

  return (
    <dialog
      ref={dialogRef}
      className={`share-dialog${large ? ' share-dialog-large' : ''}`}
      aria-labelledby="share-title"
      aria-describedby="share-contents"
      data-testid="share-dialog"
      onClose={onClose}
    >
      <h2 id="share-title">{t('title')}</h2>
      <p id="share-contents" data-testid="share-contents">
        {t('contents', { contents })}
      </p>
      <canvas ref={canvasRef} className="share-qr" data-testid="share-qr" data-link={url} role="img" aria-label={t('qrOfLink')} hidden={qrTooLong} />
      {qrTooLong ? <p className="share-qr-problem">{t('qrTooLong')}</p> : null}
      <label className="share-field">
        <span>{t('link')}</span>
        <input className="share-url" data-testid="share-url" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
      </label>
      <ClassLinkBuilder classroom={classroom} onChange={setClassroom} />
      <p className="share-status" role="status" data-testid="share-status">
        {status}
      </p>
      <div className="share-buttons">
        <button ref={copyRef} type="button" className="prompt-button primary" data-testid="share-copy" onClick={() => void copyLink()}>
          {t('copy')}
        </button>
        <button type="button" className="prompt-button" data-testid="share-enlarge" aria-pressed={large} onClick={() => setLarge((value) => !value)}>
          {large ? t('smallerQr') : t('largerQr')}
        </button>
        <button type="button" className="prompt-button" data-testid="share-close" onClick={() => dialogRef.current?.close()}>
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}
