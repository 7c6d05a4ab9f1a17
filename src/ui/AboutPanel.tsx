/** "About this run": what AXNet is and how to read the panels, in the words of the chosen target. */
import { Trans } from 'react-i18next';
import { resolveTarget } from '../core/targets/index';
import { isImageTarget } from '../core/imageViews';
import type { TargetSpec } from '../core/targets/types';
import { errorMetricIn, targetDescriptionIn, targetInputNamesIn, targetTitleIn } from '../core/targets/targetTextZh';
import type { LanguageId } from '../core/language';
import { isCompareMode } from '../state/compareController';
import { SUPPRESSION_THRESHOLD } from '../core/axnetMath';
import { CONTROL_PLACEMENT_SPECS } from '../core/modelChoices';
import { useLabStore } from '../state/store';
import i18next from 'i18next';
import { useLanguage, useT } from './i18n';
import { PLACEMENT_KEYS } from './compare/MethodControls';

type AboutT = (key: 'inputsTwo' | 'inputsMore', options?: Record<string, unknown>) => string;

/** How each language separates the items of a list in a sentence. */
const LIST_SEPARATOR: Record<LanguageId, string> = { en: ', ', zh: '、' };

/** The about namespace's texts in `language` (also outside React: the unit tests). */
function aboutTexts(language: LanguageId): AboutT {
  return i18next.getFixedT(language, 'about') as unknown as AboutT;
}

/** "ν (order) and x", "S (spot), K (strike) and 4 more": the target's inputs, short enough for a sentence. */
export function listInputs(names: readonly string[], limit = 3, language: LanguageId = 'en'): string {
  const t = aboutTexts(language);
  const separator = LIST_SEPARATOR[language];
  if (names.length <= 1) return names[0] ?? '';
  if (names.length <= limit) return t('inputsTwo', { first: names.slice(0, -1).join(separator), last: names[names.length - 1] });
  return t('inputsMore', { first: names.slice(0, limit - 1).join(separator), more: names.length - limit + 1 });
}

/** What the benchmark view shows for this target (the same three cases BenchmarkView.tsx draws). */
export function describeBenchmarkView(spec: Pick<TargetSpec, 'id' | 'title' | 'inputDim' | 'inputNames' | 'outputNames'>, language: LanguageId = 'en'): string {
  const t = i18next.getFixedT(language, 'about');
  const title = targetTitleIn(spec, language);
  const inputNames = targetInputNamesIn(spec, language);
  if (spec.inputDim === 2 && !isImageTarget(spec.id)) return t('benchmarkPlane', { title, inputs: inputNames.join(LIST_SEPARATOR[language]) });
  if (isImageTarget(spec.id)) return t('benchmarkImage');
  return t(spec.outputNames.length > 1 ? 'benchmarkMany' : 'benchmarkOne', { title, inputs: listInputs(inputNames, 3, language) });
}

const ELEMENTS = { b: <strong />, i: <em />, placement: <span data-testid="about-placement" /> };

export function AboutPanel() {
  const t = useT('about');
  const tControls = useT('controls');
  const tMetrics = useT('metrics');
  const language = useLanguage();
  const targetId = useLabStore((state) => state.config.target);
  const customFunction = useLabStore((state) => state.config.customFunction);
  const controlPlacement = useLabStore((state) => state.config.controlPlacement);
  const compare = useLabStore((state) => isCompareMode(state.config));
  const spec = resolveTarget({ target: targetId, customFunction });
  const placement = t('placement', { formula: CONTROL_PLACEMENT_SPECS[controlPlacement].formula, label: tControls(`methods.${PLACEMENT_KEYS[controlPlacement]}`) });
  return (
    <section className="panel about" aria-labelledby="about-title" data-testid="about" data-target={spec.id}>
      <h2 id="about-title">{t('title')}</h2>
      <p>
        <Trans t={t} i18nKey="intro" values={{ placement }} components={ELEMENTS} />
      </p>
      <p data-testid="about-target">
        <strong>{t('thisTarget', { title: targetTitleIn(spec, language) })}</strong> {targetDescriptionIn(spec, language, customFunction.ranges)}{' '}
        {t('targetFacts', { inputs: listInputs(targetInputNamesIn(spec, language), 3, language), metric: errorMetricIn(spec.errorMetric, language) })}
      </p>
      <p>
        <strong>{t('readingTitle')}</strong>{' '}
        {compare ? (
          <Trans t={t} i18nKey="readingCompare" components={ELEMENTS} />
        ) : (
          <Trans
            t={t}
            i18nKey="readingLab"
            values={{ benchmark: describeBenchmarkView(spec, language) }}
            components={{ ...ELEMENTS, suppression: <span>{t('suppression', { threshold: SUPPRESSION_THRESHOLD })}</span> }}
          />
        )}
      </p>
      <p className="muted small">{t('live', { rule: tMetrics('parameterRule') })}</p>
    </section>
  );
}
