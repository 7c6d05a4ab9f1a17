// Worker-thread entry of `axlab reproduce --jobs N`: registers tsx in this thread, then runs cli/reproduceWorker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./reproduceWorker.ts');
