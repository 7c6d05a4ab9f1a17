/**
 * Mirrors the config slice (and the NPU params, the sweep spec, the AxTrain and the NAS configs) into location.hash
 * (the URL is a projection of the config) and reads it back on load and on hashchange. Links are untrusted:
 * parseLink validates and clamps them, and any problem becomes a role="alert" notice instead of an exception.
 */
import { formatMessage, message, type Message } from '../core/messages';
import { currentLessonStep } from '../core/classroom/classLink';
import { buildShareUrl, formatHash, joinProblems, parseLink, type LinkExtras } from '../core/link';
import { getExpressionParser, loadExpressionParser } from '../core/targets/expressionParser';
import { startLanguagePreference } from './languagePreference';
import { useLabStore } from './store';
import { openView } from './views';

/** The link's problems in one notice, in the language on screen: the first four (they quote the link), then how many more. */
export function describeProblems(problems: readonly Message[]): Message {
  const more = problems.length > 4 ? message('moreProblems', { count: problems.length - 4 }) : '';
  return message('linkProblems', { details: joinProblems(problems.slice(0, 4)), more });
}

/**
 * Whether a link names the custom target, whose function needs mathjs' parser (src/core/targets/expressionParser.ts)
 * before the link is read; the page loads it first (main.tsx, and a hash change below).
 */
export function linkNeedsExpressionParser(hash: string): boolean {
  return /(?:^|&)target=custom(?:&|$)/.test(hash.replace(/^#/, ''));
}

/** Applies a hash to the store; returns whether it had problems. */
export function applyHash(hash: string): boolean {
  const { config, problems, npu, npuCpuInstructions, sweep, axtrain, nas, language, classroom } = parseLink(hash);
  const store = useLabStore.getState();
  // A link that changes only NPU keys must not restart training (any config change does).
  if (formatHash(config) !== formatHash(store.config)) store.replaceConfig(config);
  store.replaceNpuParams(npu, npuCpuInstructions);
  store.setSweep(sweep);
  store.setAxtrain(axtrain);
  store.setNas(nas);
  if (language) store.setLanguage(language); // a link without lang= keeps the reader's own (languagePreference.ts)
  store.setClassroom(classroom);
  // The view to show: the lesson step's, else the one the class link opens on.
  const view = currentLessonStep(classroom)?.view ?? classroom.open;
  if (view !== null) openView(useLabStore.getState(), view);
  if (problems.length > 0) {
    const shown = describeProblems(problems);
    store.showNotice({ kind: 'link', text: formatMessage(shown, 'en'), message: shown });
  } else if (store.notice?.kind === 'link') store.showNotice(null);
  return problems.length > 0;
}

function writeHash(hash: string): void {
  if (window.location.hash === hash) return;
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  window.history.replaceState(window.history.state, '', url);
}

/** Opens a link inside the page (a lesson step, a class link): read like any link, then the URL follows the store. */
export function openLink(hash: string): boolean {
  const hadProblems = applyHash(hash);
  writeHash(formatCurrentHash());
  return hadProblems;
}

/** Reads the hash now, then keeps URL and config in step. Returns an unsubscribe function. */
export function startUrlSync(): () => void {
  startLanguagePreference(parseLink(window.location.hash).language);
  applyHash(window.location.hash);
  writeHash(formatCurrentHash());
  const unsubscribe = useLabStore.subscribe((state, previous) => {
    if (
      state.config !== previous.config ||
      state.npuParams !== previous.npuParams ||
      state.npuCpuInstructions !== previous.npuCpuInstructions ||
      state.sweep !== previous.sweep ||
      state.axtrain !== previous.axtrain ||
      state.nas !== previous.nas ||
      state.language !== previous.language ||
      state.classroom !== previous.classroom
    ) {
      writeHash(formatCurrentHash());
    }
  });
  const onHashChange = () => {
    const read = () => {
      applyHash(window.location.hash);
      writeHash(formatCurrentHash());
    };
    // A link to the custom target reads its function once the parser is there (a failed load: the link's notice says so).
    if (linkNeedsExpressionParser(window.location.hash) && getExpressionParser() === null) void loadExpressionParser().then(read, read);
    else read();
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
  };
}

/** What the link holds besides the config: the NPU slice's params, the sweep spec, the AxTrain and NAS configs, the classroom part. */
function readLinkExtras(): LinkExtras {
  const state = useLabStore.getState();
  return {
    npu: state.npuParams,
    npuCpuInstructions: state.npuCpuInstructions,
    sweep: state.sweep,
    axtrain: state.axtrain,
    nas: state.nas,
    language: state.language,
    classroom: state.classroom,
  };
}

/** The hash of the config and the link's extras. */
function formatCurrentHash(): string {
  return formatHash(useLabStore.getState().config, readLinkExtras());
}

/** The '#v=1&…' hash of the current config and the link's extras (what the share link ends with). */
export function getShareHash(): string {
  return formatCurrentHash();
}

export function getShareUrl(): string {
  return buildShareUrl(window.location.href, useLabStore.getState().config, readLinkExtras());
}
