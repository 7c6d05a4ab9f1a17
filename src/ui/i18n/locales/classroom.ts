/** Texts of the classroom controls (src/ui/classroom): lessons, presentation mode, class links. */
import { defineNamespace } from '../namespace';

export const classroom = defineNamespace(
  {
    lessons: 'Lessons',
    lessonsTitle: 'Guided lessons: a few steps each, with a question for the class',
    present: 'Present',
    exitPresent: 'Exit presentation',
    presentTitle: 'Presentation mode: large type and contrast, one view at a time; keys Space, ← →, 1–9, Q, F',
    fullScreen: 'Full screen',
    qrCode: 'QR code',
    keySpace: 'play/pause',
    keyArrows: 'lesson',
    keyDigits: 'views',
    keyQr: 'QR code',
    keyFullScreen: 'full screen',
  },
  {
    lessons: '课程',
    lessonsTitle: '引导式课程：每课几步，每步给全班一个问题',
    present: '演示',
    exitPresent: '退出演示',
    presentTitle: '演示模式：大字体、高对比度，一次显示一个视图；按键 空格、← →、1–9、Q、F',
    fullScreen: '全屏',
    qrCode: '二维码',
    keySpace: '播放/暂停',
    keyArrows: '课程步骤',
    keyDigits: '视图',
    keyQr: '二维码',
    keyFullScreen: '全屏',
  },
);
