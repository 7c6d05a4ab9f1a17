/**
 * A view that loads in its own chunk after first paint (React.lazy), so that first-paint JS stays small
 * (bench/bundle.mjs measures it). While the chunk loads, a one-line placeholder holds the place; if it
 * cannot load (offline, a deploy in between), the view says so instead of taking the page down.
 */
import { Component, Suspense, lazy, type ComponentType, type ReactNode } from 'react';
import { useT } from './i18n';
import type { en } from './i18n/locales/en';

/** A lazily loaded view's id: its name in the views namespace. */
export type LazyViewId = keyof typeof en.views.name;

function LoadFailure({ id }: { id: LazyViewId }) {
  const t = useT('views');
  return (
    <p className="panel view-load-failure" role="alert">
      {t('viewCodeFailure', { name: t(`name.${id}`) })}
    </p>
  );
}

function Loading({ id }: { id: LazyViewId }) {
  const t = useT('views');
  return <p className="panel muted view-loading">{t('loading', { name: t(`name.${id}`) })}</p>;
}

class LoadBoundary extends Component<{ id: LazyViewId; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  render(): ReactNode {
    if (this.state.failed) return <LoadFailure id={this.props.id} />;
    return this.props.children;
  }
}

export interface LazyViewOptions {
  /** Start fetching the chunk now (module evaluation), in parallel with the first render, for views on the first screen. */
  prefetch?: boolean;
}

export function lazyView(id: LazyViewId, load: () => Promise<ComponentType>, options: LazyViewOptions = {}): ComponentType {
  let pending: Promise<ComponentType> | null = options.prefetch ? load() : null;
  // A prefetch that failed is not fatal here: the first render asks again and the boundary reports a second failure.
  pending?.catch(() => {
    pending = null;
  });
  const View = lazy(async () => ({ default: await (pending ?? load()) }));
  function LazyView() {
    return (
      <LoadBoundary id={id}>
        <Suspense fallback={<Loading id={id} />}>
          <View />
        </Suspense>
      </LoadBoundary>
    );
  }
  LazyView.displayName = `Lazy(${id})`;
  return LazyView;
}
