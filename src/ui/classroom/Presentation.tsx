/**
 * Presentation mode (`present=1`): the root gets the `present` class (styles.css: large type, thick lines, a
 * high-contrast palette as custom properties), the page shows only the current view, and the keyboard drives it:
 * Space plays / pauses (Header.tsx), ← / → move through the open lesson, 1–9 open the nav's views in its order
 * (src/state/views.ts listNavViews: the views the class link hides are not counted), Q shows the link's QR code large,
 * F toggles full screen (the Fullscreen API, where the browser allows it), Escape closes the QR code.
 */
import { useEffect, useRef, useState } from 'react';
import { moveLessonStep } from '../../state/lessonController';
import { useLabStore } from '../../state/store';
import { getShareUrl } from '../../state/urlSync';
import { listNavViews, openView } from '../../state/views';
import type { ViewId } from '../../core/classroom/classIds';
import { withClassroom } from '../../core/link';
import { useT } from '../i18n';

/** Keys typed into these are theirs, not presentation mode's. */
const TYPING_TARGETS = 'input, select, textarea, [contenteditable]';

function typesText(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TYPING_TARGETS) !== null;
}

/** Full screen on or off; the browser may refuse (no user gesture, an iframe without allowfullscreen): then nothing happens. */
export function toggleFullscreen(on = !document.fullscreenElement): void {
  if (on && !document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => {});
  else if (!on && document.fullscreenElement) document.exitFullscreen?.().catch(() => {});
}

/** Scrolls a view's panel into sight (the panels are #panel-<view>; the Benchmark view's section is #panel-benchmark). */
export function scrollToView(view: ViewId): void {
  window.requestAnimationFrame(() => (document.getElementById(`panel-${view}`) ?? document.getElementById('panel-benchmark'))?.scrollIntoView({ block: 'start' }));
}

/** Opens the n-th (1-based) view of the nav; returns whether there was one. */
export function openNavView(n: number): boolean {
  const state = useLabStore.getState();
  const view = listNavViews(state)[n - 1];
  if (!view) return false;
  openView(state, view);
  scrollToView(view);
  return true;
}

export function usePresentationKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || typesText(event.target)) return;
      const state = useLabStore.getState();
      if (event.key === 'Escape' && state.presentQrOpen) {
        state.setPresentQrOpen(false);
        return;
      }
      if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        if (state.classroom.lesson !== null && moveLessonStep(event.key === 'ArrowRight' ? 1 : -1)) event.preventDefault();
        return;
      }
      if (!state.classroom.present) return;
      if (/^[1-9]$/.test(event.key)) {
        if (openNavView(Number(event.key))) event.preventDefault();
      } else if (event.key === 'q' || event.key === 'Q') {
        state.setPresentQrOpen(!state.presentQrOpen);
        event.preventDefault();
      } else if (event.key === 'f' || event.key === 'F') {
        toggleFullscreen();
        event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** The header's Present button: presentation mode on (and full screen, the click being the gesture browsers ask for) or off. */
export function PresentButton() {
  const t = useT('classroom');
  const present = useLabStore((state) => state.classroom.present);
  const setPresent = useLabStore((state) => state.setPresent);
  return (
    <button
      type="button"
      className="button"
      data-testid="present-button"
      aria-pressed={present}
      title={t('presentTitle')}
      onClick={() => {
        setPresent(!present);
        toggleFullscreen(!present);
      }}
    >
      {present ? t('exitPresent') : t('present')}
    </button>
  );
}

/** The bar of presentation mode: the keys, Full screen, the QR code. */
export function PresentBar() {
  const t = useT('classroom');
  const present = useLabStore((state) => state.classroom.present);
  const qrOpen = useLabStore((state) => state.presentQrOpen);
  const setQrOpen = useLabStore((state) => state.setPresentQrOpen);
  if (!present) return null;
  return (
    <div className="present-bar" data-testid="present-bar">
      <span className="present-keys">
        <kbd>{t('keySpaceName')}</kbd> {t('keySpace')} · <kbd>←</kbd> <kbd>→</kbd> {t('keyArrows')} · <kbd>1</kbd>–<kbd>9</kbd> {t('keyDigits')} · <kbd>Q</kbd> {t('keyQr')} ·{' '}
        <kbd>F</kbd> {t('keyFullScreen')}
      </span>
      <button type="button" className="button" data-testid="present-fullscreen" onClick={() => toggleFullscreen()}>
        {t('fullScreen')}
      </button>
      <button type="button" className="button" data-testid="present-qr-button" aria-pressed={qrOpen} onClick={() => setQrOpen(!qrOpen)}>
        {t('qrCode')}
      </button>
    </div>
  );
}

/**
 * The link's QR code, as large as the screen allows, for a class to scan: the page's link without presentation mode
 * (the students' phones get the lesson and the class link's settings, not the projector's layout).
 */
export function PresentQr() {
  const t = useT('classroom');
  const open = useLabStore((state) => state.presentQrOpen);
  const setOpen = useLabStore((state) => state.setPresentQrOpen);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const [url, setUrl] = useState('');
  const [tooLong, setTooLong] = useState(false);
  useEffect(() => {
    if (!open) return;
    const link = withClassroom(getShareUrl(), { ...useLabStore.getState().classroom, present: false });
    setUrl(link);
    closeRef.current?.focus();
    let current = true;
    const canvas = canvasRef.current;
    // The QR library comes in its own chunk, as the Share dialog's does.
    import('../shareQr')
      .then(({ drawShareQr }) => (canvas ? drawShareQr(canvas, link) : null))
      .then(() => current && setTooLong(false))
      .catch(() => current && setTooLong(true));
    return () => {
      current = false;
    };
  }, [open]);
  if (!open) return null;
  return (
    <div className="present-qr" role="dialog" aria-modal="true" aria-label={t('qrOfLink')} data-testid="present-qr">
      <canvas ref={canvasRef} className="present-qr-code" data-testid="present-qr-code" data-link={url} role="img" aria-label={t('qrOfLink')} hidden={tooLong} />
      {tooLong ? <p>{t('qrTooLong')}</p> : null}
      <p className="present-qr-url">{url}</p>
      <button ref={closeRef} type="button" className="button" data-testid="present-qr-close" onClick={() => setOpen(false)}>
        {t('closeEsc')}
      </button>
    </div>
  );
}
