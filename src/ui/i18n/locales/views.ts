/** Texts of the views that load in chunks of their own (src/ui/lazyView.tsx) and of the run's error line (App.tsx RunMessage). */
import { WORKER_LOAD_FAILURE_TEXT } from '../../../state/workerFailure';
import { defineNamespace } from '../namespace';

export const views = defineNamespace(
  {
    /** The lazily loaded views, by the id App.tsx gives lazyView. */
    name: {
      paper: 'Paper view',
      npu: 'NPU view',
      invocation: 'Invocation chart',
      sweep: 'Sweep view',
      compare: 'Compare view',
      axtrain: 'AxTrain view',
      nas: 'NAS view',
    },
    loading: '{{name}}: loading…',
    /** state/workerFailure.ts's text, for a view's own code. */
    viewCodeFailure: `{{name}}: ${WORKER_LOAD_FAILURE_TEXT.replace('The training code', 'The code of this view')}`,
    /** state/workerFailure.ts's text, as the run's error line shows it. */
    workerCodeFailure: WORKER_LOAD_FAILURE_TEXT,
  },
  {
    name: {
      paper: '论文视图',
      npu: 'NPU 视图',
      invocation: '调用率图',
      sweep: '参数扫描视图',
      compare: '比较视图',
      axtrain: 'AxTrain 视图',
      nas: 'NAS 视图',
    },
    loading: '{{name}}：加载中…',
    viewCodeFailure: '{{name}}：无法加载此视图的代码（离线，或实验室已更新）。网络恢复后请重新加载页面。',
    workerCodeFailure: '无法加载训练代码（离线，或实验室已更新）。网络恢复后请重新加载页面。',
  },
);
