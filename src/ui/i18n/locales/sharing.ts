/**
 * Texts of sharing and of the page's notices: the Share dialog (src/ui/ShareDialog.tsx; its class-link builder is in
 * the classroom namespace), the alert area and the run-change question (src/ui/Notice.tsx), and offline use
 * (src/ui/UpdateNotice.tsx). What a link holds (`{{contents}}`) is src/core/linkSummary.ts's summary.
 */
import { defineNamespace } from '../namespace';

export const sharing = defineNamespace(
  {
    title: 'Share this lab',
    contents: 'The link holds {{contents}} (only what differs from the defaults, and the link’s version).',
    qrOfLink: 'QR code of the link',
    qrTooLong: 'This link is too long for a QR code; copy it instead.',
    link: 'Link',
    copy: 'Copy link',
    copied: 'Link copied: {{contents}}.',
    copyBlocked: 'Copying is blocked here: select the link above and copy it.',
    largerQr: 'Larger QR code',
    smallerQr: 'Smaller QR code',
    close: 'Close',
    continue: 'Continue',
    dismiss: 'Dismiss',
    newRun: 'New run',
    keepCurrent: 'Keep current',
    trainAnyway: 'Train anyway',
    shrinkAndTrain: 'Shrink and train',
    cancel: 'Cancel',
    updateAvailable: 'A new version of the lab is available. Reload to use it (a running training stops).',
    reload: 'Reload',
    dismissUpdate: 'Dismiss the update notice',
    offlineReady: 'available offline',
    offlineReadyTitle: 'Every file of the lab is cached by its service worker: it loads and trains without a network.',
  },
  {
    title: '分享本实验室',
    contents: '链接包含 {{contents}}（只记录与默认值不同的部分，以及链接的版本号）。',
    qrOfLink: '链接的二维码',
    qrTooLong: '此链接太长，无法生成二维码；请直接复制链接。',
    link: '链接',
    copy: '复制链接',
    copied: '已复制链接：{{contents}}。',
    copyBlocked: '此处无法复制：请选中上面的链接后手动复制。',
    largerQr: '放大二维码',
    smallerQr: '缩小二维码',
    close: '关闭',
    continue: '继续',
    dismiss: '关闭提示',
    newRun: '开始新的训练',
    keepCurrent: '保留当前训练',
    trainAnyway: '仍然训练',
    shrinkAndTrain: '缩小后训练',
    cancel: '取消',
    updateAvailable: '实验室有新版本。重新加载即可使用（正在进行的训练会停止）。',
    reload: '重新加载',
    dismissUpdate: '关闭更新提示',
    offlineReady: '可离线使用',
    offlineReadyTitle: '实验室的所有文件都已由其 Service Worker 缓存在浏览器中：无需网络即可加载和训练。',
  },
);
