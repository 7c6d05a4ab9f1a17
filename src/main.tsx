import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreStoredRun, watchConfigChanges } from './state/trainingController';
import { restoreStoredCompare } from './state/compareController';
import { linkNeedsExpressionParser, startUrlSync } from './state/urlSync';
import { loadExpressionParser } from './core/targets/expressionParser';
import { restoreStoredSweep, watchSweepChanges } from './state/sweepController';
import { restoreStoredAxtrain, watchAxtrainChanges } from './state/axtrainController';
import { startServiceWorker } from './state/serviceWorker';
import { restoreStoredNas, watchNasChanges } from './state/nasController';
import { App } from './ui/App';
import { startI18n } from './ui/i18n';
import './ui/styles.css';

// A link to the custom target waits for mathjs' parser (about 40 kB gzip, not part of the first paint) before it is read.
if (linkNeedsExpressionParser(window.location.hash)) await loadExpressionParser().catch(() => undefined);
startUrlSync();
startI18n();
watchConfigChanges();
watchSweepChanges();
watchAxtrainChanges();
startServiceWorker();
watchNasChanges();
void restoreStoredRun(); // a reload or a crashed tab: this link's run comes back at its last checkpoint
void restoreStoredSweep(); // …or this link's sweep, NAS search, AxTrain run or comparison
void restoreStoredNas();
void restoreStoredAxtrain();
void restoreStoredCompare();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// After the first paint, fetch the parser while the page is idle, so that a switch to the custom target is immediate.
setTimeout(() => void loadExpressionParser().catch(() => undefined), 3000);
