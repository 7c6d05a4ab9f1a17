/** React side of loadTargetData: false until the target's data (the photographs of the image targets) has arrived. */
import { useEffect, useState } from 'react';
import { isTargetDataLoaded, loadTargetData } from '../core/targets/loadTargetData';

export function useTargetData(targetId: string): boolean {
  const [loadedId, setLoadedId] = useState<string | null>(null);
  const ready = loadedId === targetId || isTargetDataLoaded(targetId);
  useEffect(() => {
    if (ready) return;
    let live = true;
    loadTargetData(targetId).then(
      () => {
        if (live) setLoadedId(targetId);
      },
      () => {
        // Offline: the view stays without data; the next attempt (another target, a reload) retries.
      },
    );
    return () => {
      live = false;
    };
  }, [targetId, ready]);
  return ready;
}
