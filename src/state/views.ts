/**
 * The views of the lab as the classroom registry names them (src/core/classroom/classIds.ts): which one is showing,
 * which ones the panel nav offers (in its order: the digit keys of presentation mode follow it), and opening one.
 * The panel nav, the lesson steps, a link's `open=` and presentation mode's keys all open views through openView.
 */
import { createAxtrainConfig } from '../core/axtrain/config';
import { isLabPanelView, type ViewId } from '../core/classroom/classIds';
import { createNasClassroomConfig } from '../core/nas/config';
import { isHidden } from './classroomSlice';
import type { LabState } from './store';

type ViewState = Pick<LabState, 'config' | 'sweep' | 'axtrain' | 'nas' | 'paperOpen' | 'selectedPanel' | 'classroom'>;

/** The lab's own layout for the config: one method = the lab view, several = compare, a sweep spec = sweep. */
export function selectLayout(state: Pick<ViewState, 'config' | 'sweep'>): 'lab' | 'compare' | 'sweep' {
  if (state.sweep !== null) return 'sweep';
  return state.config.methods.length > 1 ? 'compare' : 'lab';
}

/** The view on screen: Paper, NAS, AxTrain, then the layout (the lab view's selected panel). */
export function selectCurrentView(state: ViewState): ViewId {
  if (state.paperOpen) return 'paper';
  if (state.nas !== null) return 'nas';
  if (state.axtrain !== null) return 'axtrain';
  const layout = selectLayout(state);
  if (layout === 'lab') return state.selectedPanel;
  // The compare view has the NPU panel too.
  return layout === 'compare' && state.selectedPanel === 'npu' ? 'npu' : layout;
}

/** The panels of each layout's nav, in order. */
const LAYOUT_VIEWS: Record<'lab' | 'compare' | 'sweep', readonly ViewId[]> = {
  lab: ['invocation', 'surface', 'control', 'npu'],
  compare: ['compare', 'npu'],
  sweep: ['sweep'],
};

/** The views the panel nav offers now, in its order, without those the class link hides. */
export function listNavViews(state: ViewState): ViewId[] {
  const views: ViewId[] = [...LAYOUT_VIEWS[selectLayout(state)], 'axtrain', 'nas', 'paper'];
  return views.filter((view) => !isHidden(state.classroom, view));
}

/**
 * Opens a view: a lab panel is selected (and the AxTrain, NAS and Paper views leave), AxTrain and NAS bring their
 * classroom defaults when the store has no config for them, Paper keeps the rest (Back finds it). A view the class
 * link hides is not opened.
 */
export function openView(state: LabState, view: ViewId): void {
  if (isHidden(state.classroom, view)) return;
  switch (view) {
    case 'paper':
      state.setPaperOpen(true);
      return;
    case 'axtrain':
      state.setPaperOpen(false);
      state.setNas(null);
      if (!state.axtrain) state.setAxtrain(createAxtrainConfig('breastcancer'));
      return;
    case 'nas':
      state.setPaperOpen(false);
      state.setAxtrain(null);
      if (!state.nas) state.setNas(createNasClassroomConfig());
      return;
    default:
      state.setPaperOpen(false);
      state.setAxtrain(null);
      state.setNas(null);
      // The compare and sweep views stand for the lab view's first panel (the compare view's NPU panel is 'npu').
      state.selectPanel(isLabPanelView(view) ? view : 'invocation');
  }
}
