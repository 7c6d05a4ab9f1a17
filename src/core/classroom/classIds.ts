/**
 * The one registry of the lab's classroom ids: every control group and every view that a lesson may highlight, a class
 * link may hide (`hide=`) or lock (`lock=`), and presentation mode may show (a digit key per view). The UI marks the
 * element of an id with `data-class-id` through one wrapper (src/ui/classroom/ClassTarget.tsx), never by CSS selectors.
 */

/** The views: one panel of the lab view, or a view of its own (compare, sweep, AxTrain, NAS, Paper). */
export const VIEW_IDS = ['invocation', 'surface', 'control', 'npu', 'compare', 'sweep', 'axtrain', 'nas', 'paper'] as const;
/** The control groups of the sidebar and the header. */
export const CONTROL_IDS = [
  'target',
  'bound',
  'lr',
  'steps',
  'methods',
  'topology',
  'sweep-controls',
  'advanced',
  'seed',
  'backend',
  'transport',
  'share',
  'axtrain-controls',
  'nas-controls',
] as const;

export type ViewId = (typeof VIEW_IDS)[number];
export type ControlId = (typeof CONTROL_IDS)[number];
export type ClassId = ViewId | ControlId;

export interface ClassIdSpec {
  id: ClassId;
  kind: 'view' | 'control';
  /** What a teacher reads in the class-link builder. */
  label: string;
}

export const CLASS_ID_SPECS: readonly ClassIdSpec[] = [
  { id: 'invocation', kind: 'view', label: 'Invocation chart (Fig. 2b)' },
  { id: 'surface', kind: 'view', label: 'Benchmark view (Fig. 4a–c)' },
  { id: 'control', kind: 'view', label: 'Control vectors (Fig. 4d)' },
  { id: 'npu', kind: 'view', label: 'NPU (Fig. 5)' },
  { id: 'compare', kind: 'view', label: 'Compare methods (Fig. 2)' },
  { id: 'sweep', kind: 'view', label: 'Sweep view' },
  { id: 'axtrain', kind: 'view', label: 'AxTrain view' },
  { id: 'nas', kind: 'view', label: 'NAS view' },
  { id: 'paper', kind: 'view', label: 'Paper (§V) view' },
  { id: 'target', kind: 'control', label: 'Target' },
  { id: 'bound', kind: 'control', label: 'Error bound and its presets' },
  { id: 'lr', kind: 'control', label: 'Learning rate' },
  { id: 'steps', kind: 'control', label: 'Training steps' },
  { id: 'methods', kind: 'control', label: 'Methods' },
  { id: 'topology', kind: 'control', label: 'Topology (layers and neurons)' },
  { id: 'sweep-controls', kind: 'control', label: 'Sweep settings' },
  { id: 'advanced', kind: 'control', label: 'Advanced settings' },
  { id: 'seed', kind: 'control', label: 'Seed' },
  { id: 'backend', kind: 'control', label: 'Backend' },
  { id: 'transport', kind: 'control', label: 'Play, step and reset' },
  { id: 'share', kind: 'control', label: 'Share button' },
  { id: 'axtrain-controls', kind: 'control', label: 'AxTrain settings' },
  { id: 'nas-controls', kind: 'control', label: 'NAS settings' },
];

export const CLASS_IDS: readonly ClassId[] = CLASS_ID_SPECS.map((spec) => spec.id);

export function isClassId(text: string): text is ClassId {
  return (CLASS_IDS as readonly string[]).includes(text);
}

export function isViewId(text: string): text is ViewId {
  return (VIEW_IDS as readonly string[]).includes(text);
}

/** The lab view's panels (the ui slice's selected panel); the other views are layouts of their own. */
export const LAB_PANEL_VIEWS = ['invocation', 'surface', 'control', 'npu'] as const satisfies readonly ViewId[];
export type LabPanelView = (typeof LAB_PANEL_VIEWS)[number];

export function isLabPanelView(view: ViewId): view is LabPanelView {
  return (LAB_PANEL_VIEWS as readonly string[]).includes(view);
}
