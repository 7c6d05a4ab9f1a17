/**
 * NAS slice: the NAS settings (part of the link, `nas=<target>&nas.<key>=…`, src/core/nas/config.ts; null = no NAS
 * view) and the run of its searches (nasController.ts: one worker runs SMAC, random search and the enumeration).
 * Two kinds of setting: the run's (target, budget, steps, weights, bound, space, SMAC's knobs, seed) and the
 * selection's (mode, C_acc, C_energy, C_speed, θ): changing a selection setting moves the picks at once and never
 * touches the run. Every setter goes through the link's field table, exactly as a link is read (clamped, validated).
 */
import type { StateCreator } from 'zustand';
import { message, type Message } from '../core/messages';
import { NAS_LINK_FIELDS, createNasRunConfig, formatNasLink, readNasLink, type NasRunConfig } from '../core/nas/config';
import type { NasRecord } from '../core/nas/run';
import type { FeatureImportance } from '../core/nas/surrogate';
import type { BackendName } from '../core/config';
import { TARGET_IDS } from '../core/targets/types';
import type { NasProgressPayload } from '../../workers/nasProtocol';
import type { BackendAttempt } from '../../workers/protocol';
import type { LabState, RunStatus } from './store';

/** The settings that only choose among the results (the picks), never the run. */
export const NAS_SELECTION_FIELDS = ['mode', 'cAcc', 'cEnergy', 'cSpeed', 'theta'] as const satisfies readonly (keyof NasRunConfig)[];
const SELECTION: ReadonlySet<string> = new Set(NAS_SELECTION_FIELDS);

/** The link text of a config's run settings only (selection fields reset to their defaults). */
export function formatRunPart(config: Readonly<NasRunConfig> | null): string {
  if (!config) return '';
  const defaults = createNasRunConfig(config.target);
  const runOnly = { ...config } as Record<string, unknown>;
  for (const field of NAS_SELECTION_FIELDS) runOnly[field] = defaults[field];
  return formatNasLink(runOnly as unknown as NasRunConfig).join('&');
}

/** Equal configs ⇔ equal link text. */
export function sameNasConfig(a: Readonly<NasRunConfig> | null, b: Readonly<NasRunConfig> | null): boolean {
  return formatNasLink(a).join('&') === formatNasLink(b).join('&');
}

/** Same run settings (the selection's may differ): the results of one are the results of the other. */
export function sameNasRun(a: Readonly<NasRunConfig> | null, b: Readonly<NasRunConfig> | null): boolean {
  return formatRunPart(a) === formatRunPart(b);
}

/**
 * The config with one field set from text, read through the link's field table (so a control accepts exactly
 * what a link accepts, clamped the same way); problems (a clamped or refused value) are returned for a notice.
 */
export function setNasFieldFromText(config: Readonly<NasRunConfig>, field: keyof NasRunConfig, text: string): { config: NasRunConfig; problems: Message[] } {
  const problems: Message[] = [];
  if (field === 'target') {
    const id = TARGET_IDS.find((known) => known === text);
    if (!id) return { config: { ...config }, problems: [message('nasNotTarget', { text })] };
    // A new target brings its defaults for what depends on it (the bound); every other setting is kept.
    const fresh = createNasRunConfig(id);
    return { config: { ...config, target: id, errorBound: fresh.errorBound }, problems };
  }
  const spec = NAS_LINK_FIELDS.find((f) => f.field === field);
  if (!spec) return { config: { ...config }, problems: [message('nasNotSetting', { field: String(field) })] };
  const parts = new Map(formatNasLink(config).map((part) => part.split('=').map(decodeURIComponent) as [string, string]));
  parts.set(spec.key, text);
  const next = readNasLink((key) => parts.get(key), problems);
  return { config: next ?? { ...config }, problems };
}

export interface NasRun {
  /** The settings this run searches with (its selection fields are not used: the view's are). */
  config: NasRunConfig;
  status: RunStatus;
  backend: BackendName | null;
  backendReport: BackendAttempt[];
  /** The data's splits (rows per split), from the worker's first message. */
  data: NasProgressPayload['data'];
  scale: { maxSpeedup: number; maxEnergyReduction: number } | null;
  records: NasRecord[];
  training: NasProgressPayload['training'];
  importance: FeatureImportance | null;
  message: string | null;
  /** The failure line as a message (shown in the language on screen), where the page worded it. */
  localizedMessage: Message | null;
  /** A run setting changed: the worker was stopped, the results stay (marked) until the next Play. */
  interrupted: boolean;
  /** Wall time since Play, summed over running spans, ms. */
  startedAt: number;
}

export interface NasProgressUpdate {
  payload: NasProgressPayload;
  status: RunStatus;
}

export function createNasRun(config: Readonly<NasRunConfig>): NasRun {
  return {
    config: { ...config },
    status: 'initializing',
    backend: null,
    backendReport: [],
    data: null,
    scale: null,
    records: [],
    training: null,
    importance: null,
    message: null,
    localizedMessage: null,
    interrupted: false,
    startedAt: typeof performance !== 'undefined' ? performance.now() : 0,
  };
}

/** The run after worker messages, in order (pure): records appended, the rest replaced when given. */
export function mergeNasProgress(run: NasRun, updates: readonly NasProgressUpdate[]): NasRun {
  if (updates.length === 0) return run;
  const next: NasRun = { ...run };
  const added: NasRecord[] = [];
  for (const { payload, status } of updates) {
    next.status = status;
    next.backend = payload.backend ?? next.backend;
    next.backendReport = payload.backendReport ?? next.backendReport;
    next.data = payload.data ?? next.data;
    next.scale = payload.scale ?? next.scale;
    next.training = payload.training;
    next.importance = payload.importance ?? next.importance;
    added.push(...payload.records);
  }
  if (added.length > 0) next.records = [...run.records, ...added];
  return next;
}

export interface NasSlice {
  nas: NasRunConfig | null;
  nasRun: NasRun | null;
  /** Sets the config (link, nav); null turns the view off; an equal config leaves the state as it is. */
  setNas: (config: NasRunConfig | null) => void;
  /** One setting from a control's text (validated as the link is); returns the problems for a notice. */
  setNasField: (field: keyof NasRunConfig, text: string) => Message[];
  startNasRun: (config: NasRunConfig) => void;
  applyNasProgressBatch: (updates: readonly NasProgressUpdate[]) => void;
  setNasStatus: (status: RunStatus) => void;
  failNasRun: (message: string, localized?: Message | null) => void;
  interruptNasRun: () => void;
  /** Back to its first `records` (a Continue from a checkpoint): it waits for its new worker. */
  rewindNasRun: (records: number) => void;
  clearNasRun: () => void;
}

export const createNasSlice: StateCreator<LabState, [], [], NasSlice> = (set, get) => ({
  nas: null,
  nasRun: null,
  setNas: (config) => set((state) => (sameNasConfig(state.nas, config) ? {} : { nas: config ? { ...config } : null })),
  setNasField: (field, text) => {
    const current = get().nas;
    if (!current) return [];
    const { config, problems } = setNasFieldFromText(current, field, text);
    if (!sameNasConfig(config, current)) set({ nas: config });
    return problems;
  },
  startNasRun: (config) => set({ nasRun: createNasRun(config) }),
  applyNasProgressBatch: (updates) => {
    if (updates.length === 0) return;
    set((state) => (state.nasRun ? { nasRun: mergeNasProgress(state.nasRun, updates) } : {}));
  },
  setNasStatus: (status) => set((state) => (state.nasRun ? { nasRun: { ...state.nasRun, status } } : {})),
  failNasRun: (message, localized = null) => set((state) => (state.nasRun ? { nasRun: { ...state.nasRun, status: 'error', message, localizedMessage: localized } } : {})),
  interruptNasRun: () =>
    set((state) => {
      const run = state.nasRun;
      if (!run || run.status === 'error') return {};
      const status: RunStatus = run.status === 'done' ? 'done' : 'paused';
      return { nasRun: { ...run, status, interrupted: run.status !== 'done', training: null } };
    }),
  rewindNasRun: (records) => set((state) => (state.nasRun ? { nasRun: rewindNasRun(state.nasRun, records) } : {})),
  clearNasRun: () => set({ nasRun: null }),
});

/** The run as it stood after its first `records` records (pure): it waits for its worker. */
export function rewindNasRun(run: NasRun, records: number): NasRun {
  return { ...run, status: 'initializing', records: run.records.slice(0, records), training: null, message: null, localizedMessage: null, interrupted: false };
}

/** The run's results are from other run settings than the view's. */
export function selectNasStale(state: Pick<LabState, 'nas' | 'nasRun'>): boolean {
  return state.nasRun !== null && !sameNasRun(state.nasRun.config, state.nas);
}

export function selectNasRunning(state: Pick<LabState, 'nasRun'>): boolean {
  const status = state.nasRun?.status;
  return status === 'running' || status === 'initializing';
}

/** Whether a field is a selection setting (moves the picks, never restarts). */
export function isNasSelectionField(field: string): boolean {
  return SELECTION.has(field);
}
