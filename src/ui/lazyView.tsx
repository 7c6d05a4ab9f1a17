/**
 * A view that loads in its own chunk after first paint (React.lazy), so that first-paint JS stays small
 * (bench/bundle.mjs measures it). While the chunk loads, a one-line placeholder holds the place; if it
 * cannot load (offline, a deploy in between), the view says so instead of taking the page down.
 */
import { Component, Suspense, lazy, type ComponentType, type ReactNode } from 'react';
import { WORKER_LOAD_FAILURE_TEXT } from '../state/workerFailure';

class LoadBoundary extends Component<{ name: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  render(): ReactNode {
    if (this.state.failed) {
      return (
        <p className="panel view-load-failure" role="alert">
          {this.props.name}: {WORKER_LOAD_FAILURE_TEXT.replace('The training code', 'The code of this view')}
        </p>
      );
    }
    return this.props.children;
  }
}

export interface LazyViewOptions {
  /** Start fetching the chunk now (module evaluation), in parallel with the first render, for views on the first screen. */
  prefetch?: boolean;
}

export function lazyView(name: string, load: () => Promise<ComponentType>, options: LazyViewOptions = {}): ComponentType {
  let pending: Promise<ComponentType> | null = options.prefetch ? load() : null;
  // A prefetch that failed is not fatal here: the first render asks again and the boundary reports a second failure.
  pending?.catch(() => {
    pending = null;
  });
  const View = lazy(async () => ({ default: await (pending ?? load()) }));
  function LazyView() {
    return (
      <LoadBoundary name={name}>
        <Suspense fallback={<p className="panel muted view-loading">{name}: loading…</p>}>
          <View />
        </Suspense>
      </LoadBoundary>
    );
  }
  LazyView.displayName = `Lazy(${name})`;
  return LazyView;
}
